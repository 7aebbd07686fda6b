using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Amazon.PowerShell.Common;
using Amazon.Runtime;

namespace CmdletBridge
{
    /// <summary>
    /// Which credentials a call uses, in AWS Tools' order: -AccessKey/-SecretKey/-SessionToken,
    /// -ProfileName, -Credential, the shell's $StoredAWSCredentials, the session's
    /// AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, then AWS_PROFILE. Anything further down the chain
    /// (the default profile, SSO, container and instance credentials) the bridge leaves to the
    /// AWS SDK's default provider chain. Keys go only into the request to the bridge: never into
    /// history, messages or the command line.
    /// </summary>
    public static class Credentials
    {
        /// <summary>A choice: keys, or a profile (and the file it is in), or neither (the default chain).</summary>
        public readonly struct Choice
        {
            public Choice(ImmutableCredentials? keys, string? profile, string? profileLocation, string source)
            {
                Keys = keys;
                Profile = profile;
                ProfileLocation = profileLocation;
                Source = source;
            }

            public ImmutableCredentials? Keys { get; }
            public string? Profile { get; }
            public string? ProfileLocation { get; }
            /// <summary>Where it came from, for -Debug.</summary>
            public string Source { get; }
        }

        /// <summary>Adds the request members that carry the credentials choice: credentials, profile.</summary>
        public static void AddTo(IDictionary request, PSCmdlet cmdlet, IDictionary<string, object?> bound, bool debug)
        {
            Choice choice = Choose(cmdlet, bound);
            if (choice.Keys is ImmutableCredentials keys)
            {
                var values = new Dictionary<string, object?> { ["accessKeyId"] = keys.AccessKey, ["secretAccessKey"] = keys.SecretKey };
                if (keys.UseToken) values["sessionToken"] = keys.Token;
                request["credentials"] = values;
            }
            else if (bound.ContainsKey("AccessKey") || bound.ContainsKey("SecretKey"))
            {
                // One of the two: the bridge says which is missing.
                request["credentials"] = new Dictionary<string, object?> { ["accessKeyId"] = Text(bound, "AccessKey"), ["secretAccessKey"] = Text(bound, "SecretKey") };
            }
            AddProfile(request, bound, choice);
            if (debug) cmdlet.WriteDebug($"Credentials obtained from {choice.Source}.");
        }

        /// <summary>
        /// An anonymous cmdlet with credential parameters: its request is sent unsigned, so only
        /// the profile goes with it, for its region.
        /// </summary>
        public static void AddProfileTo(IDictionary request, PSCmdlet cmdlet, IDictionary<string, object?> bound)
        {
            AddProfile(request, bound, Choose(cmdlet, bound));
        }

        private static void AddProfile(IDictionary request, IDictionary<string, object?> bound, Choice choice)
        {
            if (choice.Profile is null) return;
            request["profile"] = choice.Profile;
            // A stored profile's own file, unless the call names one.
            if (choice.ProfileLocation is not null && !request.Contains("profileLocation")) request["profileLocation"] = choice.ProfileLocation;
        }

        public static Choice Choose(PSCmdlet cmdlet, IDictionary<string, object?> bound)
        {
            string accessKey = Text(bound, "AccessKey");
            string secretKey = Text(bound, "SecretKey");
            if (accessKey.Length > 0 && secretKey.Length > 0)
            {
                string token = Text(bound, "SessionToken");
                return new Choice(new ImmutableCredentials(accessKey, secretKey, token), null, null, "the supplied key parameters");
            }
            if (accessKey.Length > 0 || secretKey.Length > 0) return new Choice(null, null, null, "the supplied key parameters");
            string profile = Text(bound, "ProfileName");
            // Not found is an error, not a fall-through (AWS Tools: a default profile could be another account's).
            if (profile.Length > 0) return new Choice(null, profile, null, $"stored profile named '{profile}'");
            if (bound.TryGetValue("Credential", out object? credential) && credential is not null)
            {
                return FromObject(cmdlet, credential, "supplied credentials object");
            }
            if (cmdlet.SessionState.PSVariable.GetValue("StoredAWSCredentials") is AWSPSCredentials stored)
            {
                return FromObject(cmdlet, stored.Credentials, "shell variable $StoredAWSCredentials");
            }
            if (FromEnvironment() is ImmutableCredentials environment) return new Choice(environment, null, null, "Environment");
            string? envProfile = System.Environment.GetEnvironmentVariable("AWS_PROFILE");
            if (!string.IsNullOrEmpty(envProfile)) return new Choice(null, envProfile, null, $"stored profile named '{envProfile}' (AWS_PROFILE)");
            return new Choice(null, null, null, "the default profile or the AWS SDK's default chain");
        }

        /// <summary>
        /// The session's AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN as they are
        /// now (they may have changed since the bridge started), or null when either key is unset.
        /// </summary>
        public static ImmutableCredentials? FromEnvironment()
        {
            string? id = System.Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID");
            string? secret = System.Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY");
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret)) return null;
            return new ImmutableCredentials(id, secret, System.Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN"));
        }

        /// <summary>
        /// -Credential: an AWSCredentials object (New-AWSCredential, Get-AWSCredential, or built with
        /// New-Object Amazon.Runtime.BasicAWSCredentials), $StoredAWSCredentials, a PSCredential
        /// (user name = access key id, password = secret key), or an object or hashtable with
        /// AccessKey/AccessKeyId, SecretKey/SecretAccessKey, SessionToken.
        /// </summary>
        public static Choice FromObject(PSCmdlet cmdlet, object credential, string source)
        {
            object baseValue = credential is PSObject wrapped ? wrapped.BaseObject : credential;
            switch (baseValue)
            {
                case AWSPSCredentials shell:
                    return FromObject(cmdlet, shell.Credentials, source);
                case ProfileAWSCredentials profile:
                    return new Choice(null, profile.ProfileName, profile.ProfileLocation, $"{source} (profile '{profile.ProfileName}')");
                case AWSCredentials keys:
                    return new Choice(keys.GetCredentials(), null, null, source);
            }
            PSObject item = PSObject.AsPSObject(credential);
            PSCredential? psCredential = baseValue as PSCredential;
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
            string? accessKeyId = psCredential is not null ? psCredential.UserName : Read("AccessKeyId", "AccessKey");
            string? secretAccessKey = psCredential is not null ? psCredential.GetNetworkCredential().Password : Read("SecretAccessKey", "SecretKey");
            string? sessionToken = psCredential is not null ? null : Read("SessionToken", "Token");
            if (string.IsNullOrEmpty(accessKeyId) || string.IsNullOrEmpty(secretAccessKey))
            {
                CmdletErrors.ThrowArgument(cmdlet, "Credential",
                    "-Credential takes an AWSCredentials object (New-AWSCredential, Get-AWSCredential), a PSCredential (user name = " +
                    "access key id, password = secret access key) or an object with AccessKeyId and SecretAccessKey (and optionally " +
                    "SessionToken); the value given has no " + (string.IsNullOrEmpty(accessKeyId) ? "access key id" : "secret access key") + ".");
            }
            return new Choice(new ImmutableCredentials(accessKeyId!, secretAccessKey!, sessionToken), null, null, source);
        }

        private static string Text(IDictionary<string, object?> bound, string name) =>
            bound.TryGetValue(name, out object? value) && value is not null ? LanguagePrimitives.ConvertTo<string>(value) ?? "" : "";
    }
}
