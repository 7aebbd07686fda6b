# The body of every generated cmdlet: settle the region and endpoint, send the call to
# the bridge, turn the reply into output objects (or an ErrorRecord), and keep $AWSHistory.

# The values at a -Select path: collections on the way (and at the end) are
# flattened and nulls dropped, so each item reaches the pipeline on its own.
function Select-ResponsePath {
    param($Response, [string[]] $Path)
    $values = [System.Collections.Generic.List[object]]::new()
    $values.Add($Response)
    foreach ($segment in $Path) {
        $next = [System.Collections.Generic.List[object]]::new()
        foreach ($value in $values) {
            $member = $value.PSObject.Properties[$segment]
            if ($null -eq $member -or $null -eq $member.Value) { continue }
            if ($member.Value -is [object[]]) {
                foreach ($item in $member.Value) { if ($null -ne $item) { $next.Add($item) } }
            }
            else { $next.Add($member.Value) }
        }
        $values = $next
    }
    $values
}

# -Select '^Name': Name must be a parameter of the cmdlet or one of its aliases.
function Resolve-SelectParameter {
    param([System.Management.Automation.PSCmdlet] $Cmdlet, [string] $Name)
    if ($Name) {
        foreach ($parameter in $Cmdlet.MyInvocation.MyCommand.Parameters.Values) {
            if ($parameter.Name -eq $Name -or $parameter.Aliases -contains $Name) { return $parameter.Name }
        }
    }
    Stop-WithArgumentError -Cmdlet $Cmdlet -ParameterName 'Select' -Message 'Invalid value for -Select parameter.'
}

# What the service would refuse anyway, refused before any request: a required value
# that is empty or $null (PowerShell lets them through, as AWS Tools does, so that
# pipeline binding works), and a map of strings with a key or value that is not a
# string (as AWS Tools' cast to string would). Checking values here also keeps
# arbitrary objects, whose JSON could be huge, out of the request. (The bridge checks
# value types again, for any other client of the protocol.)
function Assert-OperationInput {
    param([System.Management.Automation.PSCmdlet] $Cmdlet, [System.Collections.IDictionary] $Operation, [hashtable] $Parameters)
    foreach ($name in $Operation.Mandatory) {
        $value = $Parameters[$name]
        if ($null -eq $value -or ($value -is [string] -and $value.Length -eq 0)) {
            Stop-WithArgumentError -Cmdlet $Cmdlet -ParameterName $name -Message "-$name is required, and the value given was $(if ($null -eq $value) { '$null' } else { 'empty' })."
        }
    }
    foreach ($name in $Operation.StringMaps) {
        $map = $Parameters[$name]
        if ($null -eq $map) { continue }
        foreach ($key in $map.Keys) {
            if ($key -isnot [string]) {
                Stop-WithArgumentError -Cmdlet $Cmdlet -ParameterName $name -Message (
                    "-$name takes string keys only, but key '$key' is a $($key.GetType().Name). Quote it to make it a string.")
            }
            $value = $map[$key]
            if ($value -isnot [string]) {
                Stop-WithArgumentError -Cmdlet $Cmdlet -ParameterName $name -Message (
                    "-$name takes string values only, but the value for key '$key' is $(Get-ValueKind $value). Convert it to a string first.")
            }
        }
    }
}

# "a number", "a hashtable"...: how a value is named in messages (never the value itself).
function Get-ValueKind {
    param($Value)
    if ($null -eq $Value) { return 'null' }
    $base = $Value.psobject.BaseObject
    if ($base -is [bool]) { return 'a boolean' }
    if ($base -is [datetime] -or $base -is [datetimeoffset]) { return 'a date' }
    if ($base -is [ValueType]) { return 'a number' }
    if ($base -is [System.Collections.IDictionary] -or $base -is [System.Management.Automation.PSCustomObject]) { return 'an object' }
    if ($base -is [scriptblock]) { return 'a script block' }
    if ($base -is [System.Collections.IEnumerable]) { return 'an array' }
    "an object of type $($base.GetType().FullName)"
}

