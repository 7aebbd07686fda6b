# The shell's default region ($StoredAWSRegion) and the first links of the region chain:
# -Region, then $StoredAWSRegion. The bridge resolves the rest (the default profile's
# region, then AWS_REGION), because the shared config files are read with the SDK's loader.

$script:RegionPattern = '^[a-z]{2,}(-[a-z0-9]+)*-\d+$'
$script:RegionFormHint = 'A region name is a system name such as us-east-1, eu-west-2 or ap-southeast-1.'

# A region given as a string or as an AWSRegion-like object (AWS Tools' Get-AWSRegion
# output carries the system name in Region or SystemName).
function ConvertTo-RegionName {
    param($Value)
    if ($Value -is [string]) { return $Value }
    if ($Value -is [System.Collections.IDictionary] -or $Value -is [scriptblock] -or ($Value -is [System.Collections.IEnumerable] -and $Value -isnot [string])) {
        return '(not a name)'
    }
    foreach ($name in 'Region', 'SystemName') {
        if ($Value.PSObject.Properties[$name]) { return [string] $Value.$name }
    }
    [string] $Value
}

function Assert-RegionName {
    param([System.Management.Automation.PSCmdlet] $Cmdlet, [string] $Region, [string] $Source, [string] $ParameterName = 'Region')
    if ($Region -cnotmatch $script:RegionPattern) {
        Stop-WithArgumentError -Cmdlet $Cmdlet -ParameterName $ParameterName -Message "'$Region' (from $Source) is not a region name. $script:RegionFormHint"
    }
}

# Returns @{ Region; Source } for -Region or $StoredAWSRegion (as the caller sees it), or
# $null when neither is set.
function Resolve-ExplicitRegion {
    param([System.Management.Automation.PSCmdlet] $Cmdlet, [System.Collections.IDictionary] $Bound, [string] $ConfigRegion)

    if ($Bound.ContainsKey('Region') -and $null -ne $Bound['Region']) {
        $region = ConvertTo-RegionName $Bound['Region']
        $source = '-Region'
    }
    elseif ($ConfigRegion) {
        $region = $ConfigRegion
        $source = 'ClientConfig.RegionEndpoint'
    }
    else {
        $stored = $Cmdlet.SessionState.PSVariable.GetValue('StoredAWSRegion')
        if (-not $stored) { return $null }
        $region = ConvertTo-RegionName $stored
        $source = '$StoredAWSRegion'
    }
    Assert-RegionName -Cmdlet $Cmdlet -Region $region -Source $source
    @{ Region = $region; Source = $source }
}

function New-RegionObject {
    param([string] $Region, [bool] $IsShellDefault)
    [pscustomobject]@{
        PSTypeName     = 'Amazon.Powershell.Common.AWSRegion'
        Region         = $Region
        Name           = $script:KnownRegions[$Region]
        IsShellDefault = $IsShellDefault
    }
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
        [object] $Region,

        [ValidateSet('Global', 'Local', 'Private')]
        [string] $Scope = 'Global'
    )
    process {
        $name = ConvertTo-RegionName $Region
        Assert-RegionName -Cmdlet $PSCmdlet -Region $name -Source '-Region'
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
    if ($stored) { New-RegionObject -Region (ConvertTo-RegionName $stored) -IsShellDefault $true }
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
