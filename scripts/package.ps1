# Packs a built module folder into <Name>.<Version>.nupkg in DestinationPath, as
# Publish-PSResource does, and prints the package's path. Run by scripts/package.mjs.
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $DestinationPath
)
$ErrorActionPreference = 'Stop'
if (-not (Get-Command Compress-PSResource -ErrorAction Ignore)) {
    throw "Compress-PSResource was not found: packaging needs PSResourceGet 1.1 or later (PowerShell 7.5 and later ship it; on 7.4, Install-PSResource Microsoft.PowerShell.PSResourceGet)."
}
# The checks Publish-PSResource makes first: a manifest that does not load stops here.
$manifest = Test-ModuleManifest -Path (Join-Path $ModulePath ((Split-Path -Leaf $ModulePath) + '.psd1'))
Compress-PSResource -Path $ModulePath -DestinationPath $DestinationPath
Join-Path $DestinationPath ('{0}.{1}.nupkg' -f $manifest.Name, $manifest.Version)
