# AWS.Tools.Common's session commands, as scripts written for AWS Tools use them: credentials
# and profiles (checked against what the AWS CLI reads), the default configuration, settings
# read when each call runs (AWS_ENDPOINT_URL, profile endpoints, the profile files), proxies,
# and the discovery commands. Against the local responder (which records what reached it),
# a recording proxy, cognito-local and moto. The shared files are redirected to each test's
# own folder: no test reads or writes the user's ~/.aws.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Tracked = @(
        'AWS_SHARED_CREDENTIALS_FILE', 'AWS_CONFIG_FILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE',
        'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER', 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS',
        'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy', 'ALL_PROXY', 'all_proxy')
    $script:SavedEnvironment = @{}
    foreach ($name in $Tracked) { $SavedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name) }
    Import-TestModule
    $script:Responder = Start-TestResponder
    $script:Second = Start-TestResponder

    # A fresh pair of shared files for a test, and nothing else of the caller's environment.
    function script:Use-FreshProfiles {
        foreach ($name in $Tracked) { [Environment]::SetEnvironmentVariable($name, $null) }
        $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $folder | Out-Null
        $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $folder 'credentials'
        $env:AWS_CONFIG_FILE = Join-Path $folder 'config'
        $env:AWS_EC2_METADATA_DISABLED = 'true'
        $folder
    }

    # What the AWS CLI reads from the same files.
    function script:Invoke-AwsCli {
        $output = & aws @args 2>&1
        if ($LASTEXITCODE -ne 0) { throw "aws $args failed: $output" }
        $output
    }

    # The profiles the AWS CLI sees, as its own library (botocore) lists them.
    function script:Get-AwsCliProfiles {
        # The CLI's interpreter when its script names one (#!/usr/bin/python3), else python3 on PATH.
        $shebang = Get-Content -TotalCount 1 -LiteralPath (Get-Command aws -CommandType Application | Select-Object -First 1).Source
        $interpreter = if ($shebang -match '^#!\s*(\S*python\S*)') { $Matches[1] } else { 'python3' }
        $output = & $interpreter -c "import botocore.session; print('\n'.join(botocore.session.Session().available_profiles))" 2>&1
        if ($LASTEXITCODE -ne 0) { throw "botocore could not list the profiles: $output" }
        @($output | Where-Object { $_ })
    }

    function script:Get-LastAuthorization { param($Server) (Get-ResponderRequest $Server -Index -1).headers.authorization }
}

AfterAll {
    Clear-AWSProxy -Scope Global
    Remove-Module PSCognitoIdentityProvider -ErrorAction Ignore
    Stop-TestResponder $script:Responder
    Stop-TestResponder $script:Second
    foreach ($name in $script:Tracked) { [Environment]::SetEnvironmentVariable($name, $script:SavedEnvironment[$name]) }
}

