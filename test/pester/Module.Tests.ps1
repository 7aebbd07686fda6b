# The built module as PowerShell sees it: the cmdlet's parameters, the manifest, the
# bridge process's life, and the module folder working on its own.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-TestModule
    $script:Command = Get-Command Get-CGIPUserAttributeVerificationCode
    $script:Responder = Start-TestResponder
    $script:Call = @{ Region = 'us-east-1'; EndpointUrl = $script:Responder.Url }
}

AfterAll {
    Remove-Module PSCognitoIdentityProvider -ErrorAction Ignore
    Stop-TestResponder $script:Responder
}

Describe 'Parameters of Get-CGIPUserAttributeVerificationCode' {
    It '<Name> is <Type>, mandatory: <Mandatory>, by value: <ByValue>, by property name: <ByName>, position: <Position>' -ForEach @(
        @{ Name = 'AccessToken'; Type = [string]; Mandatory = $true; ByValue = $false; ByName = $true; Position = [int]::MinValue; Aliases = @() }
        @{ Name = 'AttributeName'; Type = [string]; Mandatory = $true; ByValue = $false; ByName = $true; Position = [int]::MinValue; Aliases = @() }
        @{ Name = 'ClientMetadata'; Type = [hashtable]; Mandatory = $false; ByValue = $false; ByName = $true; Position = [int]::MinValue; Aliases = @() }
        @{ Name = 'Select'; Type = [string]; Mandatory = $false; ByValue = $false; ByName = $true; Position = [int]::MinValue; Aliases = @() }
        @{ Name = 'ClientConfig'; Type = [hashtable]; Mandatory = $false; ByValue = $false; ByName = $true; Position = [int]::MinValue; Aliases = @() }
        @{ Name = 'EndpointUrl'; Type = [string]; Mandatory = $false; ByValue = $false; ByName = $true; Position = [int]::MinValue; Aliases = @() }
        @{ Name = 'Region'; Type = [object]; Mandatory = $false; ByValue = $true; ByName = $true; Position = 210; Aliases = @('RegionToCall') }
        @{ Name = 'ProfileLocation'; Type = [string]; Mandatory = $false; ByValue = $false; ByName = $true; Position = 211; Aliases = @('AWSProfilesLocation', 'ProfilesLocation') }
    ) {
        $parameter = $Command.Parameters[$Name]
        $parameter | Should -Not -BeNullOrEmpty
        $parameter.ParameterType | Should -Be $Type
        $attribute = $parameter.ParameterSets['__AllParameterSets']
        $attribute.IsMandatory | Should -Be $Mandatory
        $attribute.ValueFromPipeline | Should -Be $ByValue
        $attribute.ValueFromPipelineByPropertyName | Should -Be $ByName
        $attribute.Position | Should -Be $Position
        @($parameter.Aliases) | Should -Be $Aliases
    }

    It 'has no parameters beyond those and the common ones' {
        $own = $Command.Parameters.Keys | Where-Object { $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters }
        $own | Sort-Object | Should -Be @('AccessToken', 'AttributeName', 'ClientConfig', 'ClientMetadata', 'EndpointUrl', 'ProfileLocation', 'Region', 'Select')
    }

    It 'accepts an empty string for a mandatory parameter (the service judges it)' {
        $Command.Parameters['AccessToken'].Attributes.TypeId.Name | Should -Contain 'AllowEmptyStringAttribute'
        $Command.Parameters['AccessToken'].Attributes.TypeId.Name | Should -Contain 'AllowNullAttribute'
    }

    It "defaults -Select to 'CodeDeliveryDetails' and declares the output type" {
        (Get-Help Get-CGIPUserAttributeVerificationCode -Parameter Select).defaultValue | Should -Be 'CodeDeliveryDetails'
        $Command.OutputType.Name | Should -Be 'Amazon.CognitoIdentityProvider.Model.CodeDeliveryDetailsType'
    }

    It 'has help with examples' {
        $help = Get-Help Get-CGIPUserAttributeVerificationCode -Full
        $help.Synopsis | Should -BeLike '*verification code*'
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
    }
}

