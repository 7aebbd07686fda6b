# Import-Module timed inside this (fresh) pwsh: prints {"importMs":...}.
param([Parameter(Mandatory)] [string] $ModuleManifest)
$ErrorActionPreference = 'Stop'
$watch = [System.Diagnostics.Stopwatch]::StartNew()
Import-Module $ModuleManifest
$ms = $watch.Elapsed.TotalMilliseconds
# Straight to the console: the bench reads this one line, and formatting it would only add work.
[Console]::Out.WriteLine('{"importMs":' + $ms.ToString([cultureinfo]::InvariantCulture) + '}')