Describe 'A script written for AWS Tools runs unchanged' {
    BeforeEach { $script:Folder = Use-FreshProfiles }

    It 'stores keys (-StoreAs), makes a profile and region the defaults, and signs the next calls with those keys' {
        Set-AWSCredential -AccessKey 'AKIDSCRIPT' -SecretKey 'script-secret-value' -StoreAs build
        # -StoreAs writes the profile only: the shell's credentials are unchanged.
        $StoredAWSCredentials | Should -BeNullOrEmpty
        Initialize-AWSDefaultConfiguration -ProfileName build -Region eu-west-2
        "$StoredAWSCredentials" | Should -Be 'build'
        $StoredAWSRegion | Should -Be 'eu-west-2'
        $env:AWS_ENDPOINT_URL = $Responder.Url

        Get-CGIPUserAdmin -UserPoolId 'pool' -Username 'bob' | Out-Null
        Get-LastAuthorization $Responder | Should -Match 'Credential=AKIDSCRIPT/\d{8}/eu-west-2/cognito-idp/aws4_request'
        # What was stored is what the AWS CLI reads.
        Invoke-AwsCli configure get aws_access_key_id --profile build | Should -Be 'AKIDSCRIPT'
        Invoke-AwsCli configure get aws_access_key_id --profile default | Should -Be 'AKIDSCRIPT'
        Invoke-AwsCli configure get region --profile default | Should -Be 'eu-west-2'
    }

    It 'runs list cmdlets without -MaxResult, sending AWS Tools'' default page size' {
        Set-AWSCredential -AccessKey 'AKIDLIST' -SecretKey 'x'
        Set-DefaultAWSRegion us-east-1
        $env:AWS_ENDPOINT_URL = $Responder.Url
        Get-CGIPUserPoolList | Out-Null
        (Get-ResponderRequest $Responder -Index -1).body.MaxResults | Should -Be 50
        Get-CGIPUserPoolList -Select 'UserPools.Id' | Out-Null
        (Get-ResponderRequest $Responder -Index -1).body.MaxResults | Should -Be 50
        Get-CGIPUserPoolList -MaxResult 7 | Out-Null
        (Get-ResponderRequest $Responder -Index -1).body.MaxResults | Should -Be 7
        (Get-Command Get-CGIPUserPoolList).Parameters['MaxResult'].Attributes.Mandatory | Should -Not -Contain $true
        $verbose = Get-CGIPUserPoolList -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $verbose.Message | Should -Contain "MaxResult parameter unset, using default value of '50'"
    }

    It 'selects a profile for the session with the old alias Set-AWSCredentials, and Clear-AWSCredential goes back to the default' {
        Set-Content -LiteralPath $env:AWS_SHARED_CREDENTIALS_FILE -Value "[default]`naws_access_key_id = AKIDDEFAULT`naws_secret_access_key = d`n[x]`naws_access_key_id = AKIDX`naws_secret_access_key = x-secret`n"
        $call = @{ UserPoolId = 'pool'; Username = 'bob'; Region = 'us-east-1'; EndpointUrl = $Responder.Url }
        Set-AWSCredentials -ProfileName x
        Get-CGIPUserAdmin @call | Out-Null
        Get-LastAuthorization $Responder | Should -Match 'Credential=AKIDX/'
        # The shell variable shows the profile's name, never a key.
        ($StoredAWSCredentials | Out-String) | Should -Not -Match 'x-secret|AKIDX'
        # A cmdlet's own keys still win over the shell's.
        Get-CGIPUserAdmin @call -AccessKey 'AKIDOWN' -SecretKey 'own' | Out-Null
        Get-LastAuthorization $Responder | Should -Match 'Credential=AKIDOWN/'
        Clear-AWSCredential
        Get-CGIPUserAdmin @call | Out-Null
        Get-LastAuthorization $Responder | Should -Match 'Credential=AKIDDEFAULT/'
    }

    It 'reads the stored profile at each call, so that rotated keys are used at once' {
        Set-Content -LiteralPath $env:AWS_SHARED_CREDENTIALS_FILE -Value "[rot]`naws_access_key_id = AKIDBEFORE`naws_secret_access_key = a`n"
        Set-AWSCredential -ProfileName rot
        $call = @{ UserPoolId = 'pool'; Username = 'bob'; Region = 'us-east-1'; EndpointUrl = $Responder.Url }
        Get-CGIPUserAdmin @call | Out-Null
        Get-LastAuthorization $Responder | Should -Match 'Credential=AKIDBEFORE/'
        Set-AWSCredential -AccessKey 'AKIDAFTER' -SecretKey 'b' -StoreAs rot
        Get-CGIPUserAdmin @call | Out-Null
        Get-LastAuthorization $Responder | Should -Match 'Credential=AKIDAFTER/'
    }

    It 'refuses a profile that does not exist, and leaves the shell as it was' {
        Set-AWSCredential -AccessKey 'AKIDKEEP' -SecretKey 'k'
        $caught = $null
        try { Set-AWSCredential -ProfileName nothere } catch { $caught = $_ }
        $caught.Exception.Message | Should -BeLike "Cannot determine credentials from supplied parameters. There is no profile named 'nothere' in *"
        $caught.FullyQualifiedErrorId | Should -Be 'System.ArgumentException,Amazon.PowerShell.Common.SetAWSCredentialCmdlet'
        Get-CGIPUserAdmin -UserPoolId 'pool' -Username 'bob' -Region us-east-1 -EndpointUrl $Responder.Url | Out-Null
        Get-LastAuthorization $Responder | Should -Match 'Credential=AKIDKEEP/'
    }

    It 'takes the credential objects AWS Tools scripts build as -Credential' {
        $call = @{ UserPoolId = 'pool'; Username = 'bob'; Region = 'us-east-1'; EndpointUrl = $Responder.Url }
        Get-CGIPUserAdmin @call -Credential (New-AWSCredential -AccessKey 'AKIDNEW' -SecretKey 'n') | Out-Null
        Get-LastAuthorization $Responder | Should -Match 'Credential=AKIDNEW/'
        $basic = New-Object Amazon.Runtime.BasicAWSCredentials('AKIDBASIC', 'b')
        Get-CGIPUserAdmin @call -Credential $basic | Out-Null
        Get-LastAuthorization $Responder | Should -Match 'Credential=AKIDBASIC/'
        $session = [Amazon.Runtime.SessionAWSCredentials]::new('ASIASESSION', 's', 'the-session-token')
        Get-CGIPUserAdmin @call -Credential $session | Out-Null
        (Get-ResponderRequest $Responder -Index -1).headers.'x-amz-security-token' | Should -Be 'the-session-token'
        Set-AWSCredential -AccessKey 'AKIDPROF' -SecretKey 'p' -StoreAs prof
        $fromProfile = Get-AWSCredential -ProfileName prof
        $fromProfile | Should -BeOfType ([Amazon.Runtime.BasicAWSCredentials])
        $fromProfile.GetCredentials().AccessKey | Should -Be 'AKIDPROF'
        Get-CGIPUserAdmin @call -Credential $fromProfile | Out-Null
        Get-LastAuthorization $Responder | Should -Match 'Credential=AKIDPROF/'
        Get-AWSCredential -ProfileName nothere | Should -BeNullOrEmpty
    }

    It 'asks for what Initialize-AWSDefaultConfiguration cannot find, and says what to give where nobody can be asked' {
        $empty = Join-Path $Folder 'empty'
        $script = "Import-Module '$(Get-TestModuleManifest)'; try { Initialize-AWSDefaultConfiguration } catch { 'error: ' + `$_.Exception.Message }; try { Initialize-AWSDefaultConfiguration -AccessKey A -SecretKey B } catch { 'error: ' + `$_.Exception.Message }"
        $result = Invoke-ChildPwsh -Script $script -Environment @{ AWS_SHARED_CREDENTIALS_FILE = $empty; AWS_CONFIG_FILE = $empty; AWS_EC2_METADATA_DISABLED = 'true' } -RemoveVariables $Tracked
        $result.Output | Should -Contain 'error: No credentials specified or obtained from persisted/shell defaults. Give -AccessKey and -SecretKey, or -ProfileName.'
        $result.Output | Should -Contain 'error: No region specified or obtained from persisted/shell defaults. Give -Region.'
        Test-Path -LiteralPath $empty | Should -BeFalse
    }

    It 'gives anonymous cmdlets AWS Tools'' credential parameters: a profile''s region is used, and the request stays unsigned' {
        Set-Content -LiteralPath $env:AWS_SHARED_CREDENTIALS_FILE -Value "[far]`naws_access_key_id = AKIDFAR`naws_secret_access_key = f`nregion = ap-southeast-2`n"
        Start-CGIPAuth -ClientId 'client' -AuthFlow USER_PASSWORD_AUTH -AuthParameter @{ USERNAME = 'u'; PASSWORD = 'p' } -ProfileName far -EndpointUrl $Responder.Url -Debug 5>&1 |
            Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message | Should -Contain "Region: ap-southeast-2 (from profile 'far' in the shared config and credentials files)."
        (Get-ResponderRequest $Responder -Index -1).headers.authorization | Should -BeNullOrEmpty
    }
}

