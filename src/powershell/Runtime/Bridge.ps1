# The Node.js bridge: one long-lived `node bridge.cjs` per session, started on first
# use, replaced when it died, stopped with the module. Requests and replies are JSON
# lines on its stdin and stdout; parameter values never leave that stream.

$script:BridgeScript = Join-Path (Split-Path $PSScriptRoot) 'bridge.cjs'
$script:Bridge = $null
$script:NextRequestId = 0
# How long one call may wait for the bridge's answer before the bridge is presumed hung
# and replaced. The SDK's own timeouts and retries act well within it.
$script:BridgeCallTimeout = [TimeSpan]::FromSeconds(120)
if ($env:PSCGIP_BRIDGE_TIMEOUT_SECONDS) {
    $script:BridgeCallTimeout = [TimeSpan]::FromSeconds([double] $env:PSCGIP_BRIDGE_TIMEOUT_SECONDS)
}
$script:Utf8NoBom = [System.Text.UTF8Encoding]::new($false)

function Start-Bridge {
    param([System.Management.Automation.PSCmdlet] $Cmdlet)

    $node = Get-Command -Name node -CommandType Application -ErrorAction Ignore | Select-Object -First 1
    if ($null -eq $node) {
        Stop-WithUnavailable -Cmdlet $Cmdlet -ErrorId 'NodeNotFound' -Message (
            'Node.js was not found on PATH. This module runs the AWS SDK for JavaScript in Node.js 20 or later: install it and make sure "node" is on PATH.')
    }
    $nodePath = $node.Source

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
        'it wrote an unexpected first line'
    }
    else {
        $version = try { (& $nodePath --version 2>$null) -join '' } catch { 'unknown' }
        "it exited or gave no answer (Node.js $version at $nodePath; this module needs Node.js 20 or later)"
    }
    Stop-Bridge
    Stop-WithUnavailable -Cmdlet $Cmdlet -ErrorId 'BridgeStartFailed' -Message "The Node.js bridge could not start: $reason"
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
    if (-not $task.IsCompleted) {
        $deadline = [DateTime]::UtcNow + $Timeout
        while (-not $task.Wait(100)) {
            if ([DateTime]::UtcNow -ge $deadline) { return $false }
        }
    }
    $Bridge.PendingRead = $null
    $task.GetAwaiter().GetResult()
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
                Stop-WithUnavailable -Cmdlet $Cmdlet -ErrorId 'BridgeTimeout' -Message (
                    "The Node.js bridge did not answer within $($script:BridgeCallTimeout.TotalSeconds) seconds; it was stopped and the next call starts a new one.")
            }
            if ($null -eq $line) {
                $exit = if ($bridge.Process.WaitForExit(500)) { "exit code $($bridge.Process.ExitCode)" } else { 'still running' }
                $bridgePid = $bridge.Process.Id
                Stop-Bridge
                Stop-WithUnavailable -Cmdlet $Cmdlet -ErrorId 'BridgeExited' -Message (
                    "The Node.js bridge (pid $bridgePid) stopped during the call ($exit). The next call starts a new one.")
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

# Removing the module stops its bridge. (When PowerShell itself exits or is killed,
# the bridge sees its stdin close and exits on its own.)
$ExecutionContext.SessionState.Module.OnRemove = { Stop-Bridge }
