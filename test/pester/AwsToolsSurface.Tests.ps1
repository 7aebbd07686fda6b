# Exact parity with AWS Tools' parameter surface for its Cognito Identity Provider cmdlets:
# every cmdlet's parameters (names, aliases, Mandatory, Position, pipeline binding), its base
# class's common parameters, ShouldProcess and ConfirmImpact, -Force, -NoAutoIteration and the
# -Select default, compared with the table read from AWS Tools' generated sources. Any
# difference fails the test unless aws-tools-surface-exceptions.tsv lists it with its reason.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-TestModule
    $script:Table = Join-Path $RepoRoot '..' 'shared' 'reference' 'aws-tools-cmdlet-surface.tsv'

    function script:Read-Fields([string[]] $fields) {
        $values = @{}
        foreach ($field in $fields) { $i = $field.IndexOf('='); if ($i -gt 0) { $values[$field.Substring(0, $i)] = $field.Substring($i + 1) } }
        $values
    }

    # What PowerShell says of one of our parameters, in the table's terms.
    function script:Get-Binding($parameter) {
        $set = $parameter.ParameterSets.Values | Select-Object -First 1
        [pscustomobject]@{
            Mandatory = if ($set.IsMandatory) { 'yes' } else { 'no' }
            Position  = if ($set.Position -lt 0) { 'none' } else { "$($set.Position)" }
            ByValue   = if ($set.ValueFromPipeline) { 'yes' } else { 'no' }
            ByName    = if ($set.ValueFromPipelineByPropertyName) { 'yes' } else { 'no' }
            Aliases   = @($parameter.Aliases | Sort-Object)
        }
    }

    # The common parameters of AWS Tools' two base classes, as its sources declare them.
    $script:BaseParameters = @{
        credentialed = @(
            @{ Name = 'Region'; Position = 'none'; ByValue = 'no'; Aliases = @('RegionToCall') }
            @{ Name = 'ProfileLocation'; Position = 'none'; ByValue = 'no'; Aliases = @('AWSProfilesLocation', 'ProfilesLocation') }
            @{ Name = 'EndpointUrl'; Position = 'none'; ByValue = 'no'; Aliases = @() }
            @{ Name = 'ClientConfig'; Position = 'none'; ByValue = 'no'; Aliases = @() }
            @{ Name = 'AccessKey'; Position = 'none'; ByValue = 'no'; Aliases = @('AK') }
            @{ Name = 'SecretKey'; Position = 'none'; ByValue = 'no'; Aliases = @('SecretAccessKey', 'SK') }
            @{ Name = 'SessionToken'; Position = 'none'; ByValue = 'no'; Aliases = @('ST') }
            @{ Name = 'ProfileName'; Position = 'none'; ByValue = 'no'; Aliases = @('AWSProfileName', 'StoredCredentials') }
            @{ Name = 'Credential'; Position = 'none'; ByValue = 'no'; Aliases = @() }
            @{ Name = 'NetworkCredential'; Position = 'none'; ByValue = 'no'; Aliases = @() }
        )
        anonymous    = @(
            @{ Name = 'Region'; Position = '210'; ByValue = 'yes'; Aliases = @('RegionToCall') }
            @{ Name = 'ProfileLocation'; Position = '211'; ByValue = 'no'; Aliases = @('AWSProfilesLocation', 'ProfilesLocation') }
            @{ Name = 'EndpointUrl'; Position = 'none'; ByValue = 'no'; Aliases = @() }
            @{ Name = 'ClientConfig'; Position = 'none'; ByValue = 'no'; Aliases = @() }
        )
    }
    $script:Ignored = @([System.Management.Automation.PSCmdlet]::CommonParameters) + @([System.Management.Automation.PSCmdlet]::OptionalCommonParameters)

    # Every difference between the table and the module: Kind, Cmdlet, Parameter, Detail.
    function script:Compare-Surface {
        $differences = [System.Collections.Generic.List[object]]::new()
        $add = { param($kind, $cmdlet, $parameter, $detail) $differences.Add([pscustomobject]@{ Kind = $kind; Cmdlet = $cmdlet; Parameter = $parameter; Detail = $detail }) }
        $rows = Get-Content -LiteralPath $Table | ForEach-Object { , ($_ -split "`t") }
        $listed = @{}
        foreach ($row in $rows | Where-Object { $_[0] -eq 'PARAM' -and $_[2] -ne 'PassThru' }) {
            if (-not $listed[$row[1]]) { $listed[$row[1]] = [System.Collections.Generic.List[object]]::new() }
            $listed[$row[1]].Add($row)
        }
        foreach ($row in $rows | Where-Object { $_[0] -eq 'CMDLET' -and $_[2] -ne 'MISSING' }) {
            $name = $row[1]
            $facts = Read-Fields $row[2..($row.Count - 1)]
            $command = Get-Command $name -Module PSCognitoIdentityProvider -ErrorAction Ignore
            if (-not $command) { & $add 'cmdlet' $name '' 'missing'; continue }
            $attribute = $command.ScriptBlock.Attributes | Where-Object { $_ -is [System.Management.Automation.CmdletBindingAttribute] }
            if (($facts.ssp -eq 'true') -ne $attribute.SupportsShouldProcess) { & $add 'shouldprocess' $name '' "AWS Tools $($facts.ssp)" }
            elseif ($facts.ssp -eq 'true' -and $facts.impact -ne "$($attribute.ConfirmImpact)") { & $add 'impact' $name '' "AWS Tools $($facts.impact), here $($attribute.ConfirmImpact)" }
            foreach ($switch in @(@{ Key = 'force'; Name = 'Force' }, @{ Key = 'noauto'; Name = 'NoAutoIteration' })) {
                if (($facts[$switch.Key] -eq 'yes') -ne $command.Parameters.ContainsKey($switch.Name)) { & $add 'switch' $name $switch.Name "AWS Tools $($facts[$switch.Key])" }
            }
            # -Select's default: AWS Tools writes nothing by default for operations without output ('*' over an empty response).
            $default = ($command.ScriptBlock.Ast.Body.ParamBlock.Parameters | Where-Object { $_.Name.VariablePath.UserPath -eq 'Select' }).DefaultValue.Value
            $theirs = if ($facts.output -eq 'None' -and $facts.select -eq '*') { $null } else { $facts.select }
            if ("$default" -ne "$theirs") { & $add 'select' $name 'Select' "AWS Tools '$theirs', here '$default'" }

            $base = if ($facts.base -like 'Anonymous*') { 'anonymous' } else { 'credentialed' }
            $expected = @{}
            foreach ($p in $listed[$name]) {
                $values = Read-Fields $p[4..($p.Count - 1)]
                $expected[$p[2]] = [pscustomobject]@{ Type = $p[3]; Mandatory = $values.mandatory; Position = $values.position; ByValue = $values.byvalue; ByName = $values.bypropname; Aliases = @(if ($values.aliases -ne 'none') { $values.aliases -split ',' | Sort-Object }) }
            }
            foreach ($p in $BaseParameters[$base]) {
                $expected[$p.Name] = [pscustomobject]@{ Mandatory = 'no'; Position = $p.Position; ByValue = $p.ByValue; ByName = 'yes'; Aliases = @($p.Aliases | Sort-Object) }
            }
            foreach ($parameterName in $expected.Keys) {
                $want = $expected[$parameterName]
                $ours = $command.Parameters[$parameterName]
                if (-not $ours) { & $add 'missing' $name $parameterName ''; continue }
                $have = Get-Binding $ours
                foreach ($fact in 'Mandatory', 'Position', 'ByValue', 'ByName') {
                    if ($want.$fact -ne $have.$fact) { & $add $fact.ToLowerInvariant() $name $parameterName "AWS Tools $($want.$fact), here $($have.$fact)" }
                }
                if ((@($want.Aliases) -join ',') -ne (@($have.Aliases) -join ',')) { & $add 'aliases' $name $parameterName "AWS Tools '$(@($want.Aliases) -join ',')', here '$(@($have.Aliases) -join ',')'" }
                if ($want.Type -and (Get-TypeName $ours.ParameterType) -ne (ConvertTo-TypeName $want.Type)) {
                    & $add 'type' $name $parameterName "AWS Tools $($want.Type), here $($ours.ParameterType)"
                }
            }
            $owned = @($expected.Keys) + 'Select', 'Force', 'NoAutoIteration' + $Ignored
            foreach ($parameterName in $command.Parameters.Keys) {
                if ($parameterName -notin $owned) { & $add 'extra' $name $parameterName '' }
            }
        }
        $differences
    }

    # The table's C# type names ("System.Int32?", "SwitchParameter") and .NET's, alike.
    function script:ConvertTo-TypeName([string] $CSharp) {
        $name = switch -Regex ($CSharp) {
            '^SwitchParameter$' { 'System.Management.Automation.SwitchParameter'; break }
            '^string$' { 'System.String'; break }
            '^int\?$' { 'System.Int32?'; break }
            default { $CSharp }
        }
        $name
    }
    function script:Get-TypeName([type] $Type) {
        $inner = [Nullable]::GetUnderlyingType($Type)
        if ($inner) { return "$($inner.FullName)?" }
        $Type.FullName
    }

    function script:Read-Exceptions {
        Get-Content -LiteralPath (Join-Path $PSScriptRoot 'aws-tools-surface-exceptions.tsv') | Where-Object { $_ -and -not $_.StartsWith('#') } | ForEach-Object {
            $kind, $cmdlets, $parameters, $reason = $_ -split "`t"
            [pscustomobject]@{ Kind = $kind; Cmdlets = @($cmdlets -split ','); Parameters = @($parameters -split ','); Reason = $reason; Used = $false }
        }
    }

    function script:Test-Excepted($difference, $exceptions) {
        foreach ($exception in $exceptions) {
            if ($exception.Kind -ne $difference.Kind) { continue }
            if (-not ($exception.Cmdlets | Where-Object { $difference.Cmdlet -like $_ })) { continue }
            if (-not ($exception.Parameters | Where-Object { $difference.Parameter -like $_ })) { continue }
            $exception.Used = $true
            return $true
        }
        $false
    }
}

