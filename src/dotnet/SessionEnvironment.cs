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

        /// <summary>
        /// The variables' values now, as one text to compare with what the bridge last got (each
        /// value prefixed by its length, so that no two sets of values give the same text).
        /// </summary>
        public static string Fingerprint()
        {
            var text = new StringBuilder(64);
            foreach (string name in Names)
            {
                string? value = Environment.GetEnvironmentVariable(name);
                if (value is null) text.Append('-');
                else text.Append(value.Length).Append(':').Append(value);
                text.Append('|');
            }
            return text.ToString();
        }

        /// <summary>The message that gives the bridge these values (null: unset).</summary>
        public static string Message()
        {
            var values = new Dictionary<string, object?>();
            foreach (string name in Names) values[name] = Environment.GetEnvironmentVariable(name);
            return BridgeJson.Write(new Dictionary<string, object?> { ["env"] = values });
        }
    }
}
