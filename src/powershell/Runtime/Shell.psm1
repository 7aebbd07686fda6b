# The module's shell commands (the default region and $AWSHistory settings), and the
# bridge's lifecycle: started while the module loads, stopped when the last runspace
# that imported the module removes it. The generated cmdlets and the runtime they share
# are compiled (the module's assembly, loaded before this through RequiredAssemblies).

Set-StrictMode -Version 3.0

# Node.js starts the bridge while PowerShell goes on loading the module; the first call
# reads its hello. Quiet on any problem: that call reports what is wrong.
$script:Bridge = [CmdletBridge.BridgeConnection]::Default
$script:Bridge.StartEarly()
$script:UserKey = $script:Bridge.AddUser([runspace]::DefaultRunspace.InstanceId)

$ExecutionContext.SessionState.Module.OnRemove = {
    $open = [string[]] @(Get-Runspace | Where-Object { $_.RunspaceStateInfo.State -eq 'Opened' } | ForEach-Object { "$($_.InstanceId)" })
    $script:Bridge.RemoveUser($script:UserKey, $open)
}

function Set-DefaultAWSRegion {
    <#
    .SYNOPSIS
    Sets the region the cmdlets use when -Region is not given ($StoredAWSRegion).

    .DESCRIPTION
    Stores a region name in the $StoredAWSRegion shell variable, which cmdlets of this
    module (and of AWS Tools for PowerShell) use when they are called without -Region.

    .PARAMETER Region
    The system name of a region, such as us-east-1, or an object with a Region property.

    .PARAMETER Scope
    The scope of the $StoredAWSRegion variable: Global (the default), Local (the caller's
    current scope) or Private (the caller's current scope, not seen by its children).

    .EXAMPLE
    Set-DefaultAWSRegion -Region eu-west-1

    .EXAMPLE
    Set-DefaultAWSRegion us-east-1 -Scope Local
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true, Position = 0, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
        [ArgumentCompleter([CmdletBridge.RegionCompleter])]
        [object] $Region,

        [ValidateSet('Global', 'Local', 'Private')]
        [string] $Scope = 'Global'
    )
    process {
        $name = [CmdletBridge.RegionNames]::ConvertToName($Region)
        [CmdletBridge.RegionNames]::Assert($PSCmdlet, $name, '-Region', 'Region')
        # $PSCmdlet.SessionState is the caller's: Local and Private mean the caller's
        # current scope, not this module's.
        switch ($Scope) {
            'Global' { Set-Variable -Name StoredAWSRegion -Value $name -Scope Global }
            'Private' { $PSCmdlet.SessionState.PSVariable.Set([System.Management.Automation.PSVariable]::new('StoredAWSRegion', $name, 'Private')) }
            default { $PSCmdlet.SessionState.PSVariable.Set('StoredAWSRegion', $name) }
        }
    }
}

function Get-DefaultAWSRegion {
    <#
    .SYNOPSIS
    Returns the region set with Set-DefaultAWSRegion, if any.

    .DESCRIPTION
    Returns the shell's default region ($StoredAWSRegion) as an object with Region, Name
    and IsShellDefault properties, or nothing when no default region is set.

    .EXAMPLE
    Get-DefaultAWSRegion

    .EXAMPLE
    (Get-DefaultAWSRegion).Region
    #>
    [CmdletBinding()]
    [OutputType('Amazon.Powershell.Common.AWSRegion')]
    param()
    $stored = $PSCmdlet.SessionState.PSVariable.GetValue('StoredAWSRegion')
    if ($stored) {
        $name = [CmdletBridge.RegionNames]::ConvertToName($stored)
        [pscustomobject]@{
            PSTypeName     = 'Amazon.Powershell.Common.AWSRegion'
            Region         = $name
            Name           = [CmdletBridge.RegionNames]::Describe($name)
            IsShellDefault = $true
        }
    }
}

function Clear-DefaultAWSRegion {
    <#
    .SYNOPSIS
    Removes the shell's default region ($StoredAWSRegion).

    .PARAMETER Scope
    The scope to remove $StoredAWSRegion from: Global (the default), or Local / Private
    (the caller's current scope).

    .EXAMPLE
    Clear-DefaultAWSRegion

    .EXAMPLE
    Clear-DefaultAWSRegion -Scope Local
    #>
    [CmdletBinding()]
    param(
        [ValidateSet('Global', 'Local', 'Private')]
        [string] $Scope = 'Global'
    )
    if ($Scope -eq 'Global') { Remove-Variable -Name StoredAWSRegion -Scope Global -ErrorAction Ignore }
    else { $PSCmdlet.SessionState.PSVariable.Remove('StoredAWSRegion') }
}

function Set-AWSHistoryConfiguration {
    <#
    .SYNOPSIS
    Sets how much $AWSHistory keeps, and whether it records requests.

    .DESCRIPTION
    $AWSHistory keeps the last cmdlet invocations (newest first) and, for each, the
    responses of its service calls. Requests are recorded only with
    -RecordServiceRequests, and then without sensitive values such as access tokens
    unless -IncludeSensitiveData is also given.

    .PARAMETER MaxCmdletHistory
    How many cmdlet invocations to keep (default 5). 0 turns the history off and clears it.

    .PARAMETER MaxServiceCallHistory
    How many service calls to keep for each invocation (default 5; at least 1).

    .PARAMETER RecordServiceRequests
    Record each request as well as its response.

    .PARAMETER IncludeSensitiveData
    Keep sensitive values (such as -AccessToken) in recorded requests instead of redacting them.

    .EXAMPLE
    Set-AWSHistoryConfiguration -MaxCmdletHistory 20 -RecordServiceRequests

    .EXAMPLE
    Set-AWSHistoryConfiguration -MaxCmdletHistory 0
    #>
    [CmdletBinding()]
    param(
        [int] $MaxCmdletHistory = -1,
        [int] $MaxServiceCallHistory = -1,
        [switch] $RecordServiceRequests,
        [switch] $IncludeSensitiveData
    )

    $settings = [CmdletBridge.HistoryRecorder]::Settings
    if ($PSBoundParameters.ContainsKey('MaxCmdletHistory')) {
        if ($MaxCmdletHistory -lt 0) {
            [CmdletBridge.CmdletErrors]::ThrowArgument($PSCmdlet, 'MaxCmdletHistory', '-MaxCmdletHistory must be 0 (no history) or more.')
        }
        $settings.MaxCmdletHistory = $MaxCmdletHistory
        $store = [CmdletBridge.HistoryRecorder]::GetStore($PSCmdlet)
        if ($null -ne $store) {
            if ($MaxCmdletHistory -eq 0) { $store.Clear() }
            while ($store.Commands.Count -gt $MaxCmdletHistory) { $store.Commands.RemoveAt($store.Commands.Count - 1) }
        }
    }
    if ($PSBoundParameters.ContainsKey('MaxServiceCallHistory')) {
        if ($MaxServiceCallHistory -le 0) {
            [CmdletBridge.CmdletErrors]::ThrowArgument($PSCmdlet, 'MaxServiceCallHistory', '-MaxServiceCallHistory must be 1 or more.')
        }
        $settings.MaxServiceCallHistory = $MaxServiceCallHistory
    }
    $settings.RecordServiceRequests = $RecordServiceRequests.IsPresent
    $settings.IncludeSensitiveData = $IncludeSensitiveData.IsPresent
}
