# Loaded by the manifest (NestedModules) before the root module, so that Node.js starts
# the bridge while PowerShell parses the generated cmdlets. Quiet on any problem: the
# first call starts the bridge itself and reports what is wrong.
[CmdletBridge.SharedBridgeState]::StartEarly([System.IO.Path]::Combine([System.IO.Path]::GetDirectoryName($PSScriptRoot), 'bridge.cjs'))
