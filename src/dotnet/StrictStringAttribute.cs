using System;
using System.Collections;
using System.Management.Automation;

namespace CmdletBridge
{
    /// <summary>
    /// Refuses collections, dictionaries, script blocks and other objects where a string
    /// parameter goes, instead of letting PowerShell turn them into text such as
    /// "System.Collections.Hashtable" and send that. Scalars (numbers, say) still convert.
    /// </summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
    public sealed class StrictStringAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is null || value is string || value is ValueType) return inputData;
            string kind = value switch
            {
                IDictionary => "a hashtable",
                ScriptBlock => "a script block",
                IEnumerable => "an array",
                _ => "an object of type " + value.GetType().FullName,
            };
            throw new ArgumentException("A string is expected, but the value given was " + kind + ".");
        }
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
