using System;
using System.Collections.Generic;

namespace CmdletBridge
{
    /// <summary>
    /// $AWSHistory, as AWS Tools for PowerShell keeps it (kept by HistoryRecorder): the
    /// last few cmdlet invocations, newest first. Compiled rather than PowerShell classes,
    /// which cost every import tens of milliseconds to define.
    /// </summary>
    public sealed class AWSHistory
    {
        public List<object> Commands { get; } = new List<object>();
        public object? LastCommand { get; set; }
        public object? LastServiceResponse { get; set; }
        public object? LastServiceRequest { get; set; }

        public void Clear()
        {
            Commands.Clear();
            LastCommand = null;
            LastServiceResponse = null;
            LastServiceRequest = null;
        }
    }

    /// <summary>One cmdlet invocation in $AWSHistory.</summary>
    public sealed class AWSCmdletHistory
    {
        public string? CmdletName { get; set; }
        public DateTime CmdletStart { get; set; }
        public DateTime? CmdletEnd { get; set; }
        public int EmittedObjectsCount { get; set; }
        public List<object> Requests { get; } = new List<object>();
        public List<object> Responses { get; } = new List<object>();
        public object? LastServiceResponse { get; set; }
        public object? LastServiceRequest { get; set; }
    }
}
