using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;

namespace CmdletBridge
{
    /// <summary>
    /// Credentials for signed cmdlets, in AWS Tools' order: -AccessKey/-SecretKey/-SessionToken,
    /// then -Credential, then -ProfileName, then this session's AWS_* environment variables.
    /// Anything further down the chain (the default profile, SSO, container and instance
    /// credentials) the bridge leaves to the AWS SDK's default provider chain. Keys go only
    /// into the request to the bridge: never into history, messages or the command line.
    /// </summary>
    public static class Credentials
    {
        /// <summary>Adds the request members that carry the credentials choice: credentials, profile.</summary>
        public static void AddTo(IDictionary request, PSCmdlet cmdlet, IDictionary<string, object?> bound)
        {
            if (bound.ContainsKey("AccessKey") || bound.ContainsKey("SecretKey"))
            {
                var keys = new Dictionary<string, object?>
                {
                    ["accessKeyId"] = Text(bound, "AccessKey"),
                    ["secretAccessKey"] = Text(bound, "SecretKey"),
                };
                string token = Text(bound, "SessionToken");
                if (token.Length > 0) keys["sessionToken"] = token;
                request["credentials"] = keys;
                return;
            }
            if (bound.TryGetValue("Credential", out object? credential) && credential is not null)
            {
                request["credentials"] = FromObject(cmdlet, credential);
                return;
            }
            string profile = Text(bound, "ProfileName");
            if (profile.Length > 0)
            {
                request["profile"] = profile;
                return;
            }
            // The session's environment, which may have changed since the bridge started.
            string? id = System.Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID");
            string? secret = System.Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY");
            if (!string.IsNullOrEmpty(id) && !string.IsNullOrEmpty(secret))
            {
                var keys = new Dictionary<string, object?> { ["accessKeyId"] = id, ["secretAccessKey"] = secret };
                string? token = System.Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN");
                if (!string.IsNullOrEmpty(token)) keys["sessionToken"] = token;
                request["credentials"] = keys;
                return;
            }
            string? envProfile = System.Environment.GetEnvironmentVariable("AWS_PROFILE");
            if (!string.IsNullOrEmpty(envProfile)) request["profile"] = envProfile;
        }

        /// <summary>
        /// An anonymous cmdlet with credential parameters: its request is sent unsigned, so
        /// only the profile goes with it, for its region.
        /// </summary>
        public static void AddProfileTo(IDictionary request, IDictionary<string, object?> bound)
        {
            string profile = Text(bound, "ProfileName");
            if (profile.Length > 0) request["profile"] = profile;
        }

        /// <summary>
        /// -Credential: a PSCredential (user name = access key id, password = secret key), or an
        /// object or hashtable with AccessKey/AccessKeyId, SecretKey/SecretAccessKey, SessionToken.
        /// </summary>
        private static Dictionary<string, object?> FromObject(PSCmdlet cmdlet, object credential)
        {
            object baseValue = credential is PSObject wrapped ? wrapped.BaseObject : credential;
            if (baseValue is PSCredential psCredential)
            {
                return new Dictionary<string, object?>
                {
                    ["accessKeyId"] = psCredential.UserName,
                    ["secretAccessKey"] = psCredential.GetNetworkCredential().Password,
                };
            }
            PSObject item = PSObject.AsPSObject(credential);
            string? Read(params string[] names)
            {
                foreach (string name in names)
                {
                    if (baseValue is IDictionary map)
                    {
                        if (map.Contains(name)) return LanguagePrimitives.ConvertTo<string>(map[name]);
                    }
                    else if (item.Properties[name] is PSPropertyInfo property)
                    {
                        return LanguagePrimitives.ConvertTo<string>(property.Value);
                    }
                }
                return null;
            }
            string? accessKeyId = Read("AccessKeyId", "AccessKey");
            string? secretAccessKey = Read("SecretAccessKey", "SecretKey");
            string? sessionToken = Read("SessionToken", "Token");
            if (string.IsNullOrEmpty(accessKeyId) || string.IsNullOrEmpty(secretAccessKey))
            {
                CmdletErrors.ThrowArgument(cmdlet, "Credential",
                    "-Credential takes a PSCredential (user name = access key id, password = secret access key) or an " +
                    "object with AccessKeyId and SecretAccessKey (and optionally SessionToken); the value given has no " +
                    (string.IsNullOrEmpty(accessKeyId) ? "access key id" : "secret access key") + ".");
            }
            var keys = new Dictionary<string, object?> { ["accessKeyId"] = accessKeyId, ["secretAccessKey"] = secretAccessKey };
            if (!string.IsNullOrEmpty(sessionToken)) keys["sessionToken"] = sessionToken;
            return keys;
        }

        private static string Text(IDictionary<string, object?> bound, string name) =>
            bound.TryGetValue(name, out object? value) && value is not null ? LanguagePrimitives.ConvertTo<string>(value) ?? "" : "";
    }
}