Describe 'Profiles in the shared files' {
    BeforeEach { $script:Folder = Use-FreshProfiles }

    It 'lists what the AWS CLI sees (Get-AWSCredential -ListProfileDetail)' {
        Set-Content -LiteralPath $env:AWS_SHARED_CREDENTIALS_FILE -Value "[default]`naws_access_key_id = A`naws_secret_access_key = B`n[ci]`naws_access_key_id = C`naws_secret_access_key = D`n"
        Set-Content -LiteralPath $env:AWS_CONFIG_FILE -Value "[default]`nregion = us-east-1`n[profile sso-dev]`nsso_session = corp`nsso_account_id = 1`nsso_role_name = r`n[sso-session corp]`nsso_region = us-east-1`nsso_start_url = https://example.com/start`n"
        $details = Get-AWSCredential -ListProfileDetail
        $details[0] | Should -BeOfType ([Amazon.PowerShell.Common.ProfileInfo])
        $details.StoreTypeName | Select-Object -Unique | Should -Be 'SharedCredentialsFile'
        ($details | Where-Object ProfileName -EQ 'sso-dev').ProfileLocation | Should -Be $env:AWS_CONFIG_FILE
        $cli = Get-AwsCliProfiles
        $cli | Should -Contain 'sso-dev'
        @($details.ProfileName | Sort-Object) | Should -Be @($cli | Sort-Object)
        @(Get-AWSCredential -ListProfile 3>$null) | Sort-Object | Should -Be @($cli | Sort-Object)
    }

    It 'writes a profile changing nothing but its credential keys: other profiles, comments and unknown keys stay' {
        $before = @(
            '# Hand-written; keep this comment.',
            '[default]',
            'aws_access_key_id = AKIDDEFAULT',
            'aws_secret_access_key = default-secret',
            'region = us-east-1',
            '',
            '; the CI account',
            '[ci]',
            'aws_access_key_id = AKIDOLDCI',
            'aws_secret_access_key = old-ci-secret',
            'aws_session_token = stale-token',
            'x_custom_setting = keep-me',
            '',
            '[other]',
            'credential_process = /usr/bin/false',
            'unknown_key = 1'
        )
        Set-Content -LiteralPath $env:AWS_SHARED_CREDENTIALS_FILE -Value $before
        Set-AWSCredential -AccessKey 'AKIDNEWCI' -SecretKey 'new-ci-secret' -StoreAs ci
        $after = Get-Content -LiteralPath $env:AWS_SHARED_CREDENTIALS_FILE
        $expected = $before.Clone()
        $expected[8] = 'aws_access_key_id = AKIDNEWCI'
        $expected[9] = 'aws_secret_access_key = new-ci-secret'
        $after | Should -Be @($expected[0..9] + $expected[11..15])
        Invoke-AwsCli configure get aws_access_key_id --profile ci | Should -Be 'AKIDNEWCI'
        Invoke-AwsCli configure get x_custom_setting --profile ci | Should -Be 'keep-me'
        # A new profile goes at the end; nothing before it moves.
        Set-AWSCredential -AccessKey 'AKIDTHIRD' -SecretKey 't' -StoreAs third
        $third = Get-Content -LiteralPath $env:AWS_SHARED_CREDENTIALS_FILE
        $third[0..($after.Count - 1)] | Should -Be $after
        $third[-3..-1] | Should -Be @('[third]', 'aws_access_key_id = AKIDTHIRD', 'aws_secret_access_key = t')
    }

    It 'resolves a relative -ProfileLocation against PowerShell''s current location, not the process''s' {
        Push-Location -LiteralPath $Folder
        try {
            Set-AWSCredential -AccessKey 'AKIDRELATIVE' -SecretKey 'r' -StoreAs rel -ProfileLocation ./relative-credentials
            Test-Path -LiteralPath (Join-Path $Folder 'relative-credentials') | Should -BeTrue
            Get-CGIPUserAdmin -UserPoolId 'pool' -Username 'bob' -ProfileName rel -ProfileLocation ./relative-credentials -Region us-east-1 -EndpointUrl $Responder.Url | Out-Null
            Get-LastAuthorization $Responder | Should -Match 'Credential=AKIDRELATIVE/'
        }
        finally { Pop-Location }
        Test-Path -LiteralPath ([IO.Path]::Combine([Environment]::CurrentDirectory, 'relative-credentials')) | Should -BeFalse
    }

    It 'creates a credentials file readable by its owner only, and replaces it whole (no temporary or lock file left)' -Skip:($IsWindows) {
        Set-AWSCredential -AccessKey 'AKIDMODE' -SecretKey 'm' -StoreAs mode
        (Get-Item -LiteralPath $env:AWS_SHARED_CREDENTIALS_FILE).UnixFileMode | Should -Be ([System.IO.UnixFileMode] 'UserRead, UserWrite')
        @(Get-ChildItem -LiteralPath $Folder -Force).Name | Should -Be @('credentials')
    }

    It 'keeps a secret out of output, -Verbose, errors, $AWSHistory and every process''s command line' {
        $secret = 'very-secret-key-value-4711'
        $output = Set-AWSCredential -AccessKey 'AKIDHIDE' -SecretKey $secret -StoreAs hide -Verbose *>&1 | Out-String
        $output | Should -Match 'Updated shared credentials file'
        $output | Should -Not -Match $secret
        $errors = try { Set-AWSCredential -AccessKey 'AKIDHIDE' -SecretKey "$secret`nline" -StoreAs hide } catch { $_ | Out-String }
        $errors | Should -Match 'cannot be stored in a profile'
        $errors | Should -Not -Match $secret
        Set-AWSCredential -ProfileName hide
        Get-CGIPUserAdmin -UserPoolId 'pool' -Username 'bob' -Region us-east-1 -EndpointUrl $Responder.Url -Verbose -Debug *>&1 | Out-String | Should -Not -Match $secret
        ($AWSHistory | ConvertTo-Json -Depth 8) | Should -Not -Match $secret
        ((Get-AWSCredential) | Out-String) + (Get-AWSCredential -ProfileName hide | Format-List * | Out-String) | Should -Not -Match $secret
        if ($IsLinux) {
            $bridge = Get-BridgeProcessId
            foreach ($id in $PID, $bridge) {
                [IO.File]::ReadAllText("/proc/$id/cmdline") | Should -Not -Match $secret
                [IO.File]::ReadAllText("/proc/$id/environ") | Should -Not -Match $secret
            }
        }
    }

    It 'asks before removing a profile (ConfirmImpact High); -WhatIf removes nothing and -Force only that profile' {
        Set-Content -NoNewline -LiteralPath $env:AWS_SHARED_CREDENTIALS_FILE -Value "[keep]`naws_access_key_id = A`naws_secret_access_key = B`n`n[old]`naws_access_key_id = C`naws_secret_access_key = D`n"
        Set-Content -NoNewline -LiteralPath $env:AWS_CONFIG_FILE -Value "[profile old]`nregion = eu-west-1`n`n[profile keep]`nregion = us-east-1`n"
        $command = Get-Command Remove-AWSCredentialProfile
        $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
        Remove-AWSCredentialProfile -ProfileName old -WhatIf
        Get-Content -Raw -LiteralPath $env:AWS_SHARED_CREDENTIALS_FILE | Should -Match '\[old\]'
        Remove-AWSCredentialProfile -ProfileName old -Force
        Get-Content -LiteralPath $env:AWS_SHARED_CREDENTIALS_FILE | Should -Be @('[keep]', 'aws_access_key_id = A', 'aws_secret_access_key = B')
        Get-Content -LiteralPath $env:AWS_CONFIG_FILE | Should -Be @('[profile keep]', 'region = us-east-1')
        Get-AwsCliProfiles | Should -Be @('keep')
        { Remove-AWSCredentialProfile -ProfileName old -Force } | Should -Throw "The CredentialProfile 'old' does not exist."
    }

    It 'Clear-AWSDefaultConfiguration -WhatIf changes nothing, and -SkipProfileStore clears the shell''s defaults and leaves the files' {
        Set-Content -LiteralPath $env:AWS_SHARED_CREDENTIALS_FILE -Value "[default]`naws_access_key_id = A`naws_secret_access_key = B`n"
        Initialize-AWSDefaultConfiguration -Region us-west-1
        $StoredAWSRegion | Should -Be 'us-west-1'
        Clear-AWSDefaultConfiguration -WhatIf
        $StoredAWSRegion | Should -Be 'us-west-1'
        Invoke-AwsCli configure get region --profile default | Should -Be 'us-west-1'
        Clear-AWSDefaultConfiguration -SkipProfileStore
        $StoredAWSRegion | Should -BeNullOrEmpty
        $StoredAWSCredentials | Should -BeNullOrEmpty
        Invoke-AwsCli configure get region --profile default | Should -Be 'us-west-1'
    }
}

