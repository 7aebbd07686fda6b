using System;
using System.Management.Automation;
using CmdletBridge;

// The module's shell commands, as AWS Tools for PowerShell has them: the default region
// ($StoredAWSRegion) and what $AWSHistory keeps. In AWS Tools' namespace, as the generated
// cmdlets are, because PowerShell ends each error's FullyQualifiedErrorId with the class name.
// A compiled cmdlet runs in its caller's scope: without -Scope, the variables are set
// there, as AWS Tools sets them (global at the prompt, the script's scope in a script).
namespace Amazon.PowerShell.Common
{

    [Cmdlet(VerbsCommon.Set, "DefaultAWSRegion")]
    [OutputType("None")]
    public sealed class SetDefaultAWSRegionCmdlet : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("RegionToCall")]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public object? Region { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public VariableScope Scope { get; set; }

        protected override void ProcessRecord()
        {
            string name = RegionNames.ConvertToName(Region);
            RegionNames.Assert(this, name, "-Region");
            SessionVariables.Set(this, "StoredAWSRegion", name);
        }
    }

    [Cmdlet(VerbsCommon.Get, "DefaultAWSRegion")]
    [OutputType(typeof(AWSRegion))]
    public sealed class GetDefaultAWSRegionCmdlet : PSCmdlet
    {
        protected override void EndProcessing()
        {
            object? stored = SessionState.PSVariable.GetValue("StoredAWSRegion");
            if (!LanguagePrimitives.IsTrue(stored)) return;
            WriteObject(AWSRegion.For(this, RegionNames.ConvertToName(stored)));
        }
    }

    [Cmdlet(VerbsCommon.Clear, "DefaultAWSRegion")]
    [OutputType("None")]
    public sealed class ClearDefaultAWSRegionCmdlet : PSCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public VariableScope Scope { get; set; }

        /// <summary>As AWS Tools: the variable is set to $null, in the scope -Scope names.</summary>
        protected override void EndProcessing()
        {
            SessionVariables.Set(this, "StoredAWSRegion", null);
        }
    }

    [Cmdlet(VerbsCommon.Set, "AWSHistoryConfiguration")]
    public sealed class SetAWSHistoryConfigurationCmdlet : PSCmdlet
    {
        [Parameter]
        public int MaxCmdletHistory { get; set; } = -1;

        [Parameter]
        public int MaxServiceCallHistory { get; set; } = -1;

        [Parameter]
        public SwitchParameter RecordServiceRequests { get; set; }

        [Parameter]
        public SwitchParameter IncludeSensitiveData { get; set; }

        protected override void EndProcessing()
        {
            HistorySettings settings = HistoryRecorder.Settings;
            if (MyInvocation.BoundParameters.ContainsKey(nameof(MaxCmdletHistory)))
            {
                if (MaxCmdletHistory < 0) CmdletErrors.ThrowArgument(this, nameof(MaxCmdletHistory), "-MaxCmdletHistory must be 0 (no history) or more.");
                settings.MaxCmdletHistory = MaxCmdletHistory;
                if (HistoryRecorder.GetStore(this) is AWSHistory store)
                {
                    if (MaxCmdletHistory == 0) store.Clear();
                    while (store.Commands.Count > MaxCmdletHistory) store.Commands.RemoveAt(store.Commands.Count - 1);
                }
            }
            if (MyInvocation.BoundParameters.ContainsKey(nameof(MaxServiceCallHistory)))
            {
                if (MaxServiceCallHistory <= 0) CmdletErrors.ThrowArgument(this, nameof(MaxServiceCallHistory), "-MaxServiceCallHistory must be 1 or more.");
                settings.MaxServiceCallHistory = MaxServiceCallHistory;
            }
            settings.RecordServiceRequests = RecordServiceRequests.IsPresent;
            settings.IncludeSensitiveData = IncludeSensitiveData.IsPresent;
        }
    }

    [Cmdlet(VerbsCommon.Set, "AWSAutoIterationMode")]
    [OutputType("None")]
    public sealed class SetAWSAutoIterationModeCmdlet : PSCmdlet
    {
        /// <summary>standard: list cmdlets fetch every page; v4: one page, as AWS Tools v4's emit limits did.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateSet("standard", "v4", IgnoreCase = true)]
        public string IterationMode { get; set; } = "standard";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public VariableScope Scope { get; set; }

        protected override void ProcessRecord() => SessionVariables.Set(this, OperationRunner.AutoIterationVariable, IterationMode.ToLowerInvariant());
    }

    [Cmdlet(VerbsCommon.Get, "AWSAutoIterationMode")]
    [OutputType(typeof(string))]
    public sealed class GetAWSAutoIterationModeCmdlet : PSCmdlet
    {
        protected override void EndProcessing() =>
            WriteObject(SessionState.PSVariable.GetValue(OperationRunner.AutoIterationVariable) is string mode && mode.Length > 0 ? mode : "standard");
    }

    [Cmdlet(VerbsCommon.Set, "AWSSensitiveDataConfiguration")]
    [OutputType("None")]
    public sealed class SetAWSSensitiveDataConfigurationCmdlet : PSCmdlet
    {
        /// <summary>Kept for AWS Tools' scripts: this module never shows sensitive parameters in its messages either way.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public bool ShowSensitiveData { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public VariableScope Scope { get; set; }

        protected override void ProcessRecord() => SessionVariables.Set(this, "AWSPowerShell_Show_Sensitive_Data", ShowSensitiveData);
    }

    [Cmdlet(VerbsCommon.Get, "AWSSensitiveDataConfiguration")]
    [OutputType(typeof(PSObject))]
    public sealed class GetAWSSensitiveDataConfigurationCmdlet : PSCmdlet
    {
        protected override void EndProcessing()
        {
            var result = new PSObject();
            result.Properties.Add(new PSNoteProperty("ShowSensitiveData", LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("AWSPowerShell_Show_Sensitive_Data"))));
            WriteObject(result);
        }
    }
}
