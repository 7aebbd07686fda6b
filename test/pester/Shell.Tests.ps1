# The AWS Tools shell experience: the region chain and the default-region commands,
# -ProfileLocation, -ClientConfig, $AWSHistory, help, completion, format views,
# -Verbose, Ctrl+C, and installing the module folder.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-TestModule
    $script:Responder = Start-TestResponder
    $script:Url = $script:Responder.Url
    $script:Ns = 'Amazon.CognitoIdentityProvider.Model'
    $script:Scratch = Join-Path ([System.IO.Path]::GetTempPath()) "shell-tests-$([guid]::NewGuid())"
    New-Item -ItemType Directory -Path $script:Scratch | Out-Null

    # The region a call used, as the cmdlet reports it under -Debug.
    function Get-CallRegion {
        param([hashtable] $Arguments = @{})
        $records = Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email -EndpointUrl $Url @Arguments -Debug 5>&1
        $message = ($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] -and $_.Message -like 'Region:*' }).Message
        if ($message -match '^Region: (\S+) \(from (.+)\)\.$') { [pscustomobject]@{ Region = $Matches[1]; Source = $Matches[2] } }
    }

    function New-IniFile {
        param([string] $Name, [string] $Text)
        $path = Join-Path $script:Scratch $Name
        Set-Content -LiteralPath $path -Value $Text
        $path
    }
}

AfterAll {
    Remove-Module PSCognitoIdentityProvider -ErrorAction Ignore
    Stop-TestResponder $script:Responder
    Remove-Item -LiteralPath $script:Scratch -Recurse -Force -ErrorAction Ignore
    Remove-Variable -Name StoredAWSRegion -Scope Global -ErrorAction Ignore
    $env:AWS_REGION = $null
}

Describe 'The region chain' {
    BeforeEach {
        Clear-DefaultAWSRegion
        $env:AWS_REGION = $null
        $script:Profiles = New-IniFile 'profiles.ini' "[default]`nregion = ap-northeast-1`n[other]`nregion = sa-east-1"
    }

    It '-Region wins over everything else' {
        Set-DefaultAWSRegion us-west-2
        $env:AWS_REGION = 'eu-west-1'
        $used = Get-CallRegion @{ Region = 'ca-central-1'; ProfileLocation = $Profiles }
        $used.Region | Should -Be 'ca-central-1'
        $used.Source | Should -Be '-Region'
    }

    It 'then $StoredAWSRegion, as Set-DefaultAWSRegion sets it' {
        Set-DefaultAWSRegion -Region us-west-2
        $env:AWS_REGION = 'eu-west-1'
        $used = Get-CallRegion @{ ProfileLocation = $Profiles }
        $used.Region | Should -Be 'us-west-2'
        $used.Source | Should -Be '$StoredAWSRegion'
    }

    It 'then the default profile of -ProfileLocation (and its aliases)' {
        $env:AWS_REGION = 'eu-west-1'
        foreach ($name in 'ProfileLocation', 'ProfilesLocation', 'AWSProfilesLocation') {
            $used = Get-CallRegion @{ $name = $Profiles }
            $used.Region | Should -Be 'ap-northeast-1'
            $used.Source | Should -Be "the default profile in $Profiles"
        }
    }

    It 'then AWS_REGION, when the profile file has no default region' {
        $env:AWS_REGION = 'eu-west-1'
        $noDefault = New-IniFile 'no-default.ini' "[other]`nregion = sa-east-1"
        $used = Get-CallRegion @{ ProfileLocation = $noDefault }
        $used.Region | Should -Be 'eu-west-1'
        $used.Source | Should -Be 'the AWS_REGION environment variable'
    }

    It 'reads the usual shared config and credentials files when no -ProfileLocation is given' {
        $home1 = Join-Path $Scratch 'home-config'
        New-Item -ItemType Directory -Path (Join-Path $home1 '.aws') -Force | Out-Null
        Set-Content (Join-Path $home1 '.aws' 'config') "[default]`nregion = eu-north-1"
        $home2 = Join-Path $Scratch 'home-credentials'
        New-Item -ItemType Directory -Path (Join-Path $home2 '.aws') -Force | Out-Null
        Set-Content (Join-Path $home2 '.aws' 'credentials') "[default]`nregion = me-south-1"
        $script = @"
Import-Module '$(Get-TestModuleManifest)'
`$records = Get-CGIPUserAttributeVerificationCode -AccessToken t -AttributeName email -EndpointUrl '$Url' -Debug 5>&1
(`$records | Where-Object { `$_ -is [System.Management.Automation.DebugRecord] -and `$_.Message -like 'Region:*' }).Message
"@
        $remove = [System.Environment]::GetEnvironmentVariables().Keys | Where-Object { $_ -like 'AWS_*' }
        foreach ($case in @(@{ Home = $home1; Region = 'eu-north-1' }, @{ Home = $home2; Region = 'me-south-1' })) {
            $result = Invoke-ChildPwsh -Script $script -RemoveVariables $remove -Environment @{ HOME = $case.Home; USERPROFILE = $case.Home }
            $result.Output | Should -Be "Region: $($case.Region) (from the default profile in the shared config and credentials files)." -Because $result.Error
        }
    }

    It 'sees a change to the profile file between calls' {
        $file = New-IniFile 'changing.ini' "[default]`nregion = us-east-2"
        (Get-CallRegion @{ ProfileLocation = $file }).Region | Should -Be 'us-east-2'
        Start-Sleep -Milliseconds 20
        Set-Content -LiteralPath $file -Value "[default]`nregion = af-south-1`n# longer"
        (Get-CallRegion @{ ProfileLocation = $file }).Region | Should -Be 'af-south-1'
    }

    It 'ends with the AWS Tools error when no link gives a region' {
        $empty = New-IniFile 'empty.ini' ''
        { Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email -EndpointUrl $Url -ProfileLocation $empty } |
            Should -Throw -ExpectedMessage 'No region specified or obtained from persisted/shell defaults.' -ErrorId 'InvalidOperationException,Get-CGIPUserAttributeVerificationCode'
    }

    It 'refuses a malformed region wherever it came from, saying what a region looks like' {
        $bad = New-IniFile 'bad.ini' "[default]`nregion = Europe"
        { Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email -EndpointUrl $Url -ProfileLocation $bad } |
            Should -Throw -ExpectedMessage "'Europe' (from the default profile in $bad) is not a region name.*us-east-1*"
        $env:AWS_REGION = 'us_east_1'
        { Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email -EndpointUrl $Url } |
            Should -Throw -ExpectedMessage "*'us_east_1' (from the AWS_REGION environment variable) is not a region name*"
        { Set-DefaultAWSRegion 'not a region' } | Should -Throw -ErrorId 'System.ArgumentException,Amazon.PowerShell.Common.SetDefaultAWSRegionCmdlet'
    }
}

