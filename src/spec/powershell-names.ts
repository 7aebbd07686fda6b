// Names PowerShell itself decides about; a spec may not redefine them.

/** `Get-Verb` in PowerShell 7.6. */
export const APPROVED_VERBS: ReadonlySet<string> = new Set(
  (
    "Add Approve Assert Backup Block Build Checkpoint Clear Close Compare Complete Compress Confirm Connect " +
    "Convert ConvertFrom ConvertTo Copy Debug Deny Deploy Disable Disconnect Dismount Edit Enable Enter Exit " +
    "Expand Export Find Format Get Grant Group Hide Import Initialize Install Invoke Join Limit Lock Measure " +
    "Merge Mount Move New Open Optimize Out Ping Pop Protect Publish Push Read Receive Redo Register Remove " +
    "Rename Repair Request Reset Resize Resolve Restart Restore Resume Revoke Save Search Select Send Set Show " +
    "Skip Split Start Step Stop Submit Suspend Switch Sync Test Trace Unblock Undo Uninstall Unlock Unprotect " +
    "Unpublish Unregister Update Use Wait Watch Write"
  ).split(" "),
);

/** Common parameters and their aliases, which every advanced function already has. */
export const COMMON_PARAMETER_NAMES: readonly string[] = [
  "Verbose", "vb", "Debug", "db", "ErrorAction", "ea", "WarningAction", "wa", "InformationAction", "infa",
  "ProgressAction", "proga", "ErrorVariable", "ev", "WarningVariable", "wv", "InformationVariable", "iv",
  "OutVariable", "ov", "OutBuffer", "ob", "PipelineVariable", "pv", "WhatIf", "wi", "Confirm", "cf",
];

/** Parameters the module adds to every cmdlet (see the runtime), with their aliases. */
export const SHARED_PARAMETER_NAMES: readonly string[] = [
  "Select", "Region", "RegionToCall", "EndpointUrl", "ProfileLocation", "AWSProfilesLocation",
  "ProfilesLocation", "ClientConfig",
];
/** Parameters signed cmdlets add, to find AWS credentials. */
export const CREDENTIAL_PARAMETER_NAMES: readonly string[] = [
  "AccessKey", "AK", "SecretKey", "SK", "SecretAccessKey", "SessionToken", "ST", "ProfileName",
  "StoredCredentials", "AWSProfileName", "Credential",
];