# How long a call may wait for the bridge before it is presumed hung: the SDK's own
# attempts and timeouts, plus a margin, unless PSCGIP_BRIDGE_TIMEOUT_SECONDS says otherwise.
function Get-BridgeCallTimeout {
    param([hashtable] $Settings)
    # Only a positive number of seconds counts: "0" would stop the bridge right after
    # sending a call the service may still carry out.
    $seconds = 0.0
    if ([double]::TryParse($env:PSCGIP_BRIDGE_TIMEOUT_SECONDS, [System.Globalization.NumberStyles]::Float, [cultureinfo]::InvariantCulture, [ref] $seconds) -and $seconds -gt 0) {
        return [TimeSpan]::FromSeconds($seconds)
    }
    Get-SdkCallTimeout -Settings $Settings
}

# The SDK's attempts times its per-attempt timeout, with margins (100 s and 3 attempts
# unless -ClientConfig says otherwise).
function Get-SdkCallTimeout {
    param([hashtable] $Settings)
    $attempts = 3
    $perAttemptMs = 100000
    if ($null -ne $Settings) {
        if ($Settings.ContainsKey('maxAttempts')) { $attempts = $Settings.maxAttempts }
        if ($Settings.ContainsKey('timeoutMs')) { $perAttemptMs = $Settings.timeoutMs }
    }
    [TimeSpan]::FromMilliseconds($attempts * ($perAttemptMs + 20000) + 30000)
}
$script:DefaultCallTimeout = [TimeSpan]::FromMilliseconds(3 * (100000 + 20000) + 30000)

# Nested parameter values (structures, lists of them, documents) reduced to plain data
# before they become JSON: hashtables, objects' properties, arrays, strings, numbers,
# booleans and dates. Anything else (a FileInfo, a script block) is refused here, so the
# request never carries a serialised .NET object graph; the bridge then checks the keys
# and types against the SDK's schema of the request.
function ConvertTo-PlainData {
    param([System.Management.Automation.PSCmdlet] $Cmdlet, [string] $Parameter, $Value, [string] $Where, [int] $Depth = 0)

    if ($null -eq $Value) { return $null }
    if ($Depth -gt 20) {
        Stop-WithArgumentError -Cmdlet $Cmdlet -ParameterName $Parameter -Message "$Where is nested more than 20 levels deep."
    }
    $base = $Value.psobject.BaseObject
    if ($base -is [string] -or $base -is [bool]) { return $base }
    if ($base -is [char]) { return [string] $base }
    if ($base -is [enum]) { return $base.ToString() }
    if ($base -is [datetime]) { return $base.ToUniversalTime().ToString('o', [cultureinfo]::InvariantCulture) }
    if ($base -is [datetimeoffset]) { return $base.UtcDateTime.ToString('o', [cultureinfo]::InvariantCulture) }
    if ($base -is [ValueType]) { return $base }
    if ($base -is [System.Collections.IDictionary]) {
        $out = [ordered]@{}
        foreach ($key in $base.Keys) {
            $out[[string] $key] = ConvertTo-PlainData -Cmdlet $Cmdlet -Parameter $Parameter -Value $base[$key] -Where "$Where.$key" -Depth ($Depth + 1)
        }
        return $out
    }
    if ($base -is [System.Management.Automation.PSCustomObject]) {
        $out = [ordered]@{}
        foreach ($property in $Value.PSObject.Properties) {
            $out[$property.Name] = ConvertTo-PlainData -Cmdlet $Cmdlet -Parameter $Parameter -Value $property.Value -Where "$Where.$($property.Name)" -Depth ($Depth + 1)
        }
        return $out
    }
    if ($base -is [System.Collections.IEnumerable] -and $base -isnot [scriptblock]) {
        $items = [System.Collections.Generic.List[object]]::new()
        $i = 0
        foreach ($item in $base) {
            $items.Add((ConvertTo-PlainData -Cmdlet $Cmdlet -Parameter $Parameter -Value $item -Where "$Where[$i]" -Depth ($Depth + 1)))
            $i++
        }
        return , $items.ToArray()
    }
    Stop-WithArgumentError -Cmdlet $Cmdlet -ParameterName $Parameter -Message (
        "$Where is $(Get-ValueKind $Value); give hashtables, objects with properties, arrays, strings, numbers, booleans or dates.")
}