Describe 'Set-, Get- and Clear-DefaultAWSRegion' {
    AfterEach { Clear-DefaultAWSRegion -Scope Global }

    It 'sets, shows and clears the shell default' {
        Set-DefaultAWSRegion -Region us-west-2 -Scope Global
        $Global:StoredAWSRegion | Should -Be 'us-west-2'
        $region = Get-DefaultAWSRegion
        $region.Region | Should -Be 'us-west-2'
        $region.Name | Should -Be 'US West (Oregon)'
        $region.IsShellDefault | Should -BeTrue
        $region.PSObject.TypeNames[0] | Should -Be 'Amazon.PowerShell.Common.AWSRegion'
        "$region" | Should -Be 'us-west-2'
        Clear-DefaultAWSRegion -Scope Global
        Get-DefaultAWSRegion | Should -BeNullOrEmpty
        $Global:StoredAWSRegion | Should -BeNullOrEmpty
    }

    It 'sets the variable in the caller''s scope when -Scope is not given, as AWS Tools does' {
        # At the prompt that is the global scope; in a script or function, the script's own.
        & { Set-DefaultAWSRegion -Region eu-north-1; (Get-DefaultAWSRegion).Region } | Should -Be 'eu-north-1'
        Get-DefaultAWSRegion | Should -BeNullOrEmpty
        $result = Invoke-ChildPwsh -Script "Import-Module '$(Get-TestModuleManifest)'; Set-DefaultAWSRegion ap-south-2; `$Global:StoredAWSRegion"
        $result.Output | Should -Contain 'ap-south-2'
    }

    It 'takes the region from the pipeline, by value or from a Region property' {
        'eu-central-1' | Set-DefaultAWSRegion
        (Get-DefaultAWSRegion).Region | Should -Be 'eu-central-1'
        [pscustomobject]@{ Region = 'ap-south-1' } | Set-DefaultAWSRegion
        (Get-DefaultAWSRegion).Region | Should -Be 'ap-south-1'
    }

    It 'can set the default in the caller''s local scope only' {
        $inside = & {
            Set-DefaultAWSRegion -Region eu-west-3 -Scope Local
            (Get-CallRegion).Region
        }
        $inside | Should -Be 'eu-west-3'
        $Global:StoredAWSRegion | Should -BeNullOrEmpty
    }
}

