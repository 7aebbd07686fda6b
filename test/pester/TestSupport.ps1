# Helpers shared by the Pester suites: where the built module is, and the local
# servers the tests talk to (all on 127.0.0.1).

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '..' '..')).Path
$script:ModuleName = 'PSCognitoIdentityProvider'

function Get-TestModuleManifest {
    if ($env:PSCGIP_TEST_MODULE) { return $env:PSCGIP_TEST_MODULE }
    Join-Path $script:RepoRoot 'dist' $script:ModuleName "$script:ModuleName.psd1"
}

function Import-TestModule {
    Remove-Module $script:ModuleName -ErrorAction Ignore
    Import-Module (Get-TestModuleManifest) -Force -ErrorAction Stop
}

function Get-NodePath { (Get-Command node -CommandType Application | Select-Object -First 1).Source }

# Starts a node script of test/support with redirected stdio, and returns the process and
# the JSON object it prints on its first line. Closing its stdin stops it.
function Start-NodeHelper {
    param([string] $Script, [string[]] $Arguments = @())
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new((Get-NodePath))
    $startInfo.ArgumentList.Add((Join-Path $script:RepoRoot 'test' 'support' $Script))
    foreach ($a in $Arguments) { $startInfo.ArgumentList.Add($a) }
    $startInfo.WorkingDirectory = $script:RepoRoot
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardInput = $true
    $startInfo.RedirectStandardOutput = $true
    $process = [System.Diagnostics.Process]::Start($startInfo)
    $line = $process.StandardOutput.ReadLine()
    if (-not $line) { throw "$Script did not start (exit code $(if ($process.HasExited) { $process.ExitCode }))" }
    [pscustomobject]@{ Process = $process; Info = ConvertFrom-Json $line }
}

function Start-TestResponder {
    $helper = Start-NodeHelper -Script 'responder.mjs'
    [pscustomobject]@{
        Process = $helper.Process
        Url     = "http://127.0.0.1:$($helper.Info.port)"
    }
}

function Stop-TestResponder {
    param($Responder)
    if ($null -eq $Responder) { return }
    $Responder.Process.StandardInput.Close()
    if (-not $Responder.Process.WaitForExit(3000)) { $Responder.Process.Kill() }
}

# One request the responder received (by index; negative counts from the end), or all of them.
function Get-ResponderRequest {
    param($Responder, [Nullable[int]] $Index)
    if ($null -ne $Index) { return Invoke-RestMethod -Uri "$($Responder.Url)/__requests/$Index" }
    @(Invoke-RestMethod -Uri "$($Responder.Url)/__requests")
}

# How many requests the responder has received.
function Get-ResponderRequestCount {
    param($Responder)
    (Invoke-RestMethod -Uri "$($Responder.Url)/__requests/count").count
}

# cognito-local on a free port in a temp folder, with a pool, a client and signed-in users.
function Start-TestEmulator {
    param([int] $Users = 1)
    $json = & (Get-NodePath) (Join-Path $script:RepoRoot 'scripts' 'emulator.mjs') --users $Users
    if ($LASTEXITCODE -ne 0) { throw "could not start cognito-local" }
    $json | ConvertFrom-Json
}

function Stop-TestEmulator {
    param($Emulator)
    if ($null -eq $Emulator) { return }
    Stop-Process -Id $Emulator.pid -ErrorAction Ignore
    Wait-Process -Id $Emulator.pid -Timeout 5 -ErrorAction Ignore
    Remove-Item -LiteralPath $Emulator.dir -Recurse -Force -ErrorAction Ignore
}

# The code cognito-local stored for a user's last attribute verification request.
function Get-EmulatorVerificationCode {
    param($Emulator, [string] $Email)
    $db = Get-Content -Raw (Join-Path $Emulator.dir '.cognito' 'db' "$($Emulator.userPoolId).json") | ConvertFrom-Json -AsHashtable
    foreach ($user in $db.Users.Values) {
        if ($user.Attributes | Where-Object { $_.Name -eq 'email' -and $_.Value -eq $Email }) {
            return $user['AttributeVerificationCode']
        }
    }
}

