# Runtime shared by every generated cmdlet: the Node.js bridge process, region and
# endpoint resolution, -Select '^Param', and turning replies into output objects or
# ErrorRecords. Dot-sourced by the generated root module; nothing here is exported.

Set-StrictMode -Version 3.0

# Carries the service's error code, HTTP status and request id, as the AWS SDK for
# .NET's service exceptions do, as the inner exception of the ErrorRecord.
class AwsServiceException : System.Exception {
    [string] $ErrorCode
    [int] $StatusCode
    [string] $RequestId

    AwsServiceException([string] $message, [string] $errorCode, [int] $statusCode, [string] $requestId) : base($message) {
        $this.ErrorCode = $errorCode
        $this.StatusCode = $statusCode
        $this.RequestId = $requestId
    }
}

$script:BridgeScript = Join-Path $PSScriptRoot 'bridge.cjs'
$script:Bridge = $null
$script:NextRequestId = 0
# How long one call may wait for the bridge's answer before the bridge is presumed hung
# and replaced. The SDK's own timeouts and retries act well within it.
$script:BridgeCallTimeout = [TimeSpan]::FromSeconds(120)
if ($env:PSCGIP_BRIDGE_TIMEOUT_SECONDS) {
    $script:BridgeCallTimeout = [TimeSpan]::FromSeconds([double] $env:PSCGIP_BRIDGE_TIMEOUT_SECONDS)
}
$script:Utf8NoBom = [System.Text.UTF8Encoding]::new($false)
$script:RegionPattern = '^[a-z]{2,}(-[a-z0-9]+)*-\d+$'

function Get-BridgeNodePath {
    $node = Get-Command -Name node -CommandType Application -ErrorAction Ignore | Select-Object -First 1
    if ($null -eq $node) { return $null }
    $node.Source
}

function Start-Bridge {
    param([System.Management.Automation.PSCmdlet] $Cmdlet)

    $nodePath = Get-BridgeNodePath
    if (-not $nodePath) {
        $exception = [System.InvalidOperationException]::new(
            'Node.js was not found on PATH. This module runs the AWS SDK for JavaScript in Node.js 20 or later: install it and make sure "node" is on PATH.')
        $Cmdlet.ThrowTerminatingError([System.Management.Automation.ErrorRecord]::new(
                $exception, 'NodeNotFound', [System.Management.Automation.ErrorCategory]::ResourceUnavailable, $null))
    }

    $startInfo = [System.Diagnostics.ProcessStartInfo]::new($nodePath)
    $startInfo.ArgumentList.Add($script:BridgeScript)
    $startInfo.UseShellExecute = $false
    $startInfo.CreateNoWindow = $true
    $startInfo.RedirectStandardInput = $true
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $startInfo.StandardInputEncoding = $script:Utf8NoBom
    $startInfo.StandardOutputEncoding = $script:Utf8NoBom
    $startInfo.StandardErrorEncoding = $script:Utf8NoBom

    $process = [System.Diagnostics.Process]::Start($startInfo)
    # stderr is for diagnostics only: drain it so the bridge can never block on a full
    # pipe. No handler is attached (a PowerShell scriptblock there would run on a
    # thread with no runspace).
    $process.BeginErrorReadLine()
    $process.StandardInput.AutoFlush = $true

    $bridge = [pscustomobject]@{
        Process     = $process
        Input       = $process.StandardInput
        Output      = $process.StandardOutput
        PendingRead = $null
        NodePath    = $nodePath
    }
    $script:Bridge = $bridge

    $hello = Receive-BridgeLine -Bridge $bridge -Timeout ([TimeSpan]::FromSeconds(60))
    if ($hello -is [string] -and $hello.StartsWith('{"hello"')) {
        Write-Debug "Started the Node.js bridge (pid $($process.Id), $nodePath)."
        return $bridge
    }

    # It did not start: say why as precisely as we can.
    $reason = if ($hello -is [string] -and $hello.StartsWith('{"fatal"')) {
        (ConvertFrom-Json -InputObject $hello).fatal.message
    }
    elseif ($hello -is [string]) {
        "it wrote an unexpected first line"
    }
    else {
        $version = try { (& $nodePath --version 2>$null) -join '' } catch { 'unknown' }
        "it exited or gave no answer (Node.js $version at $nodePath; this module needs Node.js 20 or later)"
    }
    Stop-Bridge
    $exception = [System.InvalidOperationException]::new("The Node.js bridge could not start: $reason")
    $Cmdlet.ThrowTerminatingError([System.Management.Automation.ErrorRecord]::new(
            $exception, 'BridgeStartFailed', [System.Management.Automation.ErrorCategory]::ResourceUnavailable, $null))
}

