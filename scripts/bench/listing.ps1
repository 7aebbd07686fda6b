# Times large replies inside one pwsh: a page of 60 users and a listing of 1,020 users
# through 17 pages (the responder's ListUsers, 5 attributes and two dates per user).
# Prints one JSON line: milliseconds per call of each, medians of their rounds.
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $EndpointUrl,
    [int] $Rounds = 5
)
$ErrorActionPreference = 'Stop'
Import-Module $ModuleManifest
$call = @{ Region = 'us-east-1'; EndpointUrl = $EndpointUrl; AccessKey = 'AKIDBENCH'; SecretKey = 'bench-secret' }
# Warm: the first calls compile what the rest reuse.
foreach ($i in 1..20) { $null = Get-CGIPUserList -UserPoolId 'bench:1:60:5' @call }
function Measure-Median([scriptblock] $Action, [int] $Times) {
    $each = foreach ($round in 1..$Rounds) {
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        for ($i = 0; $i -lt $Times; $i++) { & $Action }
        $watch.Elapsed.TotalMilliseconds / $Times
    }
    ($each | Sort-Object)[[int][math]::Floor($each.Count / 2)]
}
$page = Measure-Median { $null = Get-CGIPUserList -UserPoolId 'bench:1:60:5' @call } 50
$listing = Measure-Median { $null = Get-CGIPUserList -UserPoolId 'bench:17:60:5' @call } 3
$count = @(Get-CGIPUserList -UserPoolId 'bench:17:60:5' @call).Count
$culture = [cultureinfo]::InvariantCulture
[Console]::Out.WriteLine('{"pageMs":' + $page.ToString($culture) + ',"listingMs":' + $listing.ToString($culture) + ',"users":' + $count + '}')
