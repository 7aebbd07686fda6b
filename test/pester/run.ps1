# Runs every Pester suite in this folder against the built module and prints one
# summary line. Exit code: the number of failed tests (0 when all passed).
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [string] $ResultFile
)
Import-Module $PesterManifest -Force -ErrorAction Stop

$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.Should.ErrorAction = 'Stop'
$result = Invoke-Pester -Configuration $configuration

if ($ResultFile) {
    @{ passed = $result.PassedCount; failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount; skipped = $result.SkippedCount; notRun = $result.NotRunCount } |
        ConvertTo-Json | Set-Content -LiteralPath $ResultFile
}
exit ($result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount)
