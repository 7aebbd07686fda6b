using System;
using System.Collections.Generic;
using System.Text;

namespace CmdletBridge
{
    /// <summary>
    /// The environment variables a call reads when it runs, as AWS Tools reads them at each
    /// call, although the bridge is one long-lived process: before a request, the bridge is
    /// sent their values whenever they differ from what it last got (src/runtime/env.ts).
    /// The key variables are not among them: they travel with each request that uses them.
    /// </summary>
    public static class SessionEnvironment
    {
        /// <summary>Read by the bridge: the configured endpoint, the profile files, and the proxy.</summary>
        public static readonly string[] Names =
        {
            "AWS_ENDPOINT_URL",
            "AWS_ENDPOINT_URL_" + ModuleData.ServiceIdVariableSuffix,
            "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
            "AWS_PROFILE",
            "AWS_CONFIG_FILE",
            "AWS_SHARED_CREDENTIALS_FILE",
            "HTTPS_PROXY", "https_proxy",
            "HTTP_PROXY", "http_proxy",
            "ALL_PROXY", "all_proxy",
            "NO_PROXY", "no_proxy",
        };

        /// <summary>The variables' values now (null: unset), in the order of Names.</summary>
        public static string?[] Read()
        {
            var values = new string?[Names.Length];
            for (int i = 0; i < Names.Length; i++) values[i] = Environment.GetEnvironmentVariable(Names[i]);
            return values;
        }

        /// <summary>
        /// Values as one text to compare with what the bridge last got (each prefixed by its
        /// length, so that no two sets of values give the same text).
        /// </summary>
        public static string Fingerprint(string?[] values)
        {
            var text = new StringBuilder(64);
            foreach (string? value in values)
            {
                if (value is null) text.Append('-');
                else text.Append(value.Length).Append(':').Append(value);
                text.Append('|');
            }
            return text.ToString();
        }

        /// <summary>The message that gives the bridge these values.</summary>
        public static string Message(string?[] values)
        {
            var env = new Dictionary<string, object?>();
            for (int i = 0; i < Names.Length; i++) env[Names[i]] = values[i];
            return BridgeJson.Write(new Dictionary<string, object?> { ["env"] = env });
        }
    }
}
