# Times the module inside one pwsh: prints one JSON line of milliseconds per case.
# The access token arrives on stdin.
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $EndpointUrl,
    [int] $Calls = 1000,
    [switch] $Pipeline,
    [switch] $Memory
)
$ErrorActionPreference = 'Stop'
$token = [Console]::In.ReadLine()
Import-Module $ModuleManifest
$call = @{ AccessToken = $token; AttributeName = 'email'; Region = 'us-east-1'; EndpointUrl = $EndpointUrl }
$null = Get-CGIPUserAttributeVerificationCode @call -Select '*'
$bridgePid = [CmdletBridge.BridgeConnection]::Default.Process.Id

function Get-BridgeRss { if ($IsLinux) { [long] ((Get-Content "/proc/$bridgePid/status" | Select-String '^VmRSS:\s+(\d+)').Matches[0].Groups[1].Value) * 1KB } }

if ($Memory) {
    $rss = @{}
    for ($i = 1; $i -le $Calls; $i++) {
        $null = Get-CGIPUserAttributeVerificationCode @call -Select '*'
        if ($i -eq 100 -or $i -eq $Calls) { $rss["after$i"] = Get-BridgeRss }
    }
    $rss | ConvertTo-Json -Compress
    return
}

# Three rounds of $Calls: the first right after import (while .NET's tiered JIT and
# PowerShell's script compiler are still at work), then two more; the last is the warm one.
$objects = foreach ($i in 1..$Calls) { [pscustomobject]@{ AccessToken = $token; AttributeName = 'email' } }
$times = foreach ($round in 1..3) {
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    if ($Pipeline) {
        $objects | Get-CGIPUserAttributeVerificationCode -Region us-east-1 -EndpointUrl $EndpointUrl -Select '*' | Out-Null
    }
    else {
        foreach ($i in 1..$Calls) { $null = Get-CGIPUserAttributeVerificationCode @call -Select '*' }
    }
    $watch.Elapsed.TotalMilliseconds
}
@{ firstMs = $times[0]; totalMs = $times[2] } | ConvertTo-Json -Compress
