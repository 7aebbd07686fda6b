using System.Management.Automation;

namespace CmdletBridge
{
    /// <summary>
    /// The base of every generated cmdlet: the generated class declares the parameters
    /// (from the spec) and its operation; this keeps $AWSHistory and runs the call for each
    /// pipeline object.
    /// </summary>
    public abstract class ServiceCmdlet : PSCmdlet
    {
        private readonly OperationInfo _operation;
        private AWSCmdletHistory? _history;

        protected ServiceCmdlet(OperationInfo operation)
        {
            _operation = operation;
        }

        protected override void BeginProcessing()
        {
            if (MyInvocation.BoundParameters.TryGetValue("Debug", out object? debug) && LanguagePrimitives.IsTrue(debug)) DebugStreams.ShowWithoutPrompts(this);
            _history = HistoryRecorder.Start(this, _operation.Cmdlet);
        }

        protected override void ProcessRecord()
        {
            OperationRunner.Invoke(this, MyInvocation.BoundParameters, _operation, _history);
        }

        protected override void EndProcessing()
        {
            HistoryRecorder.Complete(_history);
        }
    }
}