AfterAll { Remove-Module PSCognitoIdentityProvider -ErrorAction Ignore }

Describe 'The cmdlets against AWS Tools'' parameter surface' {
    BeforeAll { $script:Differences = Compare-Surface }

    It 'has every cmdlet AWS Tools has, with its parameters, base class parameters, confirmation, switches and -Select default' {
        $differences = $Differences
        $exceptions = Read-Exceptions
        $unexplained = @($differences | Where-Object { -not (Test-Excepted $_ $exceptions) } | ForEach-Object { "$($_.Kind) $($_.Cmdlet) -$($_.Parameter) $($_.Detail)" })
        $unexplained | Should -BeNullOrEmpty -Because 'every difference from AWS Tools is listed in aws-tools-surface-exceptions.tsv with its reason'
        $stale = @($exceptions | Where-Object { -not $_.Used } | ForEach-Object { "$($_.Kind) $($_.Cmdlets -join ',') $($_.Parameters -join ',')" })
        $stale | Should -BeNullOrEmpty -Because 'an exception that matches nothing is out of date'
        # The comparison itself sees differences: the table lists 132 cmdlets, and the list is short.
        @($exceptions).Count | Should -BeLessOrEqual 12
        @($differences).Count | Should -BeGreaterThan 0
    }

    It 'sees the differences it judges, so that it can fail' {
        # Guard against a comparison that cannot fail: a parameter AWS Tools has but a cmdlet lacks is reported.
        ($Differences | Where-Object { $_.Kind -eq 'missing' -and $_.Parameter -eq 'NetworkCredential' }).Count | Should -BeGreaterThan 100
    }
}
