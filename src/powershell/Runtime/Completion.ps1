# Argument completion for the generated cmdlets: -Select ('*', response paths and
# '^Parameter'), -Region (the regions the SDK knows), and parameters whose spec lists values.

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

function Get-SelectCompletion {
    param([string] $CommandName, [string] $WordToComplete)
    $operation = $script:OperationsByCmdlet[$CommandName]
    if ($null -eq $operation) { return }
    $command = Get-Command -Name $CommandName -Module $ExecutionContext.SessionState.Module.Name -ErrorAction Ignore
    $parameters = if ($command) {
        $command.Parameters.Keys | Where-Object { $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters } | ForEach-Object { "^$_" }
    }
    New-CompletionResults -Values (@('*') + $operation.SelectPaths + @($parameters)) -WordToComplete $WordToComplete
}

function Get-RegionCompletion {
    param([string] $WordToComplete)
    New-CompletionResults -Values @($script:KnownRegions.Keys) -WordToComplete $WordToComplete -ToolTips $script:KnownRegions
}