function Stop-Bridge {
    $bridge = $script:Bridge
    $script:Bridge = $null
    if ($null -eq $bridge) { return }
    try {
        # Closing stdin is the bridge's signal to exit; kill it only if it does not.
        $bridge.Input.Close()
        if (-not $bridge.Process.WaitForExit(2000)) { $bridge.Process.Kill($true) }
    }
    catch {
        Write-Debug "Stopping the bridge: $($_.Exception.Message)"
    }
    finally {
        $bridge.Process.Dispose()
    }
}

# Waits for the next line from the bridge. Returns the line, $null when the bridge
# closed its output, or $false on timeout. Waits in short slices so that Ctrl+C can stop
# the pipeline; a read left unfinished is kept for the next call (a StreamReader allows
# only one read at a time).
function Receive-BridgeLine {
    param($Bridge, [TimeSpan] $Timeout)

    if ($null -eq $Bridge.PendingRead) { $Bridge.PendingRead = $Bridge.Output.ReadLineAsync() }
    $task = $Bridge.PendingRead
    $deadline = [DateTime]::UtcNow + $Timeout
    while (-not $task.Wait(100)) {
        if ([DateTime]::UtcNow -ge $deadline) { return $false }
    }
    $Bridge.PendingRead = $null
    $task.GetAwaiter().GetResult()
}

function Get-BridgeExitDescription {
    param($Bridge)
    $process = $Bridge.Process
    if ($process.WaitForExit(500)) { "exit code $($process.ExitCode)" } else { 'still running' }
}

# Sends one request and returns its reply (a PSCustomObject). Starts the bridge on
# first use and again after it died between calls.
function Invoke-BridgeRequest {
    param(
        [System.Management.Automation.PSCmdlet] $Cmdlet,
        [System.Collections.IDictionary] $Request
    )

    $bridge = $script:Bridge
    if ($null -eq $bridge -or $bridge.Process.HasExited) {
        if ($null -ne $bridge) { Stop-Bridge }
        $bridge = Start-Bridge -Cmdlet $Cmdlet
    }

    $id = ++$script:NextRequestId
    $Request['id'] = $id
    $json = ConvertTo-Json -InputObject $Request -Compress -Depth 32
    try {
        $bridge.Input.WriteLine($json)
    }
    catch [System.IO.IOException] {
        # The bridge died since the last call and the request never reached it: retry once on a new one.
        Stop-Bridge
        $bridge = Start-Bridge -Cmdlet $Cmdlet
        $bridge.Input.WriteLine($json)
    }

    $answered = $false
    try {
        while ($true) {
            $line = Receive-BridgeLine -Bridge $bridge -Timeout $script:BridgeCallTimeout
            if ($line -is [bool]) {
                Stop-Bridge
                Stop-WithBridgeFailure -Cmdlet $Cmdlet -ErrorId 'BridgeTimeout' -Message (
                    "The Node.js bridge did not answer within $($script:BridgeCallTimeout.TotalSeconds) seconds; it was stopped and the next call starts a new one.")
            }
            if ($null -eq $line) {
                $exit = Get-BridgeExitDescription -Bridge $bridge
                Stop-Bridge
                Stop-WithBridgeFailure -Cmdlet $Cmdlet -ErrorId 'BridgeExited' -Message (
                    "The Node.js bridge (pid $($bridge.Process.Id)) stopped during the call ($exit). The next call starts a new one.")
            }
            $reply = ConvertFrom-Json -InputObject $line -DateKind String
            # Replies to calls abandoned earlier (Ctrl+C) are skipped.
            if ($reply.id -eq $id) {
                $answered = $true
                return $reply
            }
        }
    }
    finally {
        if (-not $answered -and $null -ne $script:Bridge -and -not $bridge.Process.HasExited) {
            # Stopped by the user (Ctrl+C) or failed while waiting: tell the bridge to abandon the call.
            try { $bridge.Input.WriteLine("{""id"":0,""cancel"":$id}") } catch { Write-Debug $_.Exception.Message }
        }
    }
}

