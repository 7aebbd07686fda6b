using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace CmdletBridge
{
    /// <summary>
    /// Region names, and the first links of the region chain: -Region (or
    /// ClientConfig.RegionEndpoint), then $StoredAWSRegion. The bridge resolves the rest
    /// (the default profile's region, then AWS_REGION), because the shared config files
    /// are read with the SDK's own loader.
    /// </summary>
    public static class RegionNames
    {
        private const string FormHint = "A region name is a system name such as us-east-1, eu-west-2 or ap-southeast-1.";

        /// <summary>
        /// A region's system name: lower-case letters, then dash-separated lower-case letters
        /// and digits, ending in a number (^[a-z]{2,}(-[a-z0-9]+)*-\d+$). By hand rather than a
        /// Regex: building one costs the first call of a session milliseconds.
        /// </summary>
        public static bool IsWellFormed(string name)
        {
            string[] parts = name.Split('-');
            if (parts.Length < 2 || parts[0].Length < 2) return false;
            foreach (char c in parts[0]) if (c < 'a' || c > 'z') return false;
            for (int i = 1; i < parts.Length - 1; i++)
            {
                if (parts[i].Length == 0) return false;
                foreach (char c in parts[i]) if ((c < 'a' || c > 'z') && (c < '0' || c > '9')) return false;
            }
            string last = parts[parts.Length - 1];
            if (last.Length == 0) return false;
            foreach (char c in last) if (!char.IsDigit(c)) return false;
            return true;
        }

        /// <summary>
        /// A region given as a string or as an AWSRegion-like object (AWS Tools'
        /// Get-AWSRegion output carries the system name in Region or SystemName).
        /// </summary>
        public static string ConvertToName(object? value)
        {
            object? baseValue = value is PSObject wrapped ? wrapped.BaseObject : value;
            if (baseValue is null) return "";
            if (baseValue is string text) return text;
            if (baseValue is IDictionary || baseValue is ScriptBlock || baseValue is IEnumerable) return "(not a name)";
            PSObject item = PSObject.AsPSObject(value!);
            foreach (string name in new[] { "Region", "SystemName" })
            {
                PSPropertyInfo? property = item.Properties[name];
                if (property is not null) return LanguagePrimitives.ConvertTo<string>(property.Value) ?? "";
            }
            return LanguagePrimitives.ConvertTo<string>(value) ?? "";
        }

        public static void Assert(PSCmdlet cmdlet, string region, string source, string parameterName = "Region")
        {
            if (!IsWellFormed(region))
            {
                CmdletErrors.ThrowArgument(cmdlet, parameterName, $"'{region}' (from {source}) is not a region name. {FormHint}");
            }
        }

        /// <summary>
        /// -Region, ClientConfig.RegionEndpoint or $StoredAWSRegion (as the caller sees it),
        /// checked; null when none is set.
        /// </summary>
        public static ExplicitRegion? ResolveExplicit(PSCmdlet cmdlet, IDictionary<string, object?> bound, string? configRegion)
        {
            string region;
            string source;
            if (bound.TryGetValue("Region", out object? given) && given is not null)
            {
                region = ConvertToName(given);
                source = "-Region";
            }
            else if (!string.IsNullOrEmpty(configRegion))
            {
                region = configRegion;
                source = "ClientConfig.RegionEndpoint";
            }
            else
            {
                object? stored = cmdlet.SessionState.PSVariable.GetValue("StoredAWSRegion");
                if (!LanguagePrimitives.IsTrue(stored)) return null;
                region = ConvertToName(stored);
                source = "$StoredAWSRegion";
            }
            Assert(cmdlet, region, source);
            return new ExplicitRegion(region, source);
        }

        /// <summary>The region's description (for Get-DefaultAWSRegion), or null when the SDK does not know it.</summary>
        public static string? Describe(string region) => ModuleData.KnownRegions.TryGetValue(region, out string? name) ? name : null;
    }

    public sealed record ExplicitRegion(string Region, string Source);
}
