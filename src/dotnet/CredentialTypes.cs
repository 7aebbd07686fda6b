using System;
using CmdletBridge;

// The credential objects scripts written for AWS Tools build and pass around, with the AWS
// SDK for .NET's names: `New-Object Amazon.Runtime.BasicAWSCredentials($ak, $sk)`, or what
// New-AWSCredential and Get-AWSCredential return, handed to -Credential. Like the SDK's,
// they show no secret: the keys come out only through GetCredentials().
namespace Amazon.Runtime
{
    /// <summary>A set of AWS credentials.</summary>
    public abstract class AWSCredentials
    {
        /// <summary>The keys, resolved now.</summary>
        public abstract ImmutableCredentials GetCredentials();
    }

    /// <summary>Resolved keys, as the AWS SDK for .NET's GetCredentials() returns them.</summary>
    public sealed class ImmutableCredentials
    {
        public ImmutableCredentials(string awsAccessKeyId, string awsSecretAccessKey, string? token)
        {
            if (string.IsNullOrEmpty(awsAccessKeyId)) throw new ArgumentNullException(nameof(awsAccessKeyId));
            if (string.IsNullOrEmpty(awsSecretAccessKey)) throw new ArgumentNullException(nameof(awsSecretAccessKey));
            AccessKey = awsAccessKeyId;
            SecretKey = awsSecretAccessKey;
            Token = token ?? "";
        }

        public string AccessKey { get; }
        public string SecretKey { get; }
        public string Token { get; }
        public bool UseToken => Token.Length > 0;

        /// <summary>Never the secret: the object may be printed or logged.</summary>
        public override string ToString() => $"{nameof(ImmutableCredentials)} ({AccessKey})";
    }

    /// <summary>An access key id and secret access key.</summary>
    public class BasicAWSCredentials : AWSCredentials
    {
        private readonly ImmutableCredentials _credentials;

        public BasicAWSCredentials(string accessKey, string secretKey)
        {
            _credentials = new ImmutableCredentials(accessKey, secretKey, null);
        }

        protected BasicAWSCredentials(ImmutableCredentials credentials) => _credentials = credentials;

        public override ImmutableCredentials GetCredentials() => _credentials;
    }

    /// <summary>Temporary credentials: keys with a session token.</summary>
    public class SessionAWSCredentials : BasicAWSCredentials
    {
        public SessionAWSCredentials(string awsAccessKeyId, string awsSecretAccessKey, string token)
            : base(new ImmutableCredentials(awsAccessKeyId, awsSecretAccessKey, token))
        {
            if (string.IsNullOrEmpty(token)) throw new ArgumentNullException(nameof(token));
        }
    }
}

namespace Amazon.PowerShell.Common
{
    /// <summary>
    /// The credentials of a profile in the shared files that are not plain keys (a role, SSO,
    /// a credential process): the AWS SDK for JavaScript resolves them in the bridge, for each
    /// call, or now through GetCredentials().
    /// </summary>
    public sealed class ProfileAWSCredentials : Amazon.Runtime.AWSCredentials
    {
        internal ProfileAWSCredentials(string profileName, string? profileLocation)
        {
            ProfileName = profileName;
            ProfileLocation = profileLocation;
        }

        public string ProfileName { get; }
        public string? ProfileLocation { get; }

        public override Amazon.Runtime.ImmutableCredentials GetCredentials() => ProfileStore.Resolve(ProfileName, ProfileLocation);

        public override string ToString() => ProfileName;
    }

    /// <summary>Where a shell's credentials came from, as AWS Tools records it.</summary>
    public enum CredentialsSource
    {
        Strings,
        Profile,
        CredentialsObject,
        Session,
        Environment,
        Container,
        InstanceProfile,
        Unknown,
    }

    /// <summary>
    /// The value of $StoredAWSCredentials, as Set-AWSCredential and Initialize-AWSDefaultConfiguration
    /// set it. As in AWS Tools, its members are not public: the variable shows its name only.
    /// </summary>
    public sealed class AWSPSCredentials
    {
        internal AWSPSCredentials(Amazon.Runtime.AWSCredentials credentials, string name, CredentialsSource source)
        {
            Credentials = credentials;
            Name = name;
            Source = source;
        }

        internal Amazon.Runtime.AWSCredentials Credentials { get; }
        internal string Name { get; }
        internal CredentialsSource Source { get; }

        public override string ToString() => Name;
    }

    /// <summary>A profile, as Get-AWSCredential -ListProfileDetail lists it.</summary>
    public sealed class ProfileInfo
    {
        public string ProfileName { get; set; } = "";
        public string StoreTypeName { get; set; } = "";
        public string? ProfileLocation { get; set; }
    }

    /// <summary>The scopes a session command's -Scope takes, as AWS Tools names them.</summary>
    public enum VariableScope
    {
        Global = -1,
        Local = -2,
        Script = -3,
        Private = -4,
    }

    /// <summary>The shell's proxy ($AWSProxy), as Set-AWSProxy sets it.</summary>
    public sealed class ProxySettings
    {
        public string Hostname { get; set; } = "";
        public int Port { get; set; }
        /// <summary>A NetworkCredential (Username/Password), or null.</summary>
        public System.Net.ICredentials? Credentials { get; set; }
        public System.Collections.Generic.List<string>? BypassList { get; set; }
        public bool? BypassOnLocal { get; set; }

        public override string ToString() => $"{Hostname}:{Port}";
    }
}