function Stop-WithBridgeFailure {
    param([System.Management.Automation.PSCmdlet] $Cmdlet, [string] $ErrorId, [string] $Message)
    $exception = [System.InvalidOperationException]::new($Message)
    $Cmdlet.ThrowTerminatingError([System.Management.Automation.ErrorRecord]::new(
            $exception, $ErrorId, [System.Management.Automation.ErrorCategory]::ResourceUnavailable, $null))
}

function Stop-WithArgumentError {
    param([System.Management.Automation.PSCmdlet] $Cmdlet, [string] $Message, [string] $ParameterName, [string] $ErrorId = 'System.ArgumentException')
    # No paramName on the exception: .NET would append "(Parameter '...')" to a message
    # that scripts may compare exactly (such as AWS Tools' -Select message).
    $exception = [System.ArgumentException]::new($Message)
    $Cmdlet.ThrowTerminatingError([System.Management.Automation.ErrorRecord]::new(
            $exception, $ErrorId, [System.Management.Automation.ErrorCategory]::InvalidArgument, $ParameterName))
}

# -Region, then $StoredAWSRegion (Set-DefaultAWSRegion), then AWS_REGION.
# AWS_DEFAULT_REGION is deliberately not read, as in AWS Tools for PowerShell.
function Resolve-CallRegion {
    param([System.Management.Automation.PSCmdlet] $Cmdlet, [System.Collections.IDictionary] $Bound)

    $region = $null
    $source = $null
    if ($Bound.ContainsKey('Region') -and $null -ne $Bound['Region']) {
        $value = $Bound['Region']
        # An AWSRegion-like object (AWS Tools' Get-AWSRegion output) carries its system name in Region or SystemName.
        $region = if ($value -is [string]) { $value }
        elseif ($value.PSObject.Properties['SystemName']) { [string] $value.SystemName }
        elseif ($value.PSObject.Properties['Region']) { [string] $value.Region }
        else { [string] $value }
        $source = '-Region'
    }
    else {
        $stored = Get-Variable -Name StoredAWSRegion -Scope Global -ValueOnly -ErrorAction Ignore
        if ($stored) {
            $region = [string] $stored
            $source = '$StoredAWSRegion'
        }
        elseif ($env:AWS_REGION) {
            $region = $env:AWS_REGION
            $source = 'the AWS_REGION environment variable'
        }
    }

    if (-not $region) {
        $exception = [System.InvalidOperationException]::new('No region specified or obtained from persisted/shell defaults.')
        $Cmdlet.ThrowTerminatingError([System.Management.Automation.ErrorRecord]::new(
                $exception, 'InvalidOperationException', [System.Management.Automation.ErrorCategory]::InvalidOperation, $Cmdlet))
    }
    if ($region -notmatch $script:RegionPattern) {
        Stop-WithArgumentError -Cmdlet $Cmdlet -ParameterName 'Region' -Message (
            "'$region' (from $source) is not a region name. A region name is a system name such as us-east-1, eu-west-2 or ap-southeast-1.")
    }
    # Write-Debug and Write-Verbose (not $Cmdlet.WriteDebug): they follow the preference
    # variables that -Debug and -Verbose set in the cmdlet's scope, without the prompt
    # the cmdlet's own runtime would show for verbose output under -Debug.
    if ($DebugPreference -ne 'SilentlyContinue') { Write-Debug "Region: $region (from $source)." }
    $region
}

function Resolve-CallEndpoint {
    param([System.Management.Automation.PSCmdlet] $Cmdlet, [string] $Endpoint, [string] $Source)
    if (-not $Endpoint) { return $null }
    $uri = $null
    if (-not [Uri]::TryCreate($Endpoint, [UriKind]::Absolute, [ref] $uri) -or $uri.Scheme -notin 'http', 'https') {
        Stop-WithArgumentError -Cmdlet $Cmdlet -ParameterName $Source -Message (
            "$Source must be an absolute http or https URL such as https://service.example.com or http://127.0.0.1:9229, but was '$Endpoint'.")
    }
    $Endpoint
}

