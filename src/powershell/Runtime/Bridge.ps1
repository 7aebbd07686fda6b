# The Node.js bridge: one long-lived `node bridge.cjs` per PowerShell process, shared by
# every runspace that imports the module (ForEach-Object -Parallel, thread jobs), started
# on first use, replaced when it died or hung, stopped when the last importer removes the
# module. Requests and replies are JSON lines on its stdin and stdout, matched by id;
# parameter values never leave that stream.
#
# The shared state lives in a Hashtable kept on the AppDomain, holding only .NET objects
# (no PowerShell classes or script blocks, which belong to one runspace). Writers take
# WriteLock. One waiting caller at a time is the reader (ReaderActive, guarded by Sync):
# it reads lines and files replies meant for others under their id in Replies, waking
# them with Monitor.PulseAll; the others wait on Sync until their reply is filed or the
# reader's role is free.

# .NET path methods rather than Join-Path/Split-Path here and below: a first use of those
# cmdlets loads Microsoft.PowerShell.Management, which costs the import tens of milliseconds.
$script:BridgeScript = [System.IO.Path]::Combine([System.IO.Path]::GetDirectoryName($PSScriptRoot), 'bridge.cjs')
# Request ids are unique across runspaces: this runspace's module instance, then a counter.
$script:RequestPrefix = [guid]::NewGuid().ToString('N').Substring(0, 8)
$script:NextRequestId = 0
$script:UserKey = "$([runspace]::DefaultRunspace.InstanceId)|$script:RequestPrefix"

# Created once per process (CmdletBridge.SharedBridgeState): Process, Input, Output,
# PendingRead, WriteLock, Sync, ReaderActive, HelloPending (started but its hello not read
# yet), NodePath, StartLock, Replies, Abandoned, and Users: the importers, as
# "<runspace id>|<module instance>", so that removal can tell who is left.
$script:Shared = [CmdletBridge.SharedBridgeState]::GetOrCreate([CmdletBridge.SharedBridgeState]::KeyFor($script:BridgeScript))
$script:Shared.Users[$script:UserKey] = $true

# The running bridge process, started (or restarted) when needed. A bridge started while
# the module was imported (Start-Bridge.ps1, from the manifest) is confirmed, its hello
# read, by the first call.
function Get-BridgeProcess {
    param([System.Management.Automation.PSCmdlet] $Cmdlet)
    $shared = $script:Shared
    $process = $shared.Process
    if ($null -ne $process -and -not $shared.HelloPending -and -not $process.HasExited) { return $process }
    [System.Threading.Monitor]::Enter($shared.StartLock)
    try {
        $process = $shared.Process
        if ($null -ne $process -and $shared.HelloPending) {
            # Even one that exited already has its first line (a fatal message, say) to read.
            Confirm-BridgeHello -Cmdlet $Cmdlet -Process $process
            if (-not $process.HasExited) { return $process }
        }
        if ($null -ne $process -and -not $process.HasExited) { return $process }
        if ($null -ne $process) { Stop-Bridge -Reason 'it had exited' }
        $process = Start-BridgeProcess -Cmdlet $Cmdlet
        Confirm-BridgeHello -Cmdlet $Cmdlet -Process $process
        $process
    }
    finally { [System.Threading.Monitor]::Exit($shared.StartLock) }
}


# Starts `node bridge.cjs` without waiting for it (Confirm-BridgeHello does).
function Start-BridgeProcess {
    param([System.Management.Automation.PSCmdlet] $Cmdlet)
    # (In C#, so that the manifest can start it before the root module is even parsed.)
    $process = [CmdletBridge.SharedBridgeState]::StartProcess($script:Shared, $script:BridgeScript)
    if ($null -eq $process) {
        Stop-WithUnavailable -Cmdlet $Cmdlet -ErrorId 'NodeNotFound' -Message (
            'Node.js was not found on PATH. This module runs the AWS SDK for JavaScript in Node.js 20 or later: install it and make sure "node" is on PATH.')
    }
    $process
}

