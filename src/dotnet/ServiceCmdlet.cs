using System;
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
        private Invocation _invocation = new Invocation();

        protected ServiceCmdlet(OperationInfo operation)
        {
            _operation = operation;
        }

        protected override void BeginProcessing()
        {
            bool debug = IsShown("Debug", "DebugPreference");
            if (debug && MyInvocation.BoundParameters.ContainsKey("Debug")) DebugStreams.ShowWithoutPrompts(this);
            AWSCmdletHistory? entry = HistoryRecorder.Start(this, _operation.Cmdlet, out AWSHistory? store);
            _invocation = new Invocation { History = entry, Store = store, Verbose = IsShown("Verbose", "VerbosePreference"), Debug = debug };
        }

        protected override void ProcessRecord()
        {
            OperationRunner.Invoke(this, MyInvocation.BoundParameters, _operation, _invocation);
        }

        protected override void EndProcessing()
        {
            HistoryRecorder.Complete(_invocation.History);
        }

        /// <summary>
        /// Whether messages of a stream are shown, so that a call builds them only then: the
        /// switch when given, else the preference variable.
        /// </summary>
        private bool IsShown(string parameter, string preferenceVariable)
        {
            if (MyInvocation.BoundParameters.TryGetValue(parameter, out object? flag)) return LanguagePrimitives.IsTrue(flag);
            object? preference = SessionState.PSVariable.GetValue(preferenceVariable);
            if (preference is PSObject wrapped) preference = wrapped.BaseObject;
            string text = preference?.ToString() ?? "SilentlyContinue";
            return !string.Equals(text, "SilentlyContinue", StringComparison.OrdinalIgnoreCase) && !string.Equals(text, "Ignore", StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>What one invocation (a pipeline's worth of calls) keeps between objects.</summary>
    public sealed class Invocation
    {
        public AWSCmdletHistory? History { get; init; }
        public AWSHistory? Store { get; init; }
        /// <summary>Verbose and debug messages are built only when shown.</summary>
        public bool Verbose { get; init; }
        public bool Debug { get; init; }
    }
}
