using System;

namespace CmdletBridge
{
    /// <summary>
    /// What the runtime needs to know of one operation, from the module's data file
    /// (ModuleData): one instance per operation and process.
    /// </summary>
    public sealed class OperationInfo
    {
        /// <summary>The SDK operation, such as GetUserAttributeVerificationCode.</summary>
        public string Name { get; init; } = "";
        public string Cmdlet { get; init; } = "";
        /// <summary>The AWS SDK for .NET request type, as $AWSHistory names recorded requests.</summary>
        public string RequestType { get; init; } = "";
        /// <summary>-Select's default: a response path, '*' or '(none)'.</summary>
        public string DefaultSelect { get; init; } = "*";
        /// <summary>Signed with AWS credentials (false: anonymous, such as calls with an access token).</summary>
        public bool Signed { get; init; }
        /// <summary>
        /// Takes -AccessKey, -ProfileName and the rest: every signed cmdlet, and the anonymous
        /// ones AWS Tools gives its credentialed base class (a profile then gives only the region).
        /// </summary>
        public bool CredentialParameters { get; init; }
        /// <summary>The parameters that go into the request, in spec order.</summary>
        public string[] InputParameters { get; init; } = Array.Empty<string>();
        public string[] Mandatory { get; init; } = Array.Empty<string>();
        /// <summary>Redacted in recorded requests unless sensitive data is asked for.</summary>
        public string[] Sensitive { get; init; } = Array.Empty<string>();
        /// <summary>Maps of strings: keys and values must be strings.</summary>
        public string[] StringMaps { get; init; } = Array.Empty<string>();
        /// <summary>Values reduced to plain data before they go into the request.</summary>
        public string[] Nested { get; init; } = Array.Empty<string>();
        /// <summary>Byte arrays, sent as base64.</summary>
        public string[] Blobs { get; init; } = Array.Empty<string>();
        /// <summary>The parameter that carries the page token, when the operation pages.</summary>
        public string? PageTokenParameter { get; init; }
        /// <summary>The response member with the next page's token.</summary>
        public string? NextPageToken { get; init; }
        /// <summary>The page size parameter, and the size sent when it is not given (AWS Tools' default).</summary>
        public string? PageSizeParameter { get; init; }
        public int DefaultPageSize { get; init; }
        /// <summary>Whether the cmdlet asks ShouldProcess, and the parameter that names its target.</summary>
        public bool ShouldProcess { get; init; }
        public string? ShouldProcessTarget { get; init; }
    }
}