# Reads the bridge's first protocol line: a hello, or (from an old Node.js) a fatal message.
function Confirm-BridgeHello {
    param([System.Management.Automation.PSCmdlet] $Cmdlet, [System.Diagnostics.Process] $Process)

    # Anything before the hello is not ours: a preloaded script writing to stdout, say.
    $shared = $script:Shared
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    $hello = $null
    while ([DateTime]::UtcNow -lt $deadline) {
        $line = Receive-BridgeLine -Timeout ($deadline - [DateTime]::UtcNow)
        if ($line -isnot [string]) { break }
        if ($line.StartsWith('{"hello"') -or $line.StartsWith('{"fatal"')) { $hello = $line; break }
        Write-Debug "Bridge output that is not a protocol message: $line"
    }
    $nodePath = $shared.NodePath
    if ($null -ne $hello -and $hello.StartsWith('{"hello"')) {
        $shared.HelloPending = $false
        Write-Debug "Started the Node.js bridge (pid $($Process.Id), $nodePath)."
        return
    }

    # It did not start: say why as precisely as we can.
    $reason = if ($null -ne $hello) {
        (ConvertFrom-Json -InputObject $hello).fatal.message
    }
    else {
        $version = try { (& $nodePath --version 2>$null) -join '' } catch { 'unknown' }
        "it exited or gave no answer (Node.js $version at $nodePath; this module needs Node.js 20 or later)"
    }
    Stop-Bridge -Reason 'it did not start'
    Stop-WithUnavailable -Cmdlet $Cmdlet -ErrorId 'BridgeStartFailed' -Message "The Node.js bridge could not start: $reason"
}

function Stop-Bridge {
    param([string] $Reason)
    $shared = $script:Shared
    $process = $shared.Process
    $shared.Process = $null
    $shared.PendingRead = $null
    $shared.HelloPending = $false
    if ($null -eq $process) { return }
    Write-Debug "Stopping the Node.js bridge (pid $($process.Id)): $Reason."
    try {
        # Closing stdin is the bridge's signal to exit; kill it only if it does not.
        $shared.Input.Close()
        if (-not $process.WaitForExit(2000)) { $process.Kill($true) }
    }
    catch {
        Write-Debug "Stopping the bridge: $($_.Exception.Message)"
    }
    finally {
        $process.Dispose()
    }
}

# Waits for the next line from the bridge (the caller is the reader, or is starting
# the bridge). Returns the line, $null when the bridge closed its output, or $false on
# timeout. Waits in short slices so that Ctrl+C can stop the pipeline; a read left
# unfinished is kept for the next reader (a StreamReader allows one read at a time).
function Receive-BridgeLine {
    param([TimeSpan] $Timeout)
    $shared = $script:Shared
    if ($null -eq $shared.PendingRead) { $shared.PendingRead = $shared.Output.ReadLineAsync() }
    $task = $shared.PendingRead
    if (-not $task.IsCompleted) {
        $deadline = [DateTime]::UtcNow + $Timeout
        while (-not $task.Wait(100)) {
            if ([DateTime]::UtcNow -ge $deadline) { return $false }
        }
    }
    $shared.PendingRead = $null
    try { $task.GetAwaiter().GetResult() } catch { $null }
}

function Send-BridgeLine {
    param([string] $Line)
    $shared = $script:Shared
    [System.Threading.Monitor]::Enter($shared.WriteLock)
    try { $shared.Input.WriteLine($Line) }
    finally { [System.Threading.Monitor]::Exit($shared.WriteLock) }
}

# Waits for the reply to request $Id: taken from Replies once another caller's reading
# filed it, or read by this caller while it holds the reader's role.
function Receive-BridgeReply {
    param([System.Management.Automation.PSCmdlet] $Cmdlet, [string] $Id, [System.Diagnostics.Process] $Process, [TimeSpan] $Timeout)
    $shared = $script:Shared
    $sync = $shared.Sync
    $deadline = [DateTime]::UtcNow + $Timeout
    $reply = $null
    while ([DateTime]::UtcNow -lt $deadline) {
        # Wait (in short slices, for Ctrl+C) until the reply is filed or no one is reading.
        $isReader = $false
        [System.Threading.Monitor]::Enter($sync)
        try {
            while ([DateTime]::UtcNow -lt $deadline) {
                if ($shared.Replies.TryRemove($Id, [ref] $reply)) { return $reply }
                if (-not $shared.ReaderActive) { $shared.ReaderActive = $isReader = $true; break }
                $null = [System.Threading.Monitor]::Wait($sync, 100)
            }
        }
        finally { [System.Threading.Monitor]::Exit($sync) }
        if (-not $isReader) { continue }

        # This caller is the reader until its own reply comes, or the time is up.
        try {
            while ([DateTime]::UtcNow -lt $deadline) {
                if (-not [object]::ReferenceEquals($shared.Process, $Process)) {
                    Stop-WithUnavailable -Cmdlet $Cmdlet -ErrorId 'BridgeExited' -Message (
                        'The Node.js bridge was replaced during the call. The next call uses the new one.')
                }
                $line = Receive-BridgeLine -Timeout ([TimeSpan]::FromMilliseconds(250))
                if ($null -eq $line) {
                    $bridgePid = $Process.Id
                    $exit = if ($Process.WaitForExit(500)) { "exit code $($Process.ExitCode)" } else { 'still running' }
                    Stop-Bridge -Reason 'it closed its output'
                    Stop-WithUnavailable -Cmdlet $Cmdlet -ErrorId 'BridgeExited' -Message (
                        "The Node.js bridge (pid $bridgePid) stopped during the call ($exit). The next call starts a new one.")
                }
                if ($line -isnot [string]) { continue }
                $match = [regex]::Match($line, '^\{"id":"([^"]*)"')
                if (-not $match.Success) { Write-Debug "Bridge output that is not a reply: $line"; continue }
                $replyId = $match.Groups[1].Value
                if ($replyId -eq $Id) { return $line }
                if (-not $shared.Abandoned.TryRemove($replyId, [ref] $null)) {
                    $shared.Replies[$replyId] = $line
                    [System.Threading.Monitor]::Enter($sync)
                    try { [System.Threading.Monitor]::PulseAll($sync) } finally { [System.Threading.Monitor]::Exit($sync) }
                }
            }
        }
        finally {
            # Hand the reader's role on, and wake the others so one of them takes it.
            [System.Threading.Monitor]::Enter($sync)
            try {
                $shared.ReaderActive = $false
                [System.Threading.Monitor]::PulseAll($sync)
            }
            finally { [System.Threading.Monitor]::Exit($sync) }
        }
    }
    Stop-Bridge -Reason 'it did not answer in time'
    Stop-WithUnavailable -Cmdlet $Cmdlet -ErrorId 'BridgeTimeout' -Message (
        "The Node.js bridge did not answer within $([int] $Timeout.TotalSeconds) seconds; it was stopped and the next call starts a new one. " +
        'Set PSCGIP_BRIDGE_TIMEOUT_SECONDS to wait longer.')
}

