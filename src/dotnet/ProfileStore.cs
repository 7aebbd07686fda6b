using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Amazon.PowerShell.Common;
using Amazon.Runtime;

namespace CmdletBridge
{
    /// <summary>
    /// The session commands' view of the shared credentials and config files: each method is one
    /// request to the bridge (src/runtime/commands.ts), which reads and writes the files, so that
    /// there is one implementation of them. Secrets go to the bridge on its stdin only.
    /// </summary>
    internal static class ProfileStore
    {
        /// <summary>A profile as the bridge describes it: whether it exists, its kind and region.</summary>
        internal sealed class Description
        {
            public bool Exists;
            /// <summary>keys, session (keys with a token) or other (a role, SSO, a process...).</summary>
            public string Kind = "";
            public string? Region;
            public ImmutableCredentials? Keys;
        }

        public static Description Describe(PSCmdlet cmdlet, string name, string? location, bool withKeys = false)
        {
            var args = Args(name, location);
            if (withKeys) args["withKeys"] = true;
            PSObject reply = Run(cmdlet, "profiles.describe", args);
            var description = new Description
            {
                Exists = LanguagePrimitives.IsTrue(Member(reply, "exists")),
                Kind = Text(Member(reply, "kind")),
                Region = Member(reply, "region") as string,
            };
            if (Member(reply, "accessKeyId") is string id && Member(reply, "secretAccessKey") is string secret)
            {
                description.Keys = new ImmutableCredentials(id, secret, Member(reply, "sessionToken") as string);
            }
            return description;
        }

        public static ImmutableCredentials Resolve(PSCmdlet cmdlet, string name, string? location)
        {
            PSObject reply = Run(cmdlet, "profiles.resolve", Args(name, location));
            return new ImmutableCredentials(Text(Member(reply, "accessKeyId")), Text(Member(reply, "secretAccessKey")), Member(reply, "sessionToken") as string);
        }

        /// <summary>
        /// For ProfileAWSCredentials.GetCredentials(), called from a script rather than from a cmdlet:
        /// the profile is resolved by a cmdlet run in the caller's runspace (which the bridge needs).
        /// </summary>
        public static ImmutableCredentials Resolve(string name, string? location)
        {
            if (System.Management.Automation.Runspaces.Runspace.DefaultRunspace is null)
            {
                throw new InvalidOperationException($"The credentials of profile '{name}' can only be resolved on a PowerShell runspace's thread.");
            }
            using var shell = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace);
            // Not exported, so called by its type: it cannot be shadowed by another module's command.
            shell.AddCommand(new CmdletInfo("Resolve-AWSProfileCredential", typeof(ResolveAWSProfileCredentialCmdlet))).AddParameter("ProfileName", name);
            if (!string.IsNullOrEmpty(location)) shell.AddParameter("ProfileLocation", location);
            try
            {
                foreach (PSObject result in shell.Invoke())
                {
                    if (result.BaseObject is ImmutableCredentials credentials) return credentials;
                }
            }
            catch (RuntimeException e)
            {
                throw new InvalidOperationException($"The credentials of profile '{name}' could not be resolved: {e.Message}", e);
            }
            throw new InvalidOperationException($"The credentials of profile '{name}' could not be resolved.");
        }

        /// <summary>Writes a role profile (role_arn, source_profile...); returns the file written.</summary>
        public static string StoreRole(PSCmdlet cmdlet, string name, string? location, string roleArn, string sourceProfile, string? externalId, string? mfaSerial)
        {
            var args = Args(name, location);
            var role = new Dictionary<string, object?> { ["role_arn"] = roleArn, ["source_profile"] = sourceProfile };
            if (!string.IsNullOrEmpty(externalId)) role["external_id"] = externalId;
            if (!string.IsNullOrEmpty(mfaSerial)) role["mfa_serial"] = mfaSerial;
            args["role"] = role;
            return Text(Member(Run(cmdlet, "profiles.store", args), "file"));
        }

        public static ProfileInfo[] List(PSCmdlet cmdlet, string? location)
        {
            var args = new Dictionary<string, object?>();
            if (!string.IsNullOrEmpty(location)) args["location"] = location;
            PSObject reply = Run(cmdlet, "profiles.list", args);
            var profiles = new List<ProfileInfo>();
            foreach (object? item in Member(reply, "profiles") as object?[] ?? Array.Empty<object?>())
            {
                if (item is not PSObject profile) continue;
                profiles.Add(new ProfileInfo
                {
                    ProfileName = Text(Member(profile, "ProfileName")),
                    StoreTypeName = Text(Member(profile, "StoreTypeName")),
                    ProfileLocation = Member(profile, "ProfileLocation") as string,
                });
            }
            return profiles.ToArray();
        }

        /// <summary>Writes a profile: new keys or another profile's credentials, and a region; returns the file written.</summary>
        public static string Store(PSCmdlet cmdlet, string name, string? location, ImmutableCredentials? keys, string? copyFrom, string? region)
        {
            var args = Args(name, location);
            if (keys is not null)
            {
                var credentials = new Dictionary<string, object?> { ["accessKeyId"] = keys.AccessKey, ["secretAccessKey"] = keys.SecretKey };
                if (keys.UseToken) credentials["sessionToken"] = keys.Token;
                args["credentials"] = credentials;
            }
            if (copyFrom is not null) args["copyFrom"] = copyFrom;
            if (!string.IsNullOrEmpty(region)) args["region"] = region;
            return Text(Member(Run(cmdlet, "profiles.store", args), "file"));
        }

        /// <summary>Removes a profile from the files; returns the files that had it.</summary>
        public static string[] Remove(PSCmdlet cmdlet, string name, string? location)
        {
            PSObject reply = Run(cmdlet, "profiles.remove", Args(name, location));
            var files = new List<string>();
            foreach (object? file in Member(reply, "removedFrom") as object?[] ?? Array.Empty<object?>()) files.Add(Text(file));
            return files.ToArray();
        }

        /// <summary>The credentials file (and config file) a location means, for messages.</summary>
        public static string Files(PSCmdlet cmdlet, string? location)
        {
            var args = new Dictionary<string, object?>();
            if (!string.IsNullOrEmpty(location)) args["location"] = location;
            PSObject reply = Run(cmdlet, "profiles.files", args);
            string credentials = Text(Member(reply, "credentials"));
            return Member(reply, "config") is string config ? $"{credentials} and {config}" : credentials;
        }

        private static Dictionary<string, object?> Args(string name, string? location)
        {
            var args = new Dictionary<string, object?> { ["name"] = name };
            if (!string.IsNullOrEmpty(location)) args["location"] = location;
            return args;
        }

        private static PSObject Run(PSCmdlet cmdlet, string command, Dictionary<string, object?> args)
        {
            var request = new Dictionary<string, object?> { ["id"] = null, ["command"] = command, ["args"] = args };
            BridgeReply reply = BridgeConnection.Default.Invoke(cmdlet, request, ClientConfig.DefaultCallTimeout);
            if (!reply.Ok) cmdlet.ThrowTerminatingError(CmdletErrors.FromReply(cmdlet, reply.Error));
            return PSObject.AsPSObject(reply.Response ?? new PSObject());
        }

        private static object? Member(PSObject value, string name) => value.Properties[name]?.Value is object member
            ? (member is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : member)
            : null;

        private static string Text(object? value) => value is null ? "" : LanguagePrimitives.ConvertTo<string>(value) ?? "";
    }
}
