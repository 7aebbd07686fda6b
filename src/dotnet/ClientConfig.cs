using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace CmdletBridge
{
    /// <summary>
    /// -ClientConfig: a hashtable of AWS SDK for .NET client settings, translated into the
    /// JavaScript SDK's terms. Unknown keys are errors, so that a typo is not silently ignored.
    /// </summary>
    public sealed class ClientConfig
    {
        public static readonly ClientConfig None = new ClientConfig();
        private static readonly string[] Keys = { "ServiceURL", "RegionEndpoint", "MaxErrorRetry", "Timeout", "RetryMode", "UseFIPSEndpoint", "UseDualstackEndpoint" };

        public string? Region { get; private set; }
        public string? Endpoint { get; private set; }
        /// <summary>The bridge's settings (maxAttempts, timeoutMs, ...), or null when none were given.</summary>
        public Dictionary<string, object>? Settings { get; private set; }

        public static string CheckEndpointUrl(PSCmdlet cmdlet, string endpoint, string source)
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out Uri? uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            {
                CmdletErrors.ThrowArgument(cmdlet, source,
                    $"{source} must be an absolute http or https URL such as https://service.example.com or http://127.0.0.1:9229, but was '{endpoint}'.");
            }
            return endpoint;
        }

        public static ClientConfig Parse(PSCmdlet cmdlet, IDictionary clientConfig)
        {
            var result = new ClientConfig();
            var settings = new Dictionary<string, object>();
            void Fail(string message) => CmdletErrors.ThrowArgument(cmdlet, "ClientConfig", "ClientConfig." + message);
            foreach (DictionaryEntry entry in clientConfig)
            {
                string key = entry.Key?.ToString() ?? "";
                object? value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                switch (key.ToLowerInvariant())
                {
                    case "serviceurl":
                        result.Endpoint = CheckEndpointUrl(cmdlet, LanguagePrimitives.ConvertTo<string>(value) ?? "", "ClientConfig.ServiceURL");
                        break;
                    case "regionendpoint":
                        string region = RegionNames.ConvertToName(entry.Value);
                        RegionNames.Assert(cmdlet, region, "ClientConfig.RegionEndpoint", "ClientConfig");
                        result.Region = region;
                        break;
                    case "maxerrorretry":
                        long retries = value switch { int i => i, long l => l, _ => -1 };
                        if (retries < 0 || retries >= int.MaxValue) Fail("MaxErrorRetry must be a whole number of 0 or more.");
                        settings["maxAttempts"] = (int)retries + 1;
                        break;
                    case "timeout":
                        double ms = value switch { TimeSpan t => t.TotalMilliseconds, int i => i, long l => l, double d => d, _ => -1 };
                        if (ms <= 0) Fail("Timeout must be a positive TimeSpan, or a number of milliseconds.");
                        // Rounded as PowerShell's [long] rounds (to even), not truncated.
                        settings["timeoutMs"] = (long)Math.Round(ms, MidpointRounding.ToEven);
                        break;
                    case "retrymode":
                        string mode = (LanguagePrimitives.ConvertTo<string>(value) ?? "").ToLowerInvariant();
                        if (mode != "standard" && mode != "adaptive") Fail($"RetryMode must be Standard or Adaptive, not '{value}'.");
                        settings["retryMode"] = mode;
                        break;
                    case "usefipsendpoint":
                        if (value is not bool fips) { Fail("UseFIPSEndpoint must be $true or $false."); return result; }
                        settings["useFipsEndpoint"] = fips;
                        break;
                    case "usedualstackendpoint":
                        if (value is not bool dualstack) { Fail("UseDualstackEndpoint must be $true or $false."); return result; }
                        settings["useDualstackEndpoint"] = dualstack;
                        break;
                    default:
                        Fail($"{key} is not a setting this module knows. Supported settings: {string.Join(", ", Keys)}.");
                        break;
                }
            }
            if (settings.Count > 0) result.Settings = settings;
            return result;
        }

        /// <summary>
        /// The SDK's attempts times its per-attempt timeout, with margins (100 s and 3
        /// attempts unless -ClientConfig says otherwise).
        /// </summary>
        public static TimeSpan SdkCallTimeout(Dictionary<string, object>? settings)
        {
            long attempts = 3;
            long perAttemptMs = 100000;
            if (settings is not null)
            {
                if (settings.TryGetValue("maxAttempts", out object? a)) attempts = Convert.ToInt64(a);
                if (settings.TryGetValue("timeoutMs", out object? t)) perAttemptMs = Convert.ToInt64(t);
            }
            return TimeSpan.FromMilliseconds(attempts * (perAttemptMs + 20000) + 30000);
        }

        public static readonly TimeSpan DefaultCallTimeout = SdkCallTimeout(null);

        /// <summary>
        /// How long a call may wait for the bridge before it is presumed hung: the SDK's own
        /// attempts and timeouts, plus a margin, unless PSCGIP_BRIDGE_TIMEOUT_SECONDS says otherwise.
        /// </summary>
        public static TimeSpan BridgeCallTimeout(Dictionary<string, object>? settings)
        {
            // Only a positive number of seconds counts: "0" would stop the bridge right after
            // sending a call the service may still carry out.
            string? text = Environment.GetEnvironmentVariable("PSCGIP_BRIDGE_TIMEOUT_SECONDS");
            if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double seconds) && seconds > 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }
            return settings is null ? DefaultCallTimeout : SdkCallTimeout(settings);
        }
    }
}