Describe 'Module manifest' {
    It 'exports exactly its cmdlets, with no wildcards' {
        $manifest = Import-PowerShellDataFile (Get-TestModuleManifest)
        # One cmdlet per spec, plus every command AWS.Tools.Common exports (as its manifest lists
        # them in the reference) and V4's Set-AWSHistoryConfiguration; its aliases too.
        $specs = Get-ChildItem (Join-Path $RepoRoot 'specs' 'cmdlets') -Filter '*.yaml' | ForEach-Object BaseName
        $common = Get-Content -Raw (Join-Path $RepoRoot '..' 'shared' 'reference' 'aws-tools-common.md')
        $shared = @(([regex]::Match($common, '(?s)Cmdlets: (.*?)\.\s*\n\s*\nAliases:').Groups[1].Value -split ',\s*') | ForEach-Object Trim) + 'Set-AWSHistoryConfiguration'
        $aliases = [regex]::Match($common, '(?s)Aliases: (.*?)\.\s*\n').Groups[1].Value -split ',\s*' | ForEach-Object Trim | Sort-Object
        $shared.Count | Should -Be 33
        # Each spec is a function of the script module; the session commands are the runtime's cmdlets.
        $specs.Count | Should -Be 140
        $manifest.FunctionsToExport | Sort-Object | Should -Be ($specs | Sort-Object)
        $manifest.CmdletsToExport | Sort-Object | Should -Be ($shared | Sort-Object)
        $manifest.VariablesToExport | Should -BeNullOrEmpty
        $aliases.Count | Should -Be 6
        $manifest.AliasesToExport | Sort-Object | Should -Be $aliases
        (Get-Command -Module PSCognitoIdentityProvider -CommandType Function).Name | Sort-Object | Should -Be ($specs | Sort-Object)
        (Get-Command -Module PSCognitoIdentityProvider -CommandType Cmdlet).Name | Sort-Object | Should -Be ($shared | Sort-Object)
        (Get-Command -Module PSCognitoIdentityProvider -CommandType Alias).Name | Sort-Object | Should -Be $aliases
    }

    It 'is a module of its own name, so AWS.Tools can be installed beside it' {
        (Get-Module PSCognitoIdentityProvider).Name | Should -Be 'PSCognitoIdentityProvider'
        Test-ModuleManifest (Get-TestModuleManifest) | Should -Not -BeNullOrEmpty
    }
}

Describe 'The bridge process' {
    It 'is started once and reused by later calls and pipeline items' {
        $null = Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email @Call
        $first = Get-BridgeProcessId
        $first | Should -Not -BeNullOrEmpty
        1..5 | ForEach-Object { $null = Get-CGIPUserAttributeVerificationCode -AccessToken "t$_" -AttributeName email @Call }
        1..5 | ForEach-Object { [pscustomobject]@{ AccessToken = "p$_"; AttributeName = 'email' } } |
            Get-CGIPUserAttributeVerificationCode @Call | Should -HaveCount 5
        Get-BridgeProcessId | Should -Be $first
        @(Get-Process node -ErrorAction Ignore | Where-Object { $_.Parent.Id -eq $PID -and $_.CommandLine -like '*bridge.cjs*' }).Count |
            Should -Be 1
    }

    It 'carries no parameter value on its command line' -Skip:(-not $IsLinux) {
        $null = Get-CGIPUserAttributeVerificationCode -AccessToken 'secret-token-on-stdin-only' -AttributeName email @Call
        $cmdline = (Get-Content -Raw "/proc/$(Get-BridgeProcessId)/cmdline") -replace "`0", ' '
        $cmdline | Should -BeLike '*bridge.cjs*'
        $cmdline | Should -Not -BeLike '*secret-token*'
    }

    It 'is replaced when it died between calls' {
        $null = Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email @Call
        $old = Get-BridgeProcessId
        Stop-Process -Id $old -Force
        Wait-Process -Id $old -Timeout 5 -ErrorAction Ignore
        (Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email @Call).AttributeName | Should -Be 'email'
        $new = Get-BridgeProcessId
        $new | Should -Not -BeNullOrEmpty
        $new | Should -Not -Be $old
    }

    It 'stops when the module is removed' {
        $null = Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email @Call
        $process = Get-Process -Id (Get-BridgeProcessId)
        Remove-Module PSCognitoIdentityProvider
        $process.WaitForExit(3000) | Should -BeTrue
        Import-TestModule
    }
}