Describe 'Settings read when the call runs' {
    BeforeEach {
        $script:Folder = Use-FreshProfiles
        $script:Signed = @{ UserPoolId = 'pool'; Username = 'bob'; Region = 'us-east-1'; AccessKey = 'AKIDENV'; SecretKey = 's' }
    }

    It 'follows AWS_ENDPOINT_URL set mid-session; the service''s own variable wins over it, and -EndpointUrl over both' {
        $env:AWS_ENDPOINT_URL = $Responder.Url
        $mine = Get-ResponderRequestCount $Responder
        Get-CGIPUserAdmin @Signed | Out-Null
        Get-ResponderRequestCount $Responder | Should -Be ($mine + 1)
        $env:AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER = $Second.Url
        $theirs = Get-ResponderRequestCount $Second
        Get-CGIPUserAdmin @Signed | Out-Null
        Get-ResponderRequestCount $Second | Should -Be ($theirs + 1)
        Get-CGIPUserAdmin @Signed -EndpointUrl $Responder.Url | Out-Null
        Get-ResponderRequestCount $Responder | Should -Be ($mine + 2)
        $env:AWS_IGNORE_CONFIGURED_ENDPOINT_URLS = 'true'
        Get-CGIPUserAdmin @Signed -EndpointUrl $Responder.Url | Out-Null
        Get-ResponderRequestCount $Second | Should -Be ($theirs + 1)
    }

    It 'follows a profile''s endpoint_url and services section, re-read when the file changes' {
        Set-Content -LiteralPath $env:AWS_CONFIG_FILE -Value "[default]`nendpoint_url = $($Responder.Url)`n"
        $mine = Get-ResponderRequestCount $Responder
        Get-CGIPUserAdmin @Signed | Out-Null
        Get-ResponderRequestCount $Responder | Should -Be ($mine + 1)
        Set-Content -LiteralPath $env:AWS_CONFIG_FILE -Value "[default]`nservices = local`nendpoint_url = $($Responder.Url)`n`n[services local]`ncognito_identity_provider =`n  endpoint_url = $($Second.Url)`n"
        $theirs = Get-ResponderRequestCount $Second
        Get-CGIPUserAdmin @Signed | Out-Null
        Get-ResponderRequestCount $Second | Should -Be ($theirs + 1)
        # A profile named by AWS_PROFILE brings its own endpoint.
        Add-Content -LiteralPath $env:AWS_CONFIG_FILE -Value "`n[profile mine]`nendpoint_url = $($Responder.Url)`n"
        Set-Content -LiteralPath $env:AWS_SHARED_CREDENTIALS_FILE -Value "[mine]`naws_access_key_id = AKIDMINE`naws_secret_access_key = m`n"
        $env:AWS_PROFILE = 'mine'
        $signedByProfile = @{ UserPoolId = 'pool'; Username = 'bob'; Region = 'us-east-1' }
        Get-CGIPUserAdmin @signedByProfile | Out-Null
        Get-LastAuthorization $Responder | Should -Match 'Credential=AKIDMINE/'
    }

    It 'reads the credentials file AWS_SHARED_CREDENTIALS_FILE names at the time of the call' {
        $first = Join-Path $Folder 'first'
        $second = Join-Path $Folder 'second'
        Set-Content -LiteralPath $first -Value "[default]`naws_access_key_id = AKIDFIRST`naws_secret_access_key = a`n"
        Set-Content -LiteralPath $second -Value "[default]`naws_access_key_id = AKIDSECOND`naws_secret_access_key = b`n"
        $call = @{ UserPoolId = 'pool'; Username = 'bob'; Region = 'us-east-1'; EndpointUrl = $Responder.Url }
        $env:AWS_SHARED_CREDENTIALS_FILE = $first
        Get-CGIPUserAdmin @call | Out-Null
        Get-LastAuthorization $Responder | Should -Match 'Credential=AKIDFIRST/'
        $env:AWS_SHARED_CREDENTIALS_FILE = $second
        Get-CGIPUserAdmin @call | Out-Null
        Get-LastAuthorization $Responder | Should -Match 'Credential=AKIDSECOND/'
    }

    It 'says clearly when a configured endpoint is not a URL, and the next call works' {
        $env:AWS_ENDPOINT_URL = 'not a url'
        { Get-CGIPUserAdmin @Signed } | Should -Throw "*'not a url' (from the AWS_ENDPOINT_URL environment variable) is not an absolute http or https URL*"
        $env:AWS_ENDPOINT_URL = $Responder.Url
        { Get-CGIPUserAdmin @Signed } | Should -Not -Throw
    }
}