# -ClientConfig: a hashtable of AWS SDK for .NET client settings that map onto the
# JavaScript client. Returns @{ Region; Endpoint; Settings }.
function ConvertFrom-ClientConfig {
    param([System.Management.Automation.PSCmdlet] $Cmdlet, $ClientConfig)

    $result = @{ Region = $null; Endpoint = $null; Settings = $null }
    if ($null -eq $ClientConfig) { return $result }
    if ($ClientConfig -isnot [System.Collections.IDictionary]) {
        Stop-WithArgumentError -Cmdlet $Cmdlet -ParameterName 'ClientConfig' -Message '-ClientConfig takes a hashtable, for example @{ ServiceURL = "http://127.0.0.1:9229"; MaxErrorRetry = 2 }.'
    }
    $settings = @{}
    foreach ($key in $ClientConfig.Keys) {
        $value = $ClientConfig[$key]
        switch ([string] $key) {
            'ServiceURL' { $result.Endpoint = Resolve-CallEndpoint -Cmdlet $Cmdlet -Endpoint $value -Source 'ClientConfig.ServiceURL' }
            'RegionEndpoint' { $result.Region = [string] $value }
            'MaxErrorRetry' {
                if ($value -isnot [int] -and $value -isnot [long] -or $value -lt 0) {
                    Stop-WithArgumentError -Cmdlet $Cmdlet -ParameterName 'ClientConfig' -Message 'ClientConfig.MaxErrorRetry must be a whole number of 0 or more.'
                }
                $settings.maxAttempts = [int] $value + 1
            }
            'Timeout' {
                $ms = if ($value -is [TimeSpan]) { $value.TotalMilliseconds } elseif ($value -is [int] -or $value -is [long] -or $value -is [double]) { [double] $value } else { -1 }
                if ($ms -le 0) {
                    Stop-WithArgumentError -Cmdlet $Cmdlet -ParameterName 'ClientConfig' -Message 'ClientConfig.Timeout must be a positive TimeSpan, or a number of milliseconds.'
                }
                $settings.timeoutMs = [long] $ms
            }
            default {
                Stop-WithArgumentError -Cmdlet $Cmdlet -ParameterName 'ClientConfig' -Message (
                    "ClientConfig has no setting named '$key'. Supported settings: ServiceURL, RegionEndpoint, MaxErrorRetry, Timeout.")
            }
        }
    }
    if ($settings.Count -gt 0) { $result.Settings = $settings }
    $result
}

