# Argument completion for the generated cmdlets: -Select ('*', response paths and
# '^Parameter') and -Region (the regions the SDK knows). Parameters whose spec lists values
# complete through their ArgumentCompletions attribute.

function New-CompletionResults {
    param([string[]] $Values, [string] $WordToComplete, [hashtable] $ToolTips = @{})
    $word = $WordToComplete.Trim([char[]] "'""")
    foreach ($value in $Values) {
        if (-not $value.StartsWith($word, [StringComparison]::OrdinalIgnoreCase)) { continue }
        $text = if ($value -match '^[\w.^-]+$') { $value } else { "'$value'" }
        $tip = if ($ToolTips.ContainsKey($value)) { $ToolTips[$value] } else { $value }
        [System.Management.Automation.CompletionResult]::new($text, $value, 'ParameterValue', $tip)
    }
}

# Every cmdlet's response paths (generated beside the manifest), read on first use only.
$script:SelectPaths = $null

function Get-SelectCompletion {
    param([string] $CommandName, [string] $WordToComplete)
    if (-not $script:OperationsByCmdlet.ContainsKey($CommandName)) { return }
    if ($null -eq $script:SelectPaths) {
        $module = $ExecutionContext.SessionState.Module
        $script:SelectPaths = Import-PowerShellDataFile -LiteralPath (Join-Path $module.ModuleBase "$($module.Name).SelectPaths.psd1")
    }
    $command = Get-Command -Name $CommandName -Module $ExecutionContext.SessionState.Module.Name -ErrorAction Ignore
    $parameters = if ($command) {
        $command.Parameters.Keys | Where-Object { $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters } | ForEach-Object { "^$_" }
    }
    New-CompletionResults -Values (@('*') + @($script:SelectPaths[$CommandName]) + @($parameters)) -WordToComplete $WordToComplete
}

function Get-RegionCompletion {
    param([string] $WordToComplete)
    New-CompletionResults -Values @($script:KnownRegions.Keys) -WordToComplete $WordToComplete -ToolTips $script:KnownRegions
}