Describe '-ClientConfig' {
    BeforeAll { $script:Base = @{ AccessToken = 't'; AttributeName = 'email'; Region = 'us-east-1' } }

    It 'takes ServiceURL as the endpoint and RegionEndpoint as the region' {
        $before = (Get-ResponderRequestCount $Responder)
        $result = Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email -ClientConfig @{ ServiceURL = $Url; RegionEndpoint = 'eu-west-2' } -Debug 5>&1
        ($result | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Message | Should -Contain 'Region: eu-west-2 (from ClientConfig.RegionEndpoint).'
        (Get-ResponderRequestCount $Responder) | Should -Be ($before + 1)
    }

    It 'limits retries with MaxErrorRetry' {
        $before = (Get-ResponderRequestCount $Responder)
        { Get-CGIPUserAttributeVerificationCode @Base -AccessToken 'status:500' -ClientConfig @{ ServiceURL = $Url; MaxErrorRetry = 0 } } | Should -Throw
        (Get-ResponderRequestCount $Responder) - $before | Should -Be 1
        $before = (Get-ResponderRequestCount $Responder)
        { Get-CGIPUserAttributeVerificationCode @Base -AccessToken 'status:500' -ClientConfig @{ ServiceURL = $Url; MaxErrorRetry = 1; RetryMode = 'Standard' } } | Should -Throw
        (Get-ResponderRequestCount $Responder) - $before | Should -Be 2
    }

    It 'gives up after Timeout' {
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $caught = $null
        try { Get-CGIPUserAttributeVerificationCode @Base -AccessToken 'hang' -ClientConfig @{ ServiceURL = $Url; Timeout = [TimeSpan]::FromMilliseconds(300); MaxErrorRetry = 0 } } catch { $caught = $_ }
        $watch.Stop()
        $caught.FullyQualifiedErrorId | Should -BeLike 'System.Net.Http.HttpRequestException,*'
        $caught.Exception.Message | Should -BeLike "*$Url*"
        (Get-ResponderRequest $Responder -Index (-1)).aborted | Should -BeTrue
    }

    It 'refuses <Case>' -ForEach @(
        @{ Case = 'an unknown key'; Config = @{ ServiceUrl2 = 'x' }; Message = 'ClientConfig.ServiceUrl2 is not a setting this module knows. Supported settings: ServiceURL, RegionEndpoint, MaxErrorRetry, Timeout, RetryMode, UseFIPSEndpoint, UseDualstackEndpoint.' }
        @{ Case = 'a negative MaxErrorRetry'; Config = @{ MaxErrorRetry = -1 }; Message = 'ClientConfig.MaxErrorRetry must be a whole number of 0 or more.' }
        @{ Case = 'a Timeout that is text'; Config = @{ Timeout = 'soon' }; Message = 'ClientConfig.Timeout must be a positive TimeSpan, or a number of milliseconds.' }
        @{ Case = 'an unknown RetryMode'; Config = @{ RetryMode = 'eager' }; Message = "ClientConfig.RetryMode must be Standard or Adaptive, not 'eager'." }
        @{ Case = 'a ServiceURL that is not a URL'; Config = @{ ServiceURL = 'localhost' }; Message = "ClientConfig.ServiceURL must be an absolute http or https URL*" }
    ) {
        $before = (Get-ResponderRequestCount $Responder)
        { Get-CGIPUserAttributeVerificationCode @Base -EndpointUrl $Url -ClientConfig $Config } |
            Should -Throw -ExpectedMessage $Message -ErrorId 'System.ArgumentException,Get-CGIPUserAttributeVerificationCode'
        (Get-ResponderRequestCount $Responder) | Should -Be $before
    }
}

Describe '$AWSHistory' {
    BeforeEach { Set-AWSHistoryConfiguration -MaxCmdletHistory 5 -MaxServiceCallHistory 5 }
    AfterAll { Set-AWSHistoryConfiguration -MaxCmdletHistory 5 -MaxServiceCallHistory 5 }
    BeforeAll { $script:Base = @{ AttributeName = 'email'; Region = 'us-east-1'; EndpointUrl = $Url } }

    It 'keeps the last invocations newest first, with their responses' {
        $null = Get-CGIPUserAttributeVerificationCode @Base -AccessToken 'h1'
        $null = Get-CGIPUserAttributeVerificationCode @Base -AccessToken 'h2' -AttributeName phone_number
        $AWSHistory.Commands[0].CmdletName | Should -Be 'Get-CGIPUserAttributeVerificationCode'
        $AWSHistory.LastCommand | Should -Be $AWSHistory.Commands[0]
        $AWSHistory.LastCommand.EmittedObjectsCount | Should -Be 1
        $AWSHistory.LastCommand.CmdletEnd | Should -BeGreaterOrEqual $AWSHistory.LastCommand.CmdletStart
        $AWSHistory.LastServiceResponse.PSObject.TypeNames[0] | Should -Be "$Ns.GetUserAttributeVerificationCodeResponse"
        $AWSHistory.LastServiceResponse.CodeDeliveryDetails.DeliveryMedium | Should -Be 'SMS'
        $AWSHistory.Commands[1].LastServiceResponse.CodeDeliveryDetails.DeliveryMedium | Should -Be 'EMAIL'
    }

    It 'keeps one entry per invocation, with a response per pipeline item' {
        1..3 | ForEach-Object { [pscustomobject]@{ AccessToken = "p$_" } } | Get-CGIPUserAttributeVerificationCode @Base | Out-Null
        $AWSHistory.LastCommand.Responses.Count | Should -Be 3
        $AWSHistory.LastCommand.EmittedObjectsCount | Should -Be 3
    }

    It 'honours MaxCmdletHistory and MaxServiceCallHistory' {
        Set-AWSHistoryConfiguration -MaxCmdletHistory 2 -MaxServiceCallHistory 2
        1..3 | ForEach-Object { $null = Get-CGIPUserAttributeVerificationCode @Base -AccessToken "m$_" }
        $AWSHistory.Commands.Count | Should -Be 2
        1..3 | ForEach-Object { [pscustomobject]@{ AccessToken = "q$_" } } | Get-CGIPUserAttributeVerificationCode @Base | Out-Null
        $AWSHistory.LastCommand.Responses.Count | Should -Be 2
    }

    It 'is cleared and turned off by MaxCmdletHistory 0' {
        $null = Get-CGIPUserAttributeVerificationCode @Base -AccessToken 'x'
        Set-AWSHistoryConfiguration -MaxCmdletHistory 0
        $AWSHistory.Commands.Count | Should -Be 0
        $null = Get-CGIPUserAttributeVerificationCode @Base -AccessToken 'y'
        $AWSHistory.Commands.Count | Should -Be 0
        $AWSHistory.LastServiceResponse | Should -BeNullOrEmpty
    }

    It 'refuses a negative MaxCmdletHistory and a MaxServiceCallHistory below 1' {
        { Set-AWSHistoryConfiguration -MaxCmdletHistory -1 } | Should -Throw -ExpectedMessage '*-MaxCmdletHistory must be 0*'
        { Set-AWSHistoryConfiguration -MaxServiceCallHistory 0 } | Should -Throw -ExpectedMessage '*-MaxServiceCallHistory must be 1 or more*'
    }

    It 'records requests only when asked, with the access token redacted unless sensitive data is asked for' {
        $null = Get-CGIPUserAttributeVerificationCode @Base -AccessToken 'secret-1'
        $AWSHistory.LastCommand.Requests.Count | Should -Be 0

        Set-AWSHistoryConfiguration -RecordServiceRequests
        $null = Get-CGIPUserAttributeVerificationCode @Base -AccessToken 'secret-2' -ClientMetadata @{ k = 'v' }
        $request = $AWSHistory.LastServiceRequest
        $request.PSObject.TypeNames[0] | Should -Be "$Ns.GetUserAttributeVerificationCodeRequest"
        $request.AttributeName | Should -Be 'email'
        $request.ClientMetadata.k | Should -Be 'v'
        $request.AccessToken | Should -Be '*****'
        ($AWSHistory.Commands.Requests | ConvertTo-Json -Depth 6) | Should -Not -BeLike '*secret-*'

        Set-AWSHistoryConfiguration -RecordServiceRequests -IncludeSensitiveData
        $null = Get-CGIPUserAttributeVerificationCode @Base -AccessToken 'secret-3'
        $AWSHistory.LastServiceRequest.AccessToken | Should -Be 'secret-3'
    }

    It 'stores the error as the response of a failed call' {
        { Get-CGIPUserAttributeVerificationCode @Base -AccessToken 'error:NotAuthorizedException' } | Should -Throw
        $AWSHistory.LastServiceResponse | Should -BeOfType [System.Management.Automation.ErrorRecord]
        $AWSHistory.LastServiceResponse.FullyQualifiedErrorId | Should -BeLike "$Ns.NotAuthorizedException*"
        $AWSHistory.LastCommand.CmdletEnd | Should -Not -BeNullOrEmpty
    }
}

Describe 'Help' {
    BeforeAll { $script:Help = Get-Help Get-CGIPUserAttributeVerificationCode -Full }

    It 'has a synopsis, a description, examples and the output type' {
        $Help.Synopsis | Should -BeLike '*verification code*'
        ($Help.Description.Text -join ' ') | Should -BeLike '*VerifyUserAttribute*'
        @($Help.Examples.Example).Count | Should -BeGreaterOrEqual 2
        ($Help.ReturnValues.ReturnValue.Type.Name -join ' ') | Should -BeLike "*$Ns.CodeDeliveryDetailsType*"
    }

    It 'describes <Name> with its attributes, positions counted from 1 as on the AWS Tools page' -ForEach @(
        @{ Name = 'AccessToken'; Required = 'true'; Position = 'named'; Pipeline = 'True (ByPropertyName)'; Aliases = 'none' }
        @{ Name = 'Region'; Required = 'false'; Position = '211'; Pipeline = 'True (ByValue, ByPropertyName)'; Aliases = 'RegionToCall' }
        @{ Name = 'ProfileLocation'; Required = 'false'; Position = '212'; Pipeline = 'True (ByPropertyName)'; Aliases = 'AWSProfilesLocation, ProfilesLocation' }
        @{ Name = 'Select'; Required = 'false'; Position = 'named'; Pipeline = 'True (ByPropertyName)'; Aliases = 'none' }
    ) {
        $parameter = $Help.Parameters.Parameter | Where-Object Name -EQ $Name
        $parameter.Required | Should -Be $Required
        $parameter.Position | Should -Be $Position
        $parameter.PipelineInput | Should -Be $Pipeline
        $parameter.Aliases | Should -Be $Aliases
        ($parameter.Description.Text -join ' ') | Should -Not -BeNullOrEmpty
    }

    It 'covers the shell commands too' {
        (Get-Help Set-DefaultAWSRegion).Synopsis | Should -BeLike '*region*'
        @((Get-Help Set-AWSHistoryConfiguration -Full).Examples.Example).Count | Should -BeGreaterOrEqual 2
    }
}

Describe 'Tab completion' {
    BeforeAll {
        function Get-Completion([string] $Line) { (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText }
    }

    It 'offers *, response paths and ^Parameter names for -Select' {
        $all = Get-Completion 'Get-CGIPUserAttributeVerificationCode -Select '
        $all | Should -Contain "'*'"
        $all | Should -Contain 'CodeDeliveryDetails'
        $all | Should -Contain 'CodeDeliveryDetails.Destination'
        $all | Should -Contain 'ResponseMetadata.RequestId'
        $all | Should -Contain '^AttributeName'
        Get-Completion 'Get-CGIPUserAttributeVerificationCode -Select CodeDeliveryDetails.D' | Should -Be @('CodeDeliveryDetails.DeliveryMedium', 'CodeDeliveryDetails.Destination')
    }

    It 'offers the regions the SDK knows for -Region' {
        $regions = Get-Completion 'Get-CGIPUserAttributeVerificationCode -Region us-we'
        $regions | Should -Contain 'us-west-1'
        $regions | Should -Contain 'us-west-2'
        Get-Completion 'Set-DefaultAWSRegion -Region eu-central-' | Should -Contain 'eu-central-1'
    }

    It 'offers the standard attribute names for -AttributeName' {
        Get-Completion 'Get-CGIPUserAttributeVerificationCode -AttributeName pho' | Should -Be @('phone_number')
        Get-Completion 'Get-CGIPUserAttributeVerificationCode -AttributeName ' | Should -Contain 'email'
    }
}

Describe 'Format views' {
    It 'shows CodeDeliveryDetailsType as a table' {
        $text = Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email -Region us-east-1 -EndpointUrl $Url | Out-String
        $text | Should -Match 'AttributeName\s+DeliveryMedium\s+Destination'
        $text | Should -Match 'email\s+EMAIL\s+a\*\*\*@e\*\*\*'
    }

    It 'shows the response as a list' {
        $text = Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email -Region us-east-1 -EndpointUrl $Url -Select '*' | Out-String
        $text | Should -Match 'CodeDeliveryDetails\s+: '
        $text | Should -Match 'RequestId\s+: [0-9a-f-]{36}'
        $text | Should -Match 'HttpStatusCode\s+: OK'
    }

    It 'are loaded by a session''s first call, once, whatever the caller''s preferences, without importing Microsoft.PowerShell.Utility' {
        $script = @"
`$type = '$Ns.CodeDeliveryDetailsType'
`$formats = { @(`$Host.Runspace.InitialSessionState.Formats | Where-Object FileName -like '*PSCognitoIdentityProvider.Format.ps1xml').Count }
`$isViewsMessage = { `$_ -is [System.Management.Automation.DebugRecord] -and `$_.Message -like '*format views*' }
Import-Module '$(Get-TestModuleManifest)'
& `$formats
`$WhatIfPreference = `$true; `$ConfirmPreference = 'Low'
`$records = Get-CGIPUserAttributeVerificationCode -AccessToken t -AttributeName email -Region us-east-1 -EndpointUrl '$Url' -Debug 5>&1
`$WhatIfPreference = `$false; `$ConfirmPreference = 'High'
@(Get-Module Microsoft.PowerShell.Utility).Count
@(`$records | Where-Object `$isViewsMessage).Message
(@(`$records | Where-Object { `$_ -isnot [System.Management.Automation.DebugRecord] }) | Out-String).Trim().Split([char]10)[0].Trim()
& `$formats
`$again = Get-CGIPUserAttributeVerificationCode -AccessToken t -AttributeName email -Region us-east-1 -EndpointUrl '$Url' -Debug 5>&1
@(`$again | Where-Object `$isViewsMessage).Count
Import-Module '$(Get-TestModuleManifest)' -Force
`$null = Get-CGIPUserAttributeVerificationCode -AccessToken t -AttributeName email -Region us-east-1 -EndpointUrl '$Url'
& `$formats
@(Get-FormatData -TypeName `$type).Count
`$Error.Count
"@
        $result = Invoke-ChildPwsh -Script $script
        $result.Output | Should -Be @(
            '0', '0'
            'Loaded the module''s format views into this session.'
            'AttributeName DeliveryMedium Destination'
            '1', '0', '1', '1', '0'
        ) -Because $result.Error
    }
    It 'are loaded from a module folder whose path has wildcard characters' {
        $folder = Join-Path $Scratch 'Modules [EU]'
        $null = New-Item -ItemType Directory -Path $folder
        Copy-Item -LiteralPath (Split-Path (Get-TestModuleManifest)) -Destination $folder -Recurse
        $manifest = Join-Path $folder 'PSCognitoIdentityProvider/PSCognitoIdentityProvider.psd1'
        $script = @"
Import-Module -Name '$([WildcardPattern]::Escape($manifest))'
`$null = Get-CGIPUserAttributeVerificationCode -AccessToken t -AttributeName email -Region us-east-1 -EndpointUrl '$Url'
@(`$Host.Runspace.InitialSessionState.Formats | Where-Object FileName -like '*PSCognitoIdentityProvider.Format.ps1xml').Count
`$Error.Count
"@
        $result = Invoke-ChildPwsh -Script $script
        $result.Output | Should -Be @('1', '0') -Because $result.Error
    }
}

Describe '-Verbose' {
    It 'names the operation, the endpoint and the region, and never the token' {
        $records = Get-CGIPUserAttributeVerificationCode -AccessToken 'verbose-secret-token' -AttributeName email -Region eu-west-1 -EndpointUrl $Url -ClientMetadata @{ k = 'v' } -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $text = $records.Message -join "`n"
        $text | Should -BeLike '*GetUserAttributeVerificationCode*'
        $text | Should -BeLike "*$Url*"
        $text | Should -BeLike '*eu-west-1*'
        $text | Should -Not -BeLike '*verbose-secret-token*'
    }
}

Describe 'Ctrl+C' {
    It 'cancels the call in flight through the SDK, and the bridge serves the next call' {
        $runspace = [runspacefactory]::CreateRunspace()
        $runspace.Open()
        $shell = [powershell]::Create($runspace)
        try {
            $null = $shell.AddScript("Import-Module '$(Get-TestModuleManifest)'; Get-CGIPUserAttributeVerificationCode -AccessToken hang -AttributeName email -Region us-east-1 -EndpointUrl '$Url'")
            $before = (Get-ResponderRequestCount $Responder)
            $async = $shell.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            while ((Get-ResponderRequestCount $Responder) -eq $before -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $shell.Stop()
            $watch.Stop()
            $async.IsCompleted | Should -BeTrue
            $shell.InvocationStateInfo.State | Should -Be 'Stopped'

            # The bridge aborted the HTTP request (the SDK's abort signal closed the connection).
            $deadline = [DateTime]::UtcNow.AddSeconds(5)
            while (-not (Get-ResponderRequest $Responder -Index ($before)).aborted -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            (Get-ResponderRequest $Responder -Index ($before)).aborted | Should -BeTrue

            $shell.Commands.Clear()
            $null = $shell.AddScript("(Get-CGIPUserAttributeVerificationCode -AccessToken t -AttributeName email -Region us-east-1 -EndpointUrl '$Url').Destination")
            $shell.Invoke() | Should -Be 'a***@e***'
        }
        finally {
            $shell.Dispose()
            $runspace.Dispose()
        }
    }
}

Describe 'Installing the module folder' {
    It 'loads by itself on first use from a folder on PSModulePath' {
        $modules = Join-Path $Scratch 'Modules'
        Copy-Item -Path (Split-Path (Get-TestModuleManifest)) -Destination (Join-Path $modules 'PSCognitoIdentityProvider') -Recurse
        $script = @"
`$before = @(Get-Module PSCognitoIdentityProvider).Count
`$r = Get-CGIPUserAttributeVerificationCode -AccessToken t -AttributeName email -Region us-east-1 -EndpointUrl '$Url'
`$before
(Get-Module PSCognitoIdentityProvider).ModuleBase
`$r.PSObject.TypeNames[0]
"@
        $sep = [System.IO.Path]::PathSeparator
        $result = Invoke-ChildPwsh -Script $script -Environment @{ PSModulePath = "$modules$sep$env:PSModulePath" }
        $result.Output | Should -Be @('0', (Join-Path $modules 'PSCognitoIdentityProvider'), "$Ns.CodeDeliveryDetailsType") -Because $result.Error
    }

    It 'has a complete manifest' {
        $manifest = Test-ModuleManifest (Get-TestModuleManifest)
        $manifest.Version | Should -Not -BeNullOrEmpty
        $manifest.Guid | Should -Not -Be ([guid]::Empty)
        $manifest.Author | Should -Not -BeNullOrEmpty
        $manifest.Description | Should -Not -BeNullOrEmpty
        $manifest.CompatiblePSEditions | Should -Be @('Core')
        $manifest.PowerShellVersion | Should -Be ([version] '7.4')
        $data = Import-PowerShellDataFile (Get-TestModuleManifest)
        # The generated functions, over the runtime and its session commands.
        $data.RootModule | Should -Be 'PSCognitoIdentityProvider.psm1'
        $data.NestedModules | Should -Be @('PSCognitoIdentityProvider.dll')
        # The views are loaded by the first call (see 'Format views'), not by the manifest.
        $data.FormatsToProcess | Should -BeNullOrEmpty
        Join-Path (Split-Path (Get-TestModuleManifest)) 'PSCognitoIdentityProvider.Format.ps1xml' | Should -Exist
        $data.PrivateData.PSData.Tags | Should -Contain 'Cognito'
        $data.PrivateData.PSData.ProjectUri | Should -Match '^https://'
        $data.PrivateData.PSData.LicenseUri | Should -Match '^https://'
    }
}