Describe 'Proxies' {
    BeforeAll {
        $script:Proxy = Start-TestProxy
        $script:AuthProxy = Start-TestProxy -Auth 'proxyuser:proxy-password-99'
    }
    AfterAll {
        Stop-TestResponder $script:Proxy
        Stop-TestResponder $script:AuthProxy
    }
    BeforeEach {
        $script:Folder = Use-FreshProfiles
        $script:Signed = @{ UserPoolId = 'pool'; Username = 'bob'; Region = 'us-east-1'; AccessKey = 'AKIDPROXY'; SecretKey = 's'; EndpointUrl = $Responder.Url }
    }
    AfterEach {
        Clear-AWSProxy -Scope Global
        foreach ($name in 'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY') { [Environment]::SetEnvironmentVariable($name, $null) }
    }

    It 'sends calls through Set-AWSProxy''s proxy with its credentials, which never show; Clear-AWSProxy stops it' {
        Set-AWSProxy -Hostname 127.0.0.1 -Port $AuthProxy.Port -Username proxyuser -Password 'proxy-password-99' -Scope Global
        $before = @(Get-ProxyRequest $AuthProxy).Count
        $output = Get-CGIPUserAdmin @Signed -Verbose -Debug *>&1 | Out-String
        $seen = @(Get-ProxyRequest $AuthProxy)
        $seen.Count | Should -Be ($before + 1)
        $seen[-1].target | Should -Be "$($Responder.Url)/"
        $seen[-1].proxyAuthorization | Should -Be ('Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('proxyuser:proxy-password-99')))
        Get-LastAuthorization $Responder | Should -Match 'Credential=AKIDPROXY/'
        $output + ($AWSHistory | ConvertTo-Json -Depth 8) + ($AWSProxy | Out-String) | Should -Not -Match 'proxy-password-99'
        Clear-AWSProxy -Scope Global
        Get-CGIPUserAdmin @Signed | Out-Null
        @(Get-ProxyRequest $AuthProxy).Count | Should -Be ($before + 1)
    }

    It 'takes -Credential as a PSCredential, and a wrong password gives a clear error' {
        $wrong = [pscredential]::new('proxyuser', (ConvertTo-SecureString 'not-the-password' -AsPlainText -Force))
        Set-AWSProxy -Hostname 127.0.0.1 -Port $AuthProxy.Port -Credential $wrong -Scope Global
        $caught = $null
        try { Get-CGIPUserAdmin @Signed } catch { $caught = $_ }
        $caught.Exception.Message | Should -BeLike '*The proxy refused the request*(HTTP 407 Proxy Authentication Required)*'
        ($caught | Out-String) | Should -Not -Match 'not-the-password'
        $right = [pscredential]::new('proxyuser', (ConvertTo-SecureString 'proxy-password-99' -AsPlainText -Force))
        Set-AWSProxy -Hostname 127.0.0.1 -Port $AuthProxy.Port -Credential $right -Scope Global
        { Get-CGIPUserAdmin @Signed } | Should -Not -Throw
    }

    It 'skips the proxy for -BypassList matches and, with -BypassOnLocal, local hosts' {
        $before = @(Get-ProxyRequest $Proxy).Count
        Set-AWSProxy -Hostname 127.0.0.1 -Port $Proxy.Port -BypassList '127\.0\.0\.1' -Scope Global
        Get-CGIPUserAdmin @Signed | Out-Null
        Set-AWSProxy -Hostname 127.0.0.1 -Port $Proxy.Port -BypassOnLocal -Scope Global
        Get-CGIPUserAdmin @Signed | Out-Null
        @(Get-ProxyRequest $Proxy).Count | Should -Be $before
        { Set-AWSProxy -Hostname 127.0.0.1 -Port $Proxy.Port -BypassList '([' } | Should -Throw '*-BypassList takes regular expressions*'
    }

    It 'honours HTTP_PROXY, HTTPS_PROXY and NO_PROXY set mid-session, as the AWS CLI does' {
        $before = @(Get-ProxyRequest $Proxy).Count
        $env:HTTP_PROXY = $Proxy.Url
        Get-CGIPUserAdmin @Signed | Out-Null
        @(Get-ProxyRequest $Proxy).Count | Should -Be ($before + 1)
        $env:NO_PROXY = '127.0.0.1'
        Get-CGIPUserAdmin @Signed | Out-Null
        @(Get-ProxyRequest $Proxy).Count | Should -Be ($before + 1)
        # HTTPS goes through the proxy as a CONNECT tunnel (the responder speaks no TLS, so the call fails after it).
        $env:NO_PROXY = $null
        $env:HTTPS_PROXY = $Proxy.Url
        $port = ([uri] $Responder.Url).Port
        { Get-CGIPUserAdmin @Signed -EndpointUrl "https://127.0.0.1:$port" -ClientConfig @{ MaxErrorRetry = 0 } } | Should -Throw
        (Get-ProxyRequest $Proxy)[-1] | Should -Match "CONNECT.*127.0.0.1:$port"
    }
}

Describe 'Against the emulators: session commands first, then cmdlets without credential or endpoint parameters' {
    BeforeAll { $script:Moto = Start-TestMoto }
    AfterAll { Stop-TestMoto $script:Moto }
    BeforeEach { $script:Folder = Use-FreshProfiles }

    It 'pages through moto''s user pools with AWS Tools'' default page size' {
        if (-not $Moto) { Set-ItResult -Skipped -Because 'moto_server is not on PATH'; return }
        Set-AWSCredential -AccessKey 'AKIDMOTO' -SecretKey 'moto-secret' -StoreAs moto
        Initialize-AWSDefaultConfiguration -ProfileName moto -Region us-east-1
        $env:AWS_ENDPOINT_URL = $Moto.Url
        $names = 1..53 | ForEach-Object { "session-pool-$_" }
        foreach ($name in $names) { New-CGIPUserPool -PoolName $name -Force | Out-Null }
        $pools = Get-CGIPUserPoolList
        @($pools | Where-Object Name -Like 'session-pool-*').Count | Should -Be 53
        $ids = Get-CGIPUserPoolList -Select 'UserPools.Id'
        @($ids).Count | Should -Be @($pools).Count
        $ids[0] | Should -BeOfType ([string])
        # One page when asked: moto pages at 50, as AWS Tools asks.
        @(Get-CGIPUserPoolList -NoAutoIteration).Count | Should -Be 50
    }

    It 'signs in and lists users against cognito-local with the shell''s defaults only' {
        $emulator = Start-TestEmulator
        try {
            Set-AWSCredential -AccessKey 'AKIDLOCAL' -SecretKey 'local' -StoreAs local
            Initialize-AWSDefaultConfiguration -ProfileName local -Region us-east-1
            $env:AWS_ENDPOINT_URL = $emulator.endpoint
            $users = Get-CGIPUserList -UserPoolId $emulator.userPoolId
            ($users.Attributes | Where-Object Name -EQ 'email').Value | Should -Contain $emulator.users[0].email
            $me = Get-CGIPUser -AccessToken $emulator.users[0].accessToken
            ($me.UserAttributes | Where-Object Name -EQ 'email').Value | Should -Be $emulator.users[0].email
        }
        finally { Stop-TestEmulator $emulator }
    }
}

Describe 'Discovery commands' {
    It 'lists regions with IsShellDefault, one by -SystemName, and the China and GovCloud partitions on request' {
        & {
            Set-DefaultAWSRegion eu-west-1
            $regions = Get-AWSRegion
            ($regions | Where-Object IsShellDefault).Region | Should -Be 'eu-west-1'
            $regions.Region | Should -Contain 'us-east-1'
            $regions.Region | Should -Not -Contain 'cn-north-1'
            $regions.Region | Should -Not -Contain 'us-gov-west-1'
            (Get-AWSRegion -IncludeChina).Region | Should -Contain 'cn-north-1'
            (Get-AWSRegion -GovCloudOnly).Region | ForEach-Object { $_ | Should -BeLike 'us-gov-*' }
            (Get-AWSRegion -SystemName us-west-2).Name | Should -Be 'US West (Oregon)'
            (Get-AWSRegion -SystemName xx-nowhere-9).Name | Should -Be 'Unknown'
            # A region object binds to -Region as its system name.
            (Get-AWSRegion -SystemName ap-south-1) | Set-DefaultAWSRegion
            $StoredAWSRegion | Should -Be 'ap-south-1'
        }
    }

    It 'finds cmdlets by operation, name, regular expression and AWS CLI command' {
        (Get-AWSCmdletName -ApiOperation listusers).CmdletName | Should -Be 'Get-CGIPUserList'
        (Get-AWSCmdletName -CmdletName 'get-cgipuserpoollist').ServiceOperation | Should -Be 'ListUserPools'
        @(Get-AWSCmdletName -ApiOperation '^AdminList' -MatchWithRegex).Count | Should -BeGreaterThan 3
        (Get-AWSCmdletName -AwsCliCommand 'aws cognito-idp list-users').CmdletName | Should -Be 'Get-CGIPUserList'
        (Get-AWSCmdletName -AwsCliCommand 'aws --region eu-west-1 cognito-idp admin-get-user --user-pool-id x').CmdletName | Should -Be 'Get-CGIPUserAdmin'
        Get-AWSCmdletName -ApiOperation ListUsers -Service EC2 | Should -BeNullOrEmpty
        { Get-AWSCmdletName -AwsCliCommand 'aws' } | Should -Throw '*Unable to extract service and/or operation name*'
    }

    It 'describes the service and the versions' {
        $service = Get-AWSService CGIP
        $service.ServiceName | Should -Be 'Amazon Cognito Identity Provider'
        $service.ModuleName | Should -Be 'PSCognitoIdentityProvider'
        $service.SDKAssemblyVersion | Should -Match '^3\.\d+\.\d+$'
        Get-AWSService 'compute cloud' | Should -BeNullOrEmpty
        $version = Get-AWSPowerShellVersion -ListServiceVersionInfo
        $version[0] | Should -Match 'PSCognitoIdentityProvider\r?\nVersion \d+\.\d+\.\d+'
        $version[0] | Should -Match "Core Runtime Version $([regex]::Escape($service.SDKAssemblyVersion))"
        $version[1].'Noun Prefix' | Should -Be 'CGIP'
    }

    It 'switches list cmdlets to one page with Set-AWSAutoIterationMode v4' {
        & {
            Set-AWSAutoIterationMode v4
            Get-AWSAutoIterationMode | Should -Be 'v4'
            $users = Get-CGIPUserList -UserPoolId 'pages:3:2' -Region us-east-1 -EndpointUrl $Responder.Url -AccessKey A -SecretKey B
            @($users).Count | Should -Be 2
            Set-AWSAutoIterationMode standard
            @(Get-CGIPUserList -UserPoolId 'pages:3:2' -Region us-east-1 -EndpointUrl $Responder.Url -AccessKey A -SecretKey B).Count | Should -Be 6
        }
    }
}

Describe 'Commands this module does not provide' {
    It '<Name> fails with one clear error that says what to use instead' -ForEach @(
        @{ Name = 'Invoke-AWSSSOLogin'; Arguments = @{ ProfileName = 'x' }; Instead = 'aws sso login' }
        @{ Name = 'Invoke-AWSSSOLogout'; Arguments = @{}; Instead = 'aws' }
        @{ Name = 'Initialize-AWSSSOConfiguration'; Arguments = @{ ProfileName = 'x'; StartUrl = 'https://example.com' }; Instead = 'aws' }
        @{ Name = 'Set-AWSSSOSessionConfiguration'; Arguments = @{ SessionName = 's' }; Instead = 'aws' }
        @{ Name = 'Set-AWSSamlEndpoint'; Arguments = @{ Endpoint = 'https://example.com'; StoreAs = 'e' }; Instead = 'role_arn' }
        @{ Name = 'Set-AWSSamlRoleProfile'; Arguments = @{ EndpointName = 'e'; StoreAs = 'r' }; Instead = 'role_arn' }
        @{ Name = 'Add-AWSLoggingListener'; Arguments = @{ Name = 'l'; LogFilePath = '/tmp/x' }; Instead = '-Verbose' }
        @{ Name = 'Remove-AWSLoggingListener'; Arguments = @{ Source = 'Amazon'; Name = 'l' }; Instead = '-Verbose' }
        @{ Name = 'Set-AWSResponseLogging'; Arguments = @{ Level = 'Always' }; Instead = '-Verbose' }
        @{ Name = 'Enable-AWSMetricsLogging'; Arguments = @{}; Instead = '-Verbose' }
        @{ Name = 'Disable-AWSMetricsLogging'; Arguments = @{}; Instead = '-Verbose' }
        @{ Name = 'Get-AWSPublicIpAddressRange'; Arguments = @{ ServiceKey = 'EC2' }; Instead = 'ip-ranges.json' }
    ) {
        $caught = $null
        try { & $Name @Arguments } catch { $caught = $_ }
        $caught.Exception.Message | Should -BeLike "$Name is not provided by the PSCognitoIdentityProvider module.*$Instead*"
        $caught.FullyQualifiedErrorId | Should -BeLike 'NotSupported,*'
    }
}