# The value -WhatIf and -Confirm name: the target parameter's value, lists joined (at
# most 10 shown), as AWS Tools shows it.
function Format-ShouldProcessTarget {
    param([System.Collections.IDictionary] $Bound, [string] $Name)
    if (-not $Name -or -not $Bound.ContainsKey($Name) -or $null -eq $Bound[$Name]) { return '' }
    $value = $Bound[$Name]
    if ($value -is [string] -or $value -isnot [System.Collections.IEnumerable]) { return [string] $value }
    $items = @($value)
    $shown = ($items | Select-Object -First 10) -join ', '
    if ($items.Count -gt 10) { $shown += " (plus $($items.Count - 10) more)" }
    $shown
}

$script:NoClientConfig = @{ Region = $null; Endpoint = $null; Settings = $null }
# Endpoint URLs already found well-formed (a loop passes the same one every time).
$script:CheckedEndpoints = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::Ordinal)

# Called from each generated cmdlet's process block.
#   Operation: the generated description of the operation (see the root module).
#   History: the cmdlet's $AWSHistory entry, from Start-CmdletHistory in its begin block.
function Invoke-ServiceOperation {
    param(
        [System.Management.Automation.PSCmdlet] $Cmdlet,
        [System.Collections.IDictionary] $Bound,
        [System.Collections.IDictionary] $Operation,
        $History
    )

    $select = if ($Bound.ContainsKey('Select')) { [string] $Bound['Select'] } else { $Operation.DefaultSelect }
    $selectParameter = $null
    $writeNothing = $select -eq '(none)' -and -not $Bound.ContainsKey('Select')
    if ($writeNothing) { $select = '*' }
    if ($select.StartsWith('^')) {
        $selectParameter = Resolve-SelectParameter -Cmdlet $Cmdlet -Name $select.Substring(1)
        $select = '*'
    }

    # The common case (no -ClientConfig, an endpoint used before) skips the helpers: each
    # function call costs a few hundredths of a millisecond, on every call of a loop.
    $config = if ($null -ne $Bound['ClientConfig']) { ConvertFrom-ClientConfig -Cmdlet $Cmdlet -ClientConfig $Bound['ClientConfig'] } else { $script:NoClientConfig }
    $region = $Bound['Region']
    $explicitRegion = if ($region -is [string] -and $region -cmatch $script:RegionPattern) {
        # A well-formed region name, as most calls give it (what Resolve-ExplicitRegion checks).
        @{ Region = $region; Source = '-Region' }
    }
    else { Resolve-ExplicitRegion -Cmdlet $Cmdlet -Bound $Bound -ConfigRegion $config.Region }
    $endpoint = $Bound['EndpointUrl']
    if ($endpoint) {
        if (-not $script:CheckedEndpoints.Contains($endpoint)) {
            $null = Resolve-EndpointUrl -Cmdlet $Cmdlet -Endpoint $endpoint -Source '-EndpointUrl'
            $null = $script:CheckedEndpoints.Add($endpoint)
        }
    }
    else { $endpoint = $config.Endpoint }

    $params = @{}
    foreach ($name in $Operation.InputParameters) {
        if ($Bound.ContainsKey($name)) { $params[$name] = $Bound[$name] }
    }
    Assert-OperationInput -Cmdlet $Cmdlet -Operation $Operation -Parameters $params
    foreach ($name in $Operation.Nested) {
        if ($params.ContainsKey($name)) {
            $params[$name] = ConvertTo-PlainData -Cmdlet $Cmdlet -Parameter $name -Value $params[$name] -Where "-$name"
        }
    }
    foreach ($name in $Operation.Blobs) {
        if ($null -ne $params[$name]) { $params[$name] = [Convert]::ToBase64String([byte[]] $params[$name]) }
    }

    $request = [ordered]@{ id = 0; op = $Operation.Name; params = $params; select = $select }
    if ($explicitRegion) {
        $request.region = $explicitRegion.Region
        $request.regionSource = $explicitRegion.Source
    }
    elseif ($env:AWS_REGION) {
        # The bridge goes on down the chain: the profile, then AWS_REGION.
        $request.envRegion = $env:AWS_REGION
    }
    if ($Bound['ProfileLocation']) { $request.profileLocation = [string] $Bound['ProfileLocation'] }
    if ($Operation.Signed) {
        $credentials = Get-CredentialRequest -Cmdlet $Cmdlet -Bound $Bound
        foreach ($key in $credentials.Keys) { $request[$key] = $credentials[$key] }
    }
    if ($endpoint) { $request.endpoint = $endpoint }
    if ($config.Settings) { $request.config = $config.Settings }

    if ($Operation.Contains('ShouldProcess')) {
        # As AWS Tools: -Force skips the prompt, but -WhatIf still only describes the call.
        $force = $Bound.ContainsKey('Force') -and $Bound['Force']
        $target = Format-ShouldProcessTarget -Bound $Bound -Name $Operation.ShouldProcess.Target
        if (-not (($force -and -not $WhatIfPreference) -or $Cmdlet.ShouldProcess($target, $Operation.ShouldProcess.Action))) { return }
    }

    # Paginated operations fetch every page unless the caller steers the paging (AWS Tools:
    # -NoAutoIteration, or the token parameter given, even as $null).
    $paging = if ($Operation.Contains('Pagination')) { $Operation.Pagination }
    $autoIterate = $null -ne $paging -and -not ($Bound.ContainsKey('NoAutoIteration') -and $Bound['NoAutoIteration']) -and
        -not $Bound.ContainsKey($paging.TokenParameter)
    $timeout = if ($null -eq $config.Settings -and -not $env:PSCGIP_BRIDGE_TIMEOUT_SECONDS) { $script:DefaultCallTimeout } else { Get-BridgeCallTimeout -Settings $config.Settings }

    while ($true) {
        if ($VerbosePreference -ne 'SilentlyContinue') {
            $where = if ($explicitRegion) { "in region $($explicitRegion.Region)" } else { 'in the default region' }
            Write-Verbose "Calling $($Operation.Name) $where$(if ($endpoint) { " at $endpoint" })."
        }
        if ($null -ne $History -and $script:HistorySettings.RecordServiceRequests) {
            Add-HistoryRequest -Entry $History -TypeName $Operation.RequestType -Parameters $params -Sensitive $Operation.Sensitive
        }

        $reply = Invoke-BridgeRequest -Cmdlet $Cmdlet -Request $request -Timeout $timeout
        if (-not $reply.ok) {
            $record = ConvertTo-ReplyErrorRecord -Cmdlet $Cmdlet -ReplyError $reply.error
            # As in AWS Tools, a failed call keeps its error as the response.
            Add-HistoryResponse -Entry $History -Response $record
            Complete-CmdletHistory -Entry $History
            $Cmdlet.ThrowTerminatingError($record)
        }

        $meta = $reply.meta
        if ($DebugPreference -ne 'SilentlyContinue') { Write-Debug "Region: $($meta.region) (from $($meta.regionSource))." }
        if ($VerbosePreference -ne 'SilentlyContinue') {
            $requestId = if ($meta.PSObject.Properties['requestId']) { $meta.requestId } else { 'none' }
            Write-Verbose "$($Operation.Name) answered by $($meta.endpoint) in region $($meta.region): HTTP $($meta.status), request id $requestId."
        }

        $response = $reply.response
        Add-HistoryResponse -Entry $History -Response $response
        if ($null -eq $selectParameter -and -not $writeNothing) { Write-SelectedOutput -Cmdlet $Cmdlet -Response $response -Path $reply.path -History $History }

        if (-not $autoIterate) { break }
        $nextToken = $response.PSObject.Properties[$paging.NextToken]
        $nextToken = if ($null -ne $nextToken) { [string] $nextToken.Value }
        # A token the service repeats would loop for ever.
        if (-not $nextToken -or $nextToken -eq $params[$paging.TokenParameter]) { break }
        $params[$paging.TokenParameter] = $nextToken
    }

    if ($null -ne $selectParameter -and $Bound.ContainsKey($selectParameter)) {
        $Cmdlet.WriteObject($Bound[$selectParameter], $true)
        if ($null -ne $History) { $History.EmittedObjectsCount++ }
    }
}

# Writes the response, or the values at the -Select path, to the pipeline.
function Write-SelectedOutput {
    param([System.Management.Automation.PSCmdlet] $Cmdlet, $Response, $Path, $History)
    if ($null -eq $Path) {
        $Cmdlet.WriteObject($Response)
        if ($null -ne $History) { $History.EmittedObjectsCount++ }
        return
    }
    foreach ($item in (Select-ResponsePath -Response $Response -Path $Path)) {
        $Cmdlet.WriteObject($item)
        if ($null -ne $History) { $History.EmittedObjectsCount++ }
    }
}
