# The package `npm run package` writes (dist/<Module>.<version>.nupkg): published into a
# file-system repository and installed with Install-PSResource, as a user installs modules,
# in a pwsh whose home (so its module path and repository list) is a temporary folder, and
# whose PATH holds only node.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Responder = Start-TestResponder
    $script:Manifest = Import-PowerShellDataFile (Join-Path $RepoRoot 'dist' $ModuleName "$ModuleName.psd1")
    $script:Package = Join-Path $RepoRoot 'dist' "$ModuleName.$($Manifest.ModuleVersion).nupkg"
}

AfterAll {
    Stop-TestResponder $script:Responder
}

Describe 'The package' {
    It 'is written by npm run package, named by the module and its version' {
        Test-Path -LiteralPath $Package | Should -BeTrue -Because "npm run package writes $Package (npm test runs it)"
        $packageJson = Get-Content -Raw (Join-Path $RepoRoot 'package.json') | ConvertFrom-Json
        $Manifest.ModuleVersion | Should -Be $packageJson.version
    }

    It 'installs with Install-PSResource from a file-system repository and runs with only node on PATH' {
        $sandbox = Join-Path ([System.IO.Path]::GetTempPath()) "pscgip-package-$([guid]::NewGuid().ToString('N'))"
        $repository = Join-Path $sandbox 'repository'
        $bin = Join-Path $sandbox 'bin'
        # .NET reports no ApplicationData folder for a home without .config, and NuGet (under
        # Publish-PSResource) then writes its NuGet.Config into the working folder.
        $null = New-Item -ItemType Directory -Path $repository, $bin, (Join-Path $sandbox 'home' '.config')
        $node = Get-NodePath
        if ($IsWindows) { Copy-Item -LiteralPath $node -Destination $bin }
        else { $null = New-Item -ItemType SymbolicLink -Path (Join-Path $bin 'node') -Target $node }
        $script = @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name LocalTest -Uri '$repository' -Trusted
Publish-PSResource -NupkgPath '$Package' -Repository LocalTest
`$found = Find-PSResource -Name $ModuleName -Repository LocalTest
Install-PSResource -Name $ModuleName -Repository LocalTest -Scope CurrentUser -TrustRepository
Import-Module $ModuleName
`$module = Get-Module $ModuleName
[pscustomobject]@{
    Version      = `$found.Version.ToString()
    ReleaseNotes = `$found.ReleaseNotes
    ProjectUri   = `$found.ProjectUri.ToString()
    LicenseUri   = `$found.LicenseUri.ToString()
    ModuleBase   = `$module.ModuleBase
    Licence      = Test-Path (Join-Path `$module.ModuleBase 'LICENSE')
    Destination  = (Get-CGIPUserAttributeVerificationCode -AccessToken t -AttributeName email -Region us-east-1 -EndpointUrl '$($Responder.Url)').Destination
    Path         = `$env:PATH
} | ConvertTo-Json -Compress
"@
        # A home of its own: the user's module path and repository list are left alone.
        $environment = @{ HOME = (Join-Path $sandbox 'home'); PATH = $bin }
        if ($IsWindows) { $environment += @{ USERPROFILE = (Join-Path $sandbox 'home'); LOCALAPPDATA = (Join-Path $sandbox 'home' 'AppData'); APPDATA = (Join-Path $sandbox 'home' 'Roaming') } }
        try {
            $result = Invoke-ChildPwsh -Script $script -Environment $environment -RemoveVariables 'PSModulePath', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME'
            $result.ExitCode | Should -Be 0 -Because $result.Error
            $installed = $result.Output[-1] | ConvertFrom-Json
            # pwsh puts its own folder first; node is in neither.
            @($installed.Path -split [System.IO.Path]::PathSeparator | Where-Object { $_ -ne $PSHOME }) | Should -Be @($bin)
            $installed.ModuleBase | Should -BeLike "$sandbox*"
            $installed.Version | Should -Be $Manifest.ModuleVersion
            $installed.ReleaseNotes | Should -Be $Manifest.PrivateData.PSData.ReleaseNotes
            $installed.ProjectUri | Should -Be $Manifest.PrivateData.PSData.ProjectUri
            $installed.LicenseUri | Should -Be $Manifest.PrivateData.PSData.LicenseUri
            $installed.Licence | Should -BeTrue
            $installed.Destination | Should -Be 'a***@e***'
        }
        finally { Remove-Item -LiteralPath $sandbox -Recurse -Force -ErrorAction Ignore }
    }
}