Describe 'The built module folder' {
    It 'works when copied anywhere, with only node on PATH' {
        $source = Split-Path (Get-TestModuleManifest)
        $target = Join-Path ([System.IO.Path]::GetTempPath()) "module-copy-$([guid]::NewGuid())"
        Copy-Item -Path $source -Destination (Join-Path $target 'PSCognitoIdentityProvider') -Recurse
        try {
            (Get-ChildItem -Recurse -Directory -Path $target -Filter node_modules) | Should -BeNullOrEmpty
            $script = @"
Set-Location '$target'
Import-Module ./PSCognitoIdentityProvider/PSCognitoIdentityProvider.psd1
(Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email -Region us-east-1 -EndpointUrl '$($Responder.Url)').Destination
"@
            $result = Invoke-ChildPwsh -Script $script -RemoveVariables @('NODE_PATH')
            $result.ExitCode | Should -Be 0 -Because $result.Error
            $result.Output | Should -Be @('a***@e***')
        }
        finally {
            Remove-Item -LiteralPath $target -Recurse -Force -ErrorAction Ignore
        }
    }

    It 'keeps the bridge code cache in the user cache folder, private, and recovers from a damaged one' -Skip:(-not $IsLinux) {
        $cacheHome = Join-Path ([System.IO.Path]::GetTempPath()) "cache-home-$([guid]::NewGuid())"
        $script = @"
Import-Module '$(Get-TestModuleManifest)'
(Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email -Region us-east-1 -EndpointUrl '$($Responder.Url)').Destination
# The cache is written just after the first reply: give the bridge a moment before exiting.
Start-Sleep -Milliseconds 1500
"@
        try {
            $first = Invoke-ChildPwsh -Script $script -Environment @{ XDG_CACHE_HOME = $cacheHome }
            $first.Output | Should -Be @('a***@e***') -Because $first.Error
            $cache = @(Get-ChildItem -Path (Join-Path $cacheHome 'PSCognitoIdentityProvider') -Filter 'bridge-*.v8cache')
            $cache.Count | Should -Be 1
            $cache[0].Length | Should -BeGreaterThan 100KB
            # Only its owner may read it: it is code the bridge runs.
            [System.IO.File]::GetUnixFileMode($cache[0].FullName) | Should -Be ([System.IO.UnixFileMode] 'UserRead, UserWrite')

            # Damaged: V8 refuses it, the call still works, and a good cache replaces it.
            [System.IO.File]::WriteAllText($cache[0].FullName, 'not a code cache')
            $second = Invoke-ChildPwsh -Script $script -Environment @{ XDG_CACHE_HOME = $cacheHome }
            $second.Output | Should -Be @('a***@e***') -Because $second.Error
            (Get-Item $cache[0].FullName).Length | Should -BeGreaterThan 100KB

            # PSCGIP_BRIDGE_CODE_CACHE=0: none written.
            Remove-Item -LiteralPath $cacheHome -Recurse -Force
            $off = Invoke-ChildPwsh -Script $script -Environment @{ XDG_CACHE_HOME = $cacheHome; PSCGIP_BRIDGE_CODE_CACHE = '0' }
            $off.Output | Should -Be @('a***@e***') -Because $off.Error
            Test-Path (Join-Path $cacheHome 'PSCognitoIdentityProvider') | Should -BeFalse
        }
        finally {
            Remove-Item -LiteralPath $cacheHome -Recurse -Force -ErrorAction Ignore
        }
    }

    It 'says clearly when node is not on PATH' {
        $script = @"
Import-Module '$(Get-TestModuleManifest)'
try { Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email -Region us-east-1 -EndpointUrl '$($Responder.Url)' }
catch { `$_.FullyQualifiedErrorId; `$_.Exception.Message }
"@
        $pwshDir = Split-Path ([Environment]::ProcessPath)
        $result = Invoke-ChildPwsh -Script $script -Environment @{ PATH = $pwshDir }
        $result.Output[0] | Should -BeLike 'NodeNotFound,*'
        $result.Output[1] | Should -BeLike '*Node.js was not found on PATH*'
    }
}
