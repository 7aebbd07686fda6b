using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Runtime.CompilerServices;

namespace CmdletBridge
{
    /// <summary>
    /// What a generated function does for each pipeline object: the function declares the
    /// parameters; this runs the operation with the parameters bound for that object, and
    /// keeps what one invocation shares between its objects ($AWSHistory's entry, whether
    /// verbose and debug messages are shown).
    /// </summary>
    /// <example>
    /// process { [CmdletBridge.ServiceCall]::Invoke($PSCmdlet, $PSBoundParameters, 'ListUsers') }
    /// </example>
    public static class ServiceCall
    {
        /// <summary>Each invocation's state, by its $PSCmdlet (a new one per invocation), dropped with it.</summary>
        private static readonly ConditionalWeakTable<PSCmdlet, Invocation> Invocations = new ConditionalWeakTable<PSCmdlet, Invocation>();

        public static void Invoke(PSCmdlet cmdlet, IDictionary<string, object?> boundParameters, string operation)
        {
            if (cmdlet is null) throw new ArgumentNullException(nameof(cmdlet));
            if (!Invocations.TryGetValue(cmdlet, out Invocation? invocation))
            {
                invocation = Begin(cmdlet, ModuleData.Operation(operation));
                Invocations.AddOrUpdate(cmdlet, invocation);
            }
            try
            {
                OperationRunner.Invoke(cmdlet, boundParameters, invocation.Operation, invocation);
            }
            finally
            {
                // The invocation's end, as far as it is known: after its last object.
                HistoryRecorder.Complete(invocation.History);
            }
        }

        /// <summary>The invocation's first object: what a compiled cmdlet's BeginProcessing does.</summary>
        private static Invocation Begin(PSCmdlet cmdlet, OperationInfo operation)
        {
            CallerPreferences.Apply(cmdlet);
            AWSCmdletHistory? entry = HistoryRecorder.Start(cmdlet, operation.Cmdlet, out AWSHistory? store);
            return new Invocation
            {
                Operation = operation,
                History = entry,
                Store = store,
                Verbose = IsShown(cmdlet, "Verbose", "VerbosePreference"),
                Debug = IsShown(cmdlet, "Debug", "DebugPreference"),
            };
        }

        /// <summary>
        /// Whether messages of a stream are shown, so that a call builds them only then: the
        /// switch when given, else the preference variable (the caller's, now the function's too).
        /// </summary>
        private static bool IsShown(PSCmdlet cmdlet, string parameter, string preferenceVariable)
        {
            if (cmdlet.MyInvocation.BoundParameters.TryGetValue(parameter, out object? flag)) return LanguagePrimitives.IsTrue(flag);
            object? preference = cmdlet.SessionState.PSVariable.GetValue(preferenceVariable);
            if (preference is PSObject wrapped) preference = wrapped.BaseObject;
            string text = preference?.ToString() ?? "SilentlyContinue";
            return !string.Equals(text, "SilentlyContinue", StringComparison.OrdinalIgnoreCase) && !string.Equals(text, "Ignore", StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>What one invocation (a pipeline's worth of calls) keeps between objects.</summary>
    public sealed class Invocation
    {
        public OperationInfo Operation { get; init; } = new OperationInfo();
        public AWSCmdletHistory? History { get; init; }
        public AWSHistory? Store { get; init; }
        /// <summary>Verbose and debug messages are built only when shown.</summary>
        public bool Verbose { get; init; }
        public bool Debug { get; init; }
    }
}
