# The cmdlet against cognito-local, a real Cognito emulator: real tokens from
# USER_PASSWORD_AUTH, the real wire protocol, real service errors.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-TestModule
    $script:Emulator = Start-TestEmulator -Users 3
    $script:User = $script:Emulator.users[0]
    $script:Call = @{ Region = 'us-east-1'; EndpointUrl = $script:Emulator.endpoint }
}

AfterAll {
    Remove-Module PSCognitoIdentityProvider -ErrorAction Ignore
    Stop-TestEmulator $script:Emulator
}

Describe 'Get-CGIPUserAttributeVerificationCode against cognito-local' {
    It 'asks the emulator to send a code to the signed-in user' {
        $before = Get-EmulatorVerificationCode -Emulator $Emulator -Email $User.email
        $response = Get-CGIPUserAttributeVerificationCode -AccessToken $User.accessToken -AttributeName email -Select '*' @Call
        $response.PSObject.TypeNames[0] | Should -Be 'Amazon.CognitoIdentityProvider.Model.GetUserAttributeVerificationCodeResponse'
        $response.HttpStatusCode | Should -Be ([System.Net.HttpStatusCode]::OK)
        # cognito-local answers {} where the real service describes the delivery.
        $response.CodeDeliveryDetails | Should -BeNullOrEmpty
        $code = Get-EmulatorVerificationCode -Emulator $Emulator -Email $User.email
        $code | Should -Match '^\d{6}$'
        $before | Should -BeNullOrEmpty
    }

    It 'writes nothing by default, as cognito-local returns no CodeDeliveryDetails' {
        Get-CGIPUserAttributeVerificationCode -AccessToken $User.accessToken -AttributeName email @Call | Should -BeNullOrEmpty
    }

    It 'turns a garbage token into the service error' {
        $caught = $null
        try { Get-CGIPUserAttributeVerificationCode -AccessToken 'not-a-token' -AttributeName email @Call } catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike 'Amazon.CognitoIdentityProvider.Model.InvalidParameterException,*'
        $caught.Exception.Message | Should -BeExactly 'Invalid parameter'
        $caught.Exception.InnerException.StatusCode | Should -Be 400
        $caught.CategoryInfo.Category | Should -Be 'InvalidOperation'
    }

    It 'serves three objects piped by property name, one request each, through one bridge process' {
        $objects = $Emulator.users | ForEach-Object {
            [pscustomobject]@{ AccessToken = $_.accessToken; AttributeName = 'email'; Region = 'us-east-1'; EndpointUrl = $Emulator.endpoint; Email = $_.email }
        }
        $null = Get-CGIPUserAttributeVerificationCode -AccessToken $User.accessToken -AttributeName email @Call
        $bridgePid = Get-BridgeProcessId
        $results = $objects | Get-CGIPUserAttributeVerificationCode -Select '*'
        $results.Count | Should -Be 3
        $results | ForEach-Object { $_.HttpStatusCode | Should -Be ([System.Net.HttpStatusCode]::OK) }
        foreach ($object in $objects) {
            Get-EmulatorVerificationCode -Emulator $Emulator -Email $object.Email | Should -Match '^\d{6}$'
        }
        Get-BridgeProcessId | Should -Be $bridgePid
    }

    It 'works with no AWS credentials or config anywhere in the environment' {
        $emptyHome = Join-Path ([System.IO.Path]::GetTempPath()) "no-aws-$([guid]::NewGuid())"
        New-Item -ItemType Directory -Path $emptyHome | Out-Null
        try {
            $remove = [System.Environment]::GetEnvironmentVariables().Keys | Where-Object { $_ -like 'AWS_*' }
            # The token goes over stdin, never on a command line.
            $script = @"
`$token = [Console]::In.ReadToEnd().Trim()
Import-Module '$(Get-TestModuleManifest)'
`$r = Get-CGIPUserAttributeVerificationCode -AccessToken `$token -AttributeName email -Region us-east-1 -EndpointUrl '$($Emulator.endpoint)' -Select '*'
[int] `$r.HttpStatusCode
(Get-ChildItem Env: | Where-Object Name -like 'AWS_*').Count
Test-Path (Join-Path `$HOME '.aws')
"@
            $result = Invoke-ChildPwsh -Script $script -InputText $User.accessToken -RemoveVariables $remove -Environment @{
                HOME = $emptyHome; USERPROFILE = $emptyHome
            }
            $result.ExitCode | Should -Be 0 -Because $result.Error
            $result.Output | Should -Be @('200', '0', 'False')
        }
        finally {
            Remove-Item -LiteralPath $emptyHome -Recurse -Force -ErrorAction Ignore
        }
    }
}
