using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace CmdletBridge
{
    /// <summary>
    /// What a generated function does, from its begin, process and end blocks, as a compiled
    /// cmdlet's BeginProcessing, ProcessRecord and EndProcessing would: the function declares
    /// the parameters; this keeps $AWSHistory and runs the operation for each pipeline object.
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

        /// <summary>
        /// The begin block: before PowerShell binds the first piped object, so that the
        /// caller's preferences already apply to its binding errors.
        /// </summary>
        public ServiceCall(PSCmdlet cmdlet, string operation)
        {
            _cmdlet = cmdlet ?? throw new ArgumentNullException(nameof(cmdlet));
            // The format views load while the first request is out (OperationRunner); their loader's
            // first run can start now, on another core.
            if (!FormatViews.IsLoaded) FormatViews.WarmUp();
            try
            {
                _operation = ModuleData.Operation(operation);
            }
            catch (Exception e) when (e is ArgumentException || e is InvalidOperationException)
            {
                // A data file that does not match the functions: say so, not as a .NET method failure.
                CmdletErrors.ThrowUnavailable(cmdlet, "ModuleDataMismatch", e.Message);
                throw;
            }
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
            try
            {
                OperationRunner.Invoke(_cmdlet, boundParameters, _operation, _invocation);
            }
            catch (Exception e) when (e is not PipelineStoppedException && e is not FlowControlException)
            {
                // What a compiled cmdlet's ProcessRecord throws becomes its terminating error
                // (a confirmation prompt in a non-interactive session, say); from a method a
                // script calls, it would become "Exception calling "Process" with "1" argument(s)".
                ErrorRecord record = e is IContainsErrorRecord contained
                    ? new ErrorRecord(contained.ErrorRecord, e)
                    : new ErrorRecord(e, e.GetType().FullName, ErrorCategory.NotSpecified, null);
                _cmdlet.ThrowTerminatingError(record);
            }
        }

        /// <summary>The end block.</summary>
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
