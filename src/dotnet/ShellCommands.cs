using System;
using System.Management.Automation;
using CmdletBridge;

// The module's shell commands, as AWS Tools for PowerShell has them: the default region
// ($StoredAWSRegion) and what $AWSHistory keeps. In AWS Tools' namespace, as the generated
// cmdlets are, because PowerShell ends each error's FullyQualifiedErrorId with the class name.
// A compiled cmdlet runs in its caller's scope, so "Local" and "Private" below are the
// caller's current scope.
namespace Amazon.PowerShell.Common
{

    [Cmdlet(VerbsCommon.Set, "DefaultAWSRegion")]
    public sealed class SetDefaultAWSRegionCmdlet : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public object? Region { get; set; }

        [Parameter]
        [ValidateSet("Global", "Local", "Private", IgnoreCase = true)]
        public string Scope { get; set; } = "Global";

        protected override void ProcessRecord()
        {
            string name = RegionNames.ConvertToName(Region);
            RegionNames.Assert(this, name, "-Region");
            switch (Scope.ToLowerInvariant())
            {
                case "global":
                    SessionState.PSVariable.Set("global:StoredAWSRegion", name);
                    break;
                case "private":
                    SessionState.PSVariable.Set(new PSVariable("StoredAWSRegion", name, ScopedItemOptions.Private));
                    break;
                default:
                    SessionState.PSVariable.Set("StoredAWSRegion", name);
                    break;
            }
        }
    }

    [Cmdlet(VerbsCommon.Get, "DefaultAWSRegion")]
    [OutputType("Amazon.Powershell.Common.AWSRegion")]
    public sealed class GetDefaultAWSRegionCmdlet : PSCmdlet
    {
        protected override void EndProcessing()
        {
            object? stored = SessionState.PSVariable.GetValue("StoredAWSRegion");
            if (!LanguagePrimitives.IsTrue(stored)) return;
            string name = RegionNames.ConvertToName(stored);
            var region = new PSObject();
            region.TypeNames.Insert(0, "Amazon.Powershell.Common.AWSRegion");
            region.Properties.Add(new PSNoteProperty("Region", name));
            region.Properties.Add(new PSNoteProperty("Name", RegionNames.Describe(name)));
            region.Properties.Add(new PSNoteProperty("IsShellDefault", true));
            WriteObject(region);
        }
    }

    [Cmdlet(VerbsCommon.Clear, "DefaultAWSRegion")]
    public sealed class ClearDefaultAWSRegionCmdlet : PSCmdlet
    {
        [Parameter]
        [ValidateSet("Global", "Local", "Private", IgnoreCase = true)]
        public string Scope { get; set; } = "Global";

        protected override void EndProcessing()
        {
            string name = string.Equals(Scope, "Global", StringComparison.OrdinalIgnoreCase) ? "global:StoredAWSRegion" : "StoredAWSRegion";
            try
            {
                SessionState.PSVariable.Remove(name);
            }
            catch (ItemNotFoundException)
            {
                // Nothing to clear.
            }
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
}
