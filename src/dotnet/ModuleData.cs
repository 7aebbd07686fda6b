using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace CmdletBridge
{
    /// <summary>
    /// The module's data (&lt;Module&gt;.Data.json beside the assembly, generated from the
    /// specs): the service's names, the regions the AWS SDK for JavaScript knows, and what the
    /// runtime needs to know of each operation. Read on first use, so that the import does not
    /// pay for it, and so that the runtime does not depend on which cmdlets exist.
    /// </summary>
    public static class ModuleData
    {
        /// <summary>The data file: it carries the module's name, as the assembly does.</summary>
        public static string FilePath { get; } = Path.Combine(
            Path.GetDirectoryName(typeof(ModuleData).Assembly.Location)!,
            typeof(ModuleData).Assembly.GetName().Name + ".Data.json");

        private static readonly Lazy<Contents> Data = new Lazy<Contents>(Load);
        private static readonly ConcurrentDictionary<string, OperationInfo> Built = new ConcurrentDictionary<string, OperationInfo>(StringComparer.Ordinal);

        public static string ServiceName => Data.Value.Service.GetProperty("name").GetString()!;
        public static string ServiceDisplayName => Data.Value.Service.GetProperty("displayName").GetString()!;
        public static string NounPrefix => Data.Value.Service.GetProperty("nounPrefix").GetString()!;
        public static string ModuleVersion => Data.Value.Service.GetProperty("moduleVersion").GetString()!;
        /// <summary>The AWS CLI's command for the service (Get-AWSCmdletName -AwsCliCommand).</summary>
        public static string CliCommand => Data.Value.Service.GetProperty("cliCommand").GetString()!;
        /// <summary>AWS_ENDPOINT_URL_&lt;this&gt; names the service's own endpoint variable.</summary>
        public static string ServiceIdVariableSuffix => Data.Value.Service.GetProperty("endpointVariableSuffix").GetString()!;

        /// <summary>The regions the AWS SDK for JavaScript knows, with their descriptions.</summary>
        public static IReadOnlyDictionary<string, string> KnownRegions => Data.Value.Regions.Value;

        /// <summary>Each cmdlet and the operation it calls, by cmdlet name (Get-AWSCmdletName).</summary>
        public static KeyValuePair<string, string>[] Operations => Data.Value.CmdletOperations.Value;

        /// <summary>An operation's data, built once per process.</summary>
        public static OperationInfo Operation(string name)
        {
            if (Built.TryGetValue(name, out OperationInfo? known)) return known;
            if (!Data.Value.Operations.TryGetProperty(name, out JsonElement element))
            {
                throw new ArgumentException($"The module's data ({FilePath}) has no operation named '{name}': the data file and the functions come from different builds. Reinstall the module.");
            }
            return Built.GetOrAdd(name, _ => Build(name, element));
        }

        /// <summary>The response paths -Select takes for a cmdlet.</summary>
        public static string[] SelectPaths(string cmdlet) => Strings(ForCmdlet(cmdlet), "selectPaths");

        /// <summary>A cmdlet's own parameters, in declaration order (for -Select '^Parameter').</summary>
        public static string[] ParameterNames(string cmdlet) => Strings(ForCmdlet(cmdlet), "parameters");

        /// <summary>The values a spec lists for a parameter (enums), for completion.</summary>
        public static string[] ListedValues(string cmdlet, string parameter) =>
            ForCmdlet(cmdlet) is JsonElement o && o.TryGetProperty("completions", out JsonElement listed) ? Strings(listed, parameter) : Array.Empty<string>();

        private static JsonElement? ForCmdlet(string cmdlet) =>
            Data.Value.ByCmdlet.Value.TryGetValue(cmdlet, out string? operation) ? Data.Value.Operations.GetProperty(operation) : null;

        private static OperationInfo Build(string name, JsonElement o)
        {
            bool paged = o.TryGetProperty("pagination", out JsonElement paging);
            bool sized = paged && paging.TryGetProperty("pageSizeParameter", out _);
            bool confirms = o.TryGetProperty("shouldProcess", out JsonElement shouldProcess);
            return new OperationInfo
            {
                Name = name,
                Cmdlet = o.GetProperty("cmdlet").GetString()!,
                RequestType = o.GetProperty("requestType").GetString()!,
                DefaultSelect = o.GetProperty("select").GetString()!,
                Signed = o.GetProperty("signed").GetBoolean(),
                CredentialParameters = o.GetProperty("credentialParameters").GetBoolean(),
                InputParameters = Strings(o, "input"),
                Mandatory = Strings(o, "mandatory"),
                Sensitive = Strings(o, "sensitive"),
                StringMaps = Strings(o, "stringMaps"),
                Nested = Strings(o, "nested"),
                Blobs = Strings(o, "blobs"),
                PageTokenParameter = paged ? paging.GetProperty("tokenParameter").GetString() : null,
                NextPageToken = paged ? paging.GetProperty("nextToken").GetString() : null,
                PageSizeParameter = sized ? paging.GetProperty("pageSizeParameter").GetString() : null,
                DefaultPageSize = sized ? paging.GetProperty("defaultPageSize").GetInt32() : 0,
                ShouldProcess = confirms,
                ShouldProcessTarget = confirms && shouldProcess.TryGetProperty("target", out JsonElement target) ? target.GetString() : null,
            };
        }

        /// <summary>A list of names; a member the generator leaves out is an empty list.</summary>
        private static string[] Strings(JsonElement? o, string member)
        {
            if (o is not JsonElement element || !element.TryGetProperty(member, out JsonElement list)) return Array.Empty<string>();
            var items = new string[list.GetArrayLength()];
            int i = 0;
            foreach (JsonElement item in list.EnumerateArray()) items[i++] = item.GetString()!;
            return items;
        }

        private static Contents Load()
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(File.ReadAllBytes(FilePath));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is JsonException)
            {
                throw new InvalidOperationException($"The module's data file {FilePath} could not be read ({e.Message}). Reinstall the module.", e);
            }
            return new Contents(document.RootElement);
        }

        private sealed class Contents
        {
            public Contents(JsonElement root)
            {
                Service = root.GetProperty("service");
                Operations = root.GetProperty("operations");
                JsonElement regions = root.GetProperty("regions");
                Regions = new Lazy<IReadOnlyDictionary<string, string>>(() =>
                    regions.EnumerateObject().ToDictionary(r => r.Name, r => r.Value.GetString()!, StringComparer.Ordinal));
                ByCmdlet = new Lazy<Dictionary<string, string>>(() =>
                    Operations.EnumerateObject().ToDictionary(o => o.Value.GetProperty("cmdlet").GetString()!, o => o.Name, StringComparer.OrdinalIgnoreCase));
                CmdletOperations = new Lazy<KeyValuePair<string, string>[]>(() =>
                    ByCmdlet.Value.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new KeyValuePair<string, string>(e.Key, e.Value)).ToArray());
            }

            public JsonElement Service { get; }
            public JsonElement Operations { get; }
            public Lazy<IReadOnlyDictionary<string, string>> Regions { get; }
            public Lazy<Dictionary<string, string>> ByCmdlet { get; }
            public Lazy<KeyValuePair<string, string>[]> CmdletOperations { get; }
        }
    }
}