# Sends one request and returns its reply (a PSCustomObject).
function Invoke-BridgeRequest {
    param(
        [System.Management.Automation.PSCmdlet] $Cmdlet,
        [System.Collections.IDictionary] $Request,
        [TimeSpan] $Timeout
    )

    # Get-BridgeProcess's own first test, inline: this runs on every call.
    $shared = $script:Shared
    $process = $shared.Process
    if ($null -eq $process -or $shared.HelloPending -or $process.HasExited) { $process = Get-BridgeProcess -Cmdlet $Cmdlet }
    $script:NextRequestId++
    $id = "$script:RequestPrefix-$script:NextRequestId"
    $Request['id'] = $id
    # Non-ASCII is escaped: the stream stays ASCII, so even a lone surrogate (which UTF-8
    # cannot carry) reaches the bridge exactly, as \ud800.
    $json = [CmdletBridge.BridgeJson]::Write($Request)
    try {
        Send-BridgeLine $json
    }
    catch [System.IO.IOException] {
        # The bridge died since the last call and the request never reached it: retry once on a new one.
        $process = Get-BridgeProcess -Cmdlet $Cmdlet
        Send-BridgeLine $json
    }

    $answered = $false
    try {
        $line = Receive-BridgeReply -Cmdlet $Cmdlet -Id $id -Process $process -Timeout $Timeout
        $answered = $true
        # PSCustomObjects with their type names, DateTimes and HttpStatusCodes restored.
        [CmdletBridge.BridgeJson]::Read($line)
    }
    finally {
        if (-not $answered -and [object]::ReferenceEquals($script:Shared.Process, $process) -and -not $process.HasExited) {
            # Stopped by the user (Ctrl+C) or failed while waiting: the bridge abandons the
            # call (aborting its HTTP request), and its late reply is dropped.
            try { Send-BridgeLine "{""id"":""cancel"",""cancel"":""$id""}" } catch { Write-Debug $_.Exception.Message }
            Register-AbandonedReply -Id $id
        }
    }
}

# The reply to an abandoned request is dropped, whether it was filed already or comes later.
function Register-AbandonedReply {
    param([string] $Id)
    $shared = $script:Shared
    $ignored = $null
    if (-not $shared.Replies.TryRemove($Id, [ref] $ignored)) { $shared.Abandoned[$Id] = $true }
}

# Removing the module from the last runspace that uses the bridge stops it. (When
# PowerShell itself exits or is killed, the bridge sees its stdin close and exits.)
# Runspaces that closed without removing the module no longer count.
$ExecutionContext.SessionState.Module.OnRemove = {
    $domain = [AppDomain]::CurrentDomain
    [System.Threading.Monitor]::Enter($domain)
    try {
        $users = $script:Shared.Users
        $null = $users.TryRemove($script:UserKey, [ref] $null)
        $open = @(Get-Runspace | Where-Object { $_.RunspaceStateInfo.State -eq 'Opened' } | ForEach-Object { "$($_.InstanceId)" })
        foreach ($key in @($users.Keys)) {
            if ($key.Split('|')[0] -notin $open) { $null = $users.TryRemove($key, [ref] $null) }
        }
        if ($users.Count -eq 0) { Stop-Bridge -Reason 'the module was removed' }
    }
    finally { [System.Threading.Monitor]::Exit($domain) }
}
