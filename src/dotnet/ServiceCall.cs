using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace CmdletBridge
{
    /// <summary>
    /// What a generated function does, from its begin, process and end blocks: the function
    /// declares the parameters; this keeps $AWSHistory and runs the operation for each
    /// pipeline object.
    /// </summary>
    /// <example>
    /// begin { $call = [CmdletBridge.ServiceCall]::new($PSCmdlet, 'ListUsers') }
    /// process { $call.Process($PSBoundParameters) }
    /// end { $call.Complete() }
    /// </example>
    public sealed class ServiceCall
    {
        private readonly PSCmdlet _cmdlet;
        private readonly OperationInfo _operation;
        private readonly Invocation _invocation;

        public ServiceCall(PSCmdlet cmdlet, string operation)
        {
            _cmdlet = cmdlet ?? throw new ArgumentNullException(nameof(cmdlet));
            _operation = ModuleData.Operation(operation);
            CallerPreferences.Apply(cmdlet);
            AWSCmdletHistory? entry = HistoryRecorder.Start(cmdlet, _operation.Cmdlet, out AWSHistory? store);
            _invocation = new Invocation
            {
                History = entry,
                Store = store,
                Verbose = IsShown("Verbose", "VerbosePreference"),
                Debug = IsShown("Debug", "DebugPreference"),
            };
        }

        /// <summary>One pipeline object: the parameters bound for it.</summary>
        public void Process(IDictionary<string, object?> boundParameters)
        {
            OperationRunner.Invoke(_cmdlet, boundParameters, _operation, _invocation);
        }

        public void Complete()
        {
            HistoryRecorder.Complete(_invocation.History);
        }

        /// <summary>
        /// Whether messages of a stream are shown, so that a call builds them only then: the
        /// switch when given, else the preference variable (the caller's, now the function's too).
        /// </summary>
        private bool IsShown(string parameter, string preferenceVariable)
        {
            if (_cmdlet.MyInvocation.BoundParameters.TryGetValue(parameter, out object? flag)) return LanguagePrimitives.IsTrue(flag);
            object? preference = _cmdlet.SessionState.PSVariable.GetValue(preferenceVariable);
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
