using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Management.Automation;

namespace CmdletBridge
{
    /// <summary>
    /// The ErrorRecords the cmdlets throw: terminating, as in AWS Tools for PowerShell,
    /// and attributed to the cmdlet through ThrowTerminatingError.
    /// </summary>
    public static class CmdletErrors
    {
        /// <summary>A value the caller gave is wrong; nothing was sent.</summary>
        [DoesNotReturn]
        public static void ThrowArgument(PSCmdlet cmdlet, string parameterName, string message)
        {
            // No paramName on the exception: .NET would append "(Parameter '...')" to a message
            // that scripts may compare exactly (such as AWS Tools' -Select message).
            cmdlet.ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), "System.ArgumentException", ErrorCategory.InvalidArgument, parameterName));
            throw new InvalidOperationException("unreachable");
        }

        /// <summary>The bridge (Node.js) could not be reached, started or waited for.</summary>
        [DoesNotReturn]
        public static void ThrowUnavailable(PSCmdlet cmdlet, string errorId, string message)
        {
            cmdlet.ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(message), errorId, ErrorCategory.ResourceUnavailable, null));
            throw new InvalidOperationException("unreachable");
        }

        /// <summary>The ErrorRecord for an error reply from the bridge.</summary>
        public static ErrorRecord FromReply(PSCmdlet cmdlet, Dictionary<string, object?>? replyError)
        {
            Dictionary<string, object?> error = replyError ?? new Dictionary<string, object?>();
            string message = Text(error, "message") ?? "";
            string kind = Text(error, "kind") ?? "";
            switch (kind)
            {
                case "service":
                {
                    error.TryGetValue("status", out object? status);
                    int statusCode = status is null ? 0 : Convert.ToInt32(status, System.Globalization.CultureInfo.InvariantCulture);
                    // Code, status and request id, as the AWS SDK for .NET's service exceptions carry them.
                    var inner = new AwsServiceException(message, Text(error, "code") ?? "", statusCode, Text(error, "requestId"));
                    return new ErrorRecord(new InvalidOperationException(message, inner), Text(error, "type") ?? "", ErrorCategory.InvalidOperation, cmdlet);
                }
                case "network":
                    return new ErrorRecord(new InvalidOperationException(message, new System.Net.Http.HttpRequestException(message)),
                        "System.Net.Http.HttpRequestException", ErrorCategory.ConnectionError, cmdlet);
                case "region":
                case "credentials":
                    return new ErrorRecord(new InvalidOperationException(message), "InvalidOperationException", ErrorCategory.InvalidOperation, cmdlet);
                case "input":
                case "select":
                    // The parameter the bridge names ("" when it names none); a -Select error has no member.
                    object? target = error.TryGetValue("parameter", out object? parameter) ? LanguagePrimitives.ConvertTo<string>(parameter) ?? "" : "Select";
                    return new ErrorRecord(new ArgumentException(message), "System.ArgumentException", ErrorCategory.InvalidArgument, target);
                case "cancelled":
                    return new ErrorRecord(new OperationCanceledException(message), "OperationCanceled", ErrorCategory.OperationStopped, cmdlet);
                default:
                    return new ErrorRecord(new InvalidOperationException(message), "Bridge." + kind, ErrorCategory.InvalidResult, cmdlet);
            }
        }

        private static string? Text(Dictionary<string, object?> value, string name) =>
            value.TryGetValue(name, out object? member) && member is not null ? LanguagePrimitives.ConvertTo<string>(member) : null;
    }

    /// <summary>
    /// A service error, as the inner exception of the ErrorRecord: its code, HTTP status
    /// and request id, as the AWS SDK for .NET's service exceptions carry them.
    /// </summary>
    public sealed class AwsServiceException : Exception
    {
        public AwsServiceException(string message, string errorCode, int statusCode, string? requestId) : base(message)
        {
            ErrorCode = errorCode;
            StatusCode = statusCode;
            RequestId = requestId;
        }

        public string ErrorCode { get; }
        public int StatusCode { get; }
        public string? RequestId { get; }
    }
}
