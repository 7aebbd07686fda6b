# The body of every generated cmdlet: settle the region and endpoint, send the call to
# the bridge, turn the reply into output objects (or an ErrorRecord), and keep $AWSHistory.

# Restores what the bridge flattened into JSON: type names on objects ("@t"), and
# .NET values such as DateTime and HttpStatusCode ("@t" with "@v").
function ConvertFrom-BridgeValue {
    param($Value)

    if ($Value -is [System.Management.Automation.PSCustomObject]) {
        $properties = $Value.PSObject.Properties
        $typeProperty = $properties['@t']
        if ($null -ne $typeProperty) {
            $valueProperty = $properties['@v']
            if ($null -ne $valueProperty) {
                switch ($typeProperty.Value) {
                    'System.DateTime' { return [DateTime]::Parse($valueProperty.Value, [cultureinfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::RoundtripKind) }
                    'System.Net.HttpStatusCode' { return [System.Net.HttpStatusCode] [int] $valueProperty.Value }
                    default { return $valueProperty.Value }
                }
            }
            $properties.Remove('@t')
            $Value.PSObject.TypeNames.Insert(0, $typeProperty.Value)
        }
        foreach ($property in $properties) {
            $inner = $property.Value
            if ($null -ne $inner -and $inner -isnot [string] -and $inner -isnot [ValueType]) {
                $property.Value = ConvertFrom-BridgeValue -Value $inner
            }
        }
        return $Value
    }
    if ($Value -is [object[]]) {
        for ($i = 0; $i -lt $Value.Length; $i++) { $Value[$i] = ConvertFrom-BridgeValue -Value $Value[$i] }
        return , $Value
    }
    $Value
}

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
    if ($env:PSCGIP_BRIDGE_TIMEOUT_SECONDS) { return [TimeSpan]::FromSeconds([double] $env:PSCGIP_BRIDGE_TIMEOUT_SECONDS) }
    $attempts = 3
    $perAttemptMs = 100000
    if ($null -ne $Settings) {
        if ($Settings.ContainsKey('maxAttempts')) { $attempts = $Settings.maxAttempts }
        if ($Settings.ContainsKey('timeoutMs')) { $perAttemptMs = $Settings.timeoutMs }
    }
    [TimeSpan]::FromMilliseconds($attempts * ($perAttemptMs + 20000) + 30000)
}

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
    if ($select.StartsWith('^')) {
        $selectParameter = Resolve-SelectParameter -Cmdlet $Cmdlet -Name $select.Substring(1)
        $select = '*'
    }

    $config = ConvertFrom-ClientConfig -Cmdlet $Cmdlet -ClientConfig $Bound['ClientConfig']
    $explicitRegion = Resolve-ExplicitRegion -Cmdlet $Cmdlet -Bound $Bound -ConfigRegion $config.Region
    $endpoint = if ($Bound.ContainsKey('EndpointUrl') -and $Bound['EndpointUrl']) {
        Resolve-EndpointUrl -Cmdlet $Cmdlet -Endpoint $Bound['EndpointUrl'] -Source '-EndpointUrl'
    }
    else { $config.Endpoint }

    $params = @{}
    foreach ($name in $Operation.InputParameters) {
        if ($Bound.ContainsKey($name)) { $params[$name] = $Bound[$name] }
    }
    Assert-OperationInput -Cmdlet $Cmdlet -Operation $Operation -Parameters $params

    $request = [ordered]@{ id = 0; op = $Operation.Name; params = $params; select = $select }
    if ($explicitRegion) {
        $request.region = $explicitRegion.Region
        $request.regionSource = $explicitRegion.Source
    }
    else {
        # The bridge goes on down the chain: the default profile, then AWS_REGION.
        if ($Bound.ContainsKey('ProfileLocation') -and $Bound['ProfileLocation']) { $request.profileLocation = [string] $Bound['ProfileLocation'] }
        if ($env:AWS_REGION) { $request.envRegion = $env:AWS_REGION }
    }
    if ($endpoint) { $request.endpoint = $endpoint }
    if ($config.Settings) { $request.config = $config.Settings }

    if ($VerbosePreference -ne 'SilentlyContinue') {
        $where = if ($explicitRegion) { "in region $($explicitRegion.Region)" } else { 'in the default region' }
        Write-Verbose "Calling $($Operation.Name) $where$(if ($endpoint) { " at $endpoint" })."
    }
    Add-HistoryRequest -Entry $History -TypeName $Operation.RequestType -Parameters $params -Sensitive $Operation.Sensitive

    $reply = Invoke-BridgeRequest -Cmdlet $Cmdlet -Request $request -Timeout (Get-BridgeCallTimeout -Settings $config.Settings)
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

    $response = ConvertFrom-BridgeValue -Value $reply.response
    Add-HistoryResponse -Entry $History -Response $response

    if ($null -ne $selectParameter) {
        if ($Bound.ContainsKey($selectParameter)) {
            $Cmdlet.WriteObject($Bound[$selectParameter], $true)
            if ($null -ne $History) { $History.EmittedObjectsCount++ }
        }
        return
    }
    if ($null -eq $reply.path) {
        $Cmdlet.WriteObject($response)
        if ($null -ne $History) { $History.EmittedObjectsCount++ }
        return
    }
    foreach ($item in (Select-ResponsePath -Response $response -Path $reply.path)) {
        $Cmdlet.WriteObject($item)
        if ($null -ne $History) { $History.EmittedObjectsCount++ }
    }
}