# The pid of the module's bridge process in this session, or $null when none runs.
function Get-BridgeProcessId {
    $module = Get-Module $script:ModuleName
    if (-not $module) { return $null }
    $process = [CmdletBridge.BridgeConnection]::Default.Process
    if ($process -and -not $process.HasExited) { $process.Id }
}

# A port nothing listens on (bound, read, released).
function Get-ClosedPort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $port = $listener.LocalEndpoint.Port
    $listener.Stop()
    $port
}

# Runs a script in a new pwsh with the given environment changes, passing $InputText on
# stdin (never on the command line). Returns stdout lines and the exit code.
function Invoke-ChildPwsh {
    param([string] $Script, [hashtable] $Environment = @{}, [string] $InputText = '', [string[]] $RemoveVariables = @())
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
    foreach ($a in '-NoProfile', '-NonInteractive', '-Command', $Script) { $startInfo.ArgumentList.Add($a) }
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardInput = $true
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    foreach ($name in $RemoveVariables) { [void] $startInfo.Environment.Remove($name) }
    foreach ($key in $Environment.Keys) { $startInfo.Environment[$key] = $Environment[$key] }
    $process = [System.Diagnostics.Process]::Start($startInfo)
    $stderrTask = $process.StandardError.ReadToEndAsync()
    $process.StandardInput.Write($InputText)
    $process.StandardInput.Close()
    $stdout = $process.StandardOutput.ReadToEnd()
    $process.WaitForExit()
    [pscustomobject]@{
        Output   = @($stdout -split '\r?\n' | Where-Object { $_ -ne '' })
        Error    = $stderrTask.Result
        ExitCode = $process.ExitCode
    }
}

# A forward proxy on 127.0.0.1 that records what goes through it (test/support/proxy.mjs).
function Start-TestProxy {
    param([string] $Auth)
    $helper = Start-NodeHelper -Script 'proxy.mjs' -Arguments $(if ($Auth) { @('--auth', $Auth) } else { @() })
    [pscustomobject]@{ Process = $helper.Process; Port = [int] $helper.Info.port; Url = "http://127.0.0.1:$($helper.Info.port)" }
}

function Get-ProxyRequest {
    param($Proxy)
    # ConvertFrom-Json enumerates the array: none recorded is an empty array, not one empty item.
    @((Invoke-WebRequest -Uri "$($Proxy.Url)/__proxy/requests" -NoProxy).Content | ConvertFrom-Json)
}

# moto's server on a free 127.0.0.1 port, or $null when moto_server is not on PATH (the
# tests that need it then report themselves skipped).
function Start-TestMoto {
    $command = Get-Command moto_server -CommandType Application -ErrorAction Ignore | Select-Object -First 1
    if (-not $command) { return $null }
    $port = Get-ClosedPort
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new($command.Source)
    foreach ($a in '-H', '127.0.0.1', '-p', "$port") { $startInfo.ArgumentList.Add($a) }
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    # moto runs botocore itself: the session's AWS settings (a profile, redirected files) are not its own.
    foreach ($name in @($startInfo.Environment.Keys)) { if ($name -like 'AWS_*' -or $name -like '*_PROXY') { [void] $startInfo.Environment.Remove($name) } }
    $process = [System.Diagnostics.Process]::Start($startInfo)
    $null = $process.StandardOutput.ReadToEndAsync()
    $null = $process.StandardError.ReadToEndAsync()
    $url = "http://127.0.0.1:$port"
    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    while ([DateTime]::UtcNow -lt $deadline) {
        try { Invoke-RestMethod -Uri "$url/moto-api/reset" -Method Post -NoProxy | Out-Null; return [pscustomobject]@{ Process = $process; Url = $url } }
        catch { if ($process.HasExited) { break }; Start-Sleep -Milliseconds 200 }
    }
    Stop-TestMoto ([pscustomobject]@{ Process = $process })
    throw "moto_server did not start on $url"
}

function Stop-TestMoto {
    param($Moto)
    if ($null -eq $Moto) { return }
    if (-not $Moto.Process.HasExited) { $Moto.Process.Kill($true) }
    $Moto.Process.WaitForExit(5000) | Out-Null
}