# Restores what the bridge flattened into JSON: type names on objects ("@t"), and
# .NET values such as DateTime and HttpStatusCode ("@t" with "@v").
function ConvertFrom-BridgeValue {
    param($Value)

    if ($Value -is [System.Management.Automation.PSCustomObject] -or ($Value -is [psobject] -and $Value.PSObject.BaseObject -is [System.Management.Automation.PSCustomObject])) {
        $properties = $Value.PSObject.Properties
        $typeProperty = $properties['@t']
        if ($null -ne $typeProperty) {
            $valueProperty = $properties['@v']
            if ($null -ne $valueProperty) {
                switch ($typeProperty.Value) {
                    'System.DateTime' { return [DateTime]::Parse($valueProperty.Value, [System.Globalization.CultureInfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::RoundtripKind) }
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

function Stop-WithReplyError {
    param([System.Management.Automation.PSCmdlet] $Cmdlet, $ReplyError)

    $message = [string] $ReplyError.message
    switch ($ReplyError.kind) {
        'service' {
            $status = if ($ReplyError.PSObject.Properties['status']) { [int] $ReplyError.status } else { 0 }
            $requestId = if ($ReplyError.PSObject.Properties['requestId']) { [string] $ReplyError.requestId } else { $null }
            $inner = [AwsServiceException]::new($message, [string] $ReplyError.code, $status, $requestId)
            $exception = [System.InvalidOperationException]::new($message, $inner)
            $record = [System.Management.Automation.ErrorRecord]::new(
                $exception, [string] $ReplyError.type, [System.Management.Automation.ErrorCategory]::InvalidOperation, $Cmdlet)
        }
        'network' {
            $inner = [System.Net.Http.HttpRequestException]::new($message)
            $exception = [System.InvalidOperationException]::new($message, $inner)
            $record = [System.Management.Automation.ErrorRecord]::new(
                $exception, 'System.Net.Http.HttpRequestException', [System.Management.Automation.ErrorCategory]::ConnectionError, $Cmdlet)
        }
        { $_ -in 'input', 'select' } {
            $parameter = if ($ReplyError.PSObject.Properties['parameter']) { [string] $ReplyError.parameter } else { 'Select' }
            $exception = [System.ArgumentException]::new($message)
            $record = [System.Management.Automation.ErrorRecord]::new(
                $exception, 'System.ArgumentException', [System.Management.Automation.ErrorCategory]::InvalidArgument, $parameter)
        }
        'cancelled' {
            $exception = [System.OperationCanceledException]::new($message)
            $record = [System.Management.Automation.ErrorRecord]::new(
                $exception, 'OperationCanceled', [System.Management.Automation.ErrorCategory]::OperationStopped, $Cmdlet)
        }
        default {
            $exception = [System.InvalidOperationException]::new($message)
            $record = [System.Management.Automation.ErrorRecord]::new(
                $exception, "Bridge.$($ReplyError.kind)", [System.Management.Automation.ErrorCategory]::InvalidResult, $Cmdlet)
        }
    }
    $Cmdlet.ThrowTerminatingError($record)
}

# The body of every generated cmdlet's process block.
#   Operation: the SDK operation name.  InputParameters: the cmdlet parameters that
#   form the operation's input.  DefaultSelect: the spec's -Select default.
function Invoke-ServiceOperation {
    param(
        [System.Management.Automation.PSCmdlet] $Cmdlet,
        [System.Collections.IDictionary] $Bound,
        [string] $Operation,
        [string[]] $InputParameters,
        [string] $DefaultSelect
    )

    $select = if ($Bound.ContainsKey('Select')) { [string] $Bound['Select'] } else { $DefaultSelect }
    $selectParameter = $null
    if ($select.StartsWith('^')) {
        $selectParameter = Resolve-SelectParameter -Cmdlet $Cmdlet -Name $select.Substring(1)
        $select = '*'
    }

    $config = ConvertFrom-ClientConfig -Cmdlet $Cmdlet -ClientConfig $Bound['ClientConfig']
    if ($config.Region -and -not $Bound.ContainsKey('Region')) {
        $Bound = [System.Collections.Generic.Dictionary[string, object]]::new($Bound, [StringComparer]::OrdinalIgnoreCase)
        $Bound['Region'] = $config.Region
    }
    $region = Resolve-CallRegion -Cmdlet $Cmdlet -Bound $Bound
    $endpoint = if ($Bound.ContainsKey('EndpointUrl')) {
        Resolve-CallEndpoint -Cmdlet $Cmdlet -Endpoint $Bound['EndpointUrl'] -Source '-EndpointUrl'
    }
    else { $config.Endpoint }

    $params = @{}
    foreach ($name in $InputParameters) {
        if ($Bound.ContainsKey($name)) { $params[$name] = $Bound[$name] }
    }

    if ($VerbosePreference -ne 'SilentlyContinue') {
        Write-Verbose "Calling $Operation in region $region$(if ($endpoint) { " at $endpoint" })."
    }
    $reply = Invoke-BridgeRequest -Cmdlet $Cmdlet -Request ([ordered]@{
            id       = 0
            op       = $Operation
            params   = $params
            select   = $select
            region   = $region
            endpoint = $endpoint
            config   = $config.Settings
        })
    if (-not $reply.ok) { Stop-WithReplyError -Cmdlet $Cmdlet -ReplyError $reply.error }

    if ($null -ne $selectParameter) {
        if ($Bound.ContainsKey($selectParameter)) { $Cmdlet.WriteObject($Bound[$selectParameter], $true) }
        return
    }
    foreach ($item in $reply.items) {
        $Cmdlet.WriteObject((ConvertFrom-BridgeValue -Value $item), $false)
    }
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

# Removing the module stops its bridge. (When PowerShell itself exits or is killed,
# the bridge sees its stdin close and exits on its own.)
$ExecutionContext.SessionState.Module.OnRemove = { Stop-Bridge }
