# A user's whole life in a user pool, against cognito-local, using only this module's
# cmdlets: pool and client, sign-up and confirmation, sign-in, attributes, passwords,
# MFA, groups, admin user management, sign-out, and deletion of everything. At the end,
# the emulator's own log must show every operation it supports called at least once.
# Signed cmdlets take their credentials from this session's AWS_* variables unless a
# test passes them another way (cognito-local accepts any signature).

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-TestModule
    # DEBUG makes cognito-local log every request with its x-amz-target; what its own set-up
    # sent (before it reported its endpoint) is left out of the count at the end.
    $savedDebug = $env:DEBUG
    $env:DEBUG = '1'
    try { $script:Emulator = Start-TestEmulator -Users 0 } finally { $env:DEBUG = $savedDebug }
    $script:LogStart = (Get-Item -LiteralPath $script:Emulator.logFile).Length
    $script:Call = @{ Region = 'us-east-1'; EndpointUrl = $script:Emulator.endpoint }
    $script:SavedEnvironment = @{ Key = $env:AWS_ACCESS_KEY_ID; Secret = $env:AWS_SECRET_ACCESS_KEY; Token = $env:AWS_SESSION_TOKEN }
    $env:AWS_ACCESS_KEY_ID = 'AKIDLIFECYCLE'
    $env:AWS_SECRET_ACCESS_KEY = 'lifecycle-secret'
    Remove-Item Env:AWS_SESSION_TOKEN -ErrorAction Ignore
    $script:Password = 'Life!Cycle1'
    $script:State = @{}

    # cognito-local keeps each pool's users in .cognito/db/<pool>.json; codes it "sends" are there.
    function script:Get-StoredUser {
        param([string] $PoolId, [string] $Email)
        $db = Get-Content -Raw (Join-Path $Emulator.dir '.cognito' 'db' "$PoolId.json") | ConvertFrom-Json -AsHashtable
        foreach ($user in $db.Users.Values) {
            if ($user.Attributes | Where-Object { $_.Name -eq 'email' -and $_.Value -eq $Email }) { return $user }
        }
    }

    # RFC 6238 TOTP (SHA-1, 30 s, 6 digits), as an authenticator app computes it.
    function script:Get-TotpCode {
        param([string] $Secret)
        $alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
        $bits = -join ($Secret.TrimEnd('=').ToUpperInvariant().ToCharArray() | ForEach-Object { [Convert]::ToString($alphabet.IndexOf($_), 2).PadLeft(5, '0') })
        $key = [byte[]] @(for ($i = 0; $i + 8 -le $bits.Length; $i += 8) { [Convert]::ToByte($bits.Substring($i, 8), 2) })
        $counter = [BitConverter]::GetBytes([long] [Math]::Floor([DateTimeOffset]::UtcNow.ToUnixTimeSeconds() / 30))
        if ([BitConverter]::IsLittleEndian) { [Array]::Reverse($counter) }
        $hash = [System.Security.Cryptography.HMACSHA1]::new($key).ComputeHash($counter)
        $offset = $hash[-1] -band 0x0f
        # [int] first: shifting a byte in PowerShell keeps it a byte.
        $value = (([int] $hash[$offset] -band 0x7f) -shl 24) -bor ([int] $hash[$offset + 1] -shl 16) -bor ([int] $hash[$offset + 2] -shl 8) -bor [int] $hash[$offset + 3]
        ($value % 1000000).ToString('000000')
    }
}

AfterAll {
    Remove-Module PSCognitoIdentityProvider -ErrorAction Ignore
    Stop-TestEmulator $script:Emulator
    $env:AWS_ACCESS_KEY_ID = $SavedEnvironment.Key
    $env:AWS_SECRET_ACCESS_KEY = $SavedEnvironment.Secret
    $env:AWS_SESSION_TOKEN = $SavedEnvironment.Token
}

Describe 'A user pool lifecycle through the generated cmdlets' {
    It 'creates a pool with flattened policy parameters and reads it back' {
        $pool = New-CGIPUserPool -PoolName 'lifecycle' -AutoVerifiedAttribute email -PasswordPolicy_MinimumLength 10 -PasswordPolicy_RequireSymbol $true @Call
        $pool.PSObject.TypeNames[0] | Should -Be 'Amazon.CognitoIdentityProvider.Model.UserPoolType'
        $pool.Name | Should -Be 'lifecycle'
        $State.PoolId = $pool.Id

        # The pipeline parameter binds by value.
        $described = $pool.Id | Get-CGIPUserPool @Call
        $described.Id | Should -Be $pool.Id
        $described.Policies.PasswordPolicy.MinimumLength | Should -Be 10
        $described.Policies.PasswordPolicy.RequireSymbols | Should -BeTrue
        $described.AutoVerifiedAttributes | Should -Be @('email')
    }

    It 'updates the pool, adds a custom attribute and finds the pool in the list' {
        Update-CGIPUserPool -UserPoolId $State.PoolId -AutoVerifiedAttribute email -UserPoolTag @{ team = 'identity' } @Call | Should -BeNullOrEmpty
        Add-CGIPCustomAttribute -UserPoolId $State.PoolId -CustomAttribute @{ Name = 'team'; AttributeDataType = 'String'; Mutable = $true } @Call
        $schema = (Get-CGIPUserPool -UserPoolId $State.PoolId @Call).SchemaAttributes
        $schema.Name | Should -Contain 'custom:team'
        (Get-CGIPUserPoolList -MaxResult 10 @Call).Id | Should -Contain $State.PoolId
    }

    It 'creates, changes and lists an app client' {
        $client = New-CGIPUserPoolClient -UserPoolId $State.PoolId -ClientName 'web' -ExplicitAuthFlow ALLOW_USER_PASSWORD_AUTH, ALLOW_REFRESH_TOKEN_AUTH @Call
        $client.PSObject.TypeNames[0] | Should -Be 'Amazon.CognitoIdentityProvider.Model.UserPoolClientType'
        $State.ClientId = $client.ClientId
        $updated = Update-CGIPUserPoolClient -UserPoolId $State.PoolId -ClientId $client.ClientId -ClientName 'web-app' -ExplicitAuthFlow ALLOW_USER_PASSWORD_AUTH, ALLOW_REFRESH_TOKEN_AUTH @Call
        $updated.ClientName | Should -Be 'web-app'
        (Get-CGIPUserPoolClient -UserPoolId $State.PoolId -ClientId $client.ClientId @Call).ClientName | Should -Be 'web-app'
        (Get-CGIPUserPoolClientList -UserPoolId $State.PoolId @Call).ClientId | Should -Contain $client.ClientId
    }

    It 'signs a user up with attributes given as a hashtable and confirms the code' {
        $signUp = Register-CGIPUserInPool -ClientId $State.ClientId -Username 'alice@example.com' -Password $Password -UserAttribute @{ Name = 'email'; Value = 'alice@example.com' } @Call
        $signUp.UserConfirmed | Should -BeFalse
        $signUp.CodeDeliveryDetails.DeliveryMedium | Should -Be 'EMAIL'
        $code = (Get-StoredUser -PoolId $State.PoolId -Email 'alice@example.com').ConfirmationCode
        $code | Should -Match '^\d{6}$'
        Confirm-CGIPUserRegistration -ClientId $State.ClientId -Username 'alice@example.com' -ConfirmationCode $code @Call | Out-Null
        (Get-CGIPUserAdmin -UserPoolId $State.PoolId -Username 'alice@example.com' @Call).UserStatus | Should -Be 'CONFIRMED'
    }

    It 'signs in with USER_PASSWORD_AUTH and gets the user' {
        $auth = Start-CGIPAuth -ClientId $State.ClientId -AuthFlow USER_PASSWORD_AUTH -AuthParameter @{ USERNAME = 'alice@example.com'; PASSWORD = $Password } @Call
        $auth.PSObject.TypeNames[0] | Should -Be 'Amazon.CognitoIdentityProvider.Model.InitiateAuthResponse'
        $State.AccessToken = $auth.AuthenticationResult.AccessToken
        $State.RefreshToken = $auth.AuthenticationResult.RefreshToken
        $State.AccessToken | Should -Not -BeNullOrEmpty
        $user = Get-CGIPUser -AccessToken $State.AccessToken @Call
        ($user.UserAttributes | Where-Object Name -EQ 'email').Value | Should -Be 'alice@example.com'
    }

    It 'requests and verifies an attribute code' {
        Get-CGIPUserAttributeVerificationCode -AccessToken $State.AccessToken -AttributeName email @Call | Out-Null
        $code = (Get-StoredUser -PoolId $State.PoolId -Email 'alice@example.com').AttributeVerificationCode
        Test-CGIPUserAttribute -AccessToken $State.AccessToken -AttributeName email -Code $code @Call
        $attributes = (Get-CGIPUser -AccessToken $State.AccessToken @Call).UserAttributes
        ($attributes | Where-Object Name -EQ 'email_verified').Value | Should -Be 'true'
    }

    It 'updates attributes from PSCustomObjects and deletes one, with -Force' {
        Update-CGIPUserAttribute -AccessToken $State.AccessToken -UserAttribute ([pscustomobject]@{ Name = 'given_name'; Value = 'Alice' }), @{ name = 'family_name'; value = 'Liddell' } @Call | Out-Null
        $attributes = (Get-CGIPUser -AccessToken $State.AccessToken @Call).UserAttributes
        ($attributes | Where-Object Name -EQ 'given_name').Value | Should -Be 'Alice'
        ($attributes | Where-Object Name -EQ 'family_name').Value | Should -Be 'Liddell'

        Remove-CGIPUserAttribute -AccessToken $State.AccessToken -UserAttributeName family_name -Force @Call
        (Get-CGIPUser -AccessToken $State.AccessToken @Call).UserAttributes.Name | Should -Not -Contain 'family_name'
    }

    It 'changes the password, then resets a forgotten one' {
        Update-CGIPPassword -AccessToken $State.AccessToken -PreviousPassword $Password -ProposedPassword 'Changed!Pass2' @Call
        $auth = Start-CGIPAuth -ClientId $State.ClientId -AuthFlow USER_PASSWORD_AUTH -AuthParameter @{ USERNAME = 'alice@example.com'; PASSWORD = 'Changed!Pass2' } @Call
        $auth.AuthenticationResult.AccessToken | Should -Not -BeNullOrEmpty

        Reset-CGIPForgottenPassword -ClientId $State.ClientId -Username 'alice@example.com' @Call | Out-Null
        $code = (Get-StoredUser -PoolId $State.PoolId -Email 'alice@example.com').ConfirmationCode
        Confirm-CGIPForgotPassword -ClientId $State.ClientId -Username 'alice@example.com' -ConfirmationCode $code -Password 'Reset!Pass3' @Call
        $auth = Start-CGIPAuth -ClientId $State.ClientId -AuthFlow USER_PASSWORD_AUTH -AuthParameter @{ USERNAME = 'alice@example.com'; PASSWORD = 'Reset!Pass3' } @Call
        $State.AccessToken = $auth.AuthenticationResult.AccessToken
        $State.RefreshToken = $auth.AuthenticationResult.RefreshToken
    }

    It 'creates a group, adds the user, and lists both ways' {
        $group = New-CGIPGroup -UserPoolId $State.PoolId -GroupName 'admins' -Description 'Administrators' -Precedence 1 @Call
        $group.PSObject.TypeNames[0] | Should -Be 'Amazon.CognitoIdentityProvider.Model.GroupType'
        (Update-CGIPGroup -UserPoolId $State.PoolId -GroupName 'admins' -Description 'People who administer' @Call).Description | Should -Be 'People who administer'
        (Get-CGIPGroup -UserPoolId $State.PoolId -GroupName 'admins' @Call).Description | Should -Be 'People who administer'
        (Get-CGIPGroupList -UserPoolId $State.PoolId @Call).GroupName | Should -Be @('admins')

        # cognito-local matches group members by their user name proper (the sub), not an alias.
        $State.AliceName = (Get-CGIPUserAdmin -UserPoolId $State.PoolId -Username 'alice@example.com' @Call).Username
        Add-CGIPUserToGroupAdmin -UserPoolId $State.PoolId -GroupName 'admins' -Username $State.AliceName @Call
        (Get-CGIPGroupsForUserAdmin -UserPoolId $State.PoolId -Username $State.AliceName @Call).GroupName | Should -Be @('admins')
        $members = Get-CGIPUsersInGroup -UserPoolId $State.PoolId -GroupName 'admins' @Call
        ($members.Attributes | Where-Object Name -EQ 'email').Value | Should -Be @('alice@example.com')
    }

    It 'manages users as an administrator, with credentials given four ways' {
        # -AccessKey/-SecretKey
        New-CGIPUserAdmin -UserPoolId $State.PoolId -Username 'bob@example.com' -TemporaryPassword 'Temp0rary!Pass' -MessageAction SUPPRESS `
            -UserAttribute @{ Name = 'email'; Value = 'bob@example.com' } -AccessKey 'AKIDEXPLICIT' -SecretKey 'explicit-secret' @Call | Out-Null
        # -Credential as a PSCredential
        $credential = [pscredential]::new('AKIDCREDENTIAL', (ConvertTo-SecureString 'credential-secret' -AsPlainText -Force))
        Update-CGIPUserAttributeAdmin -UserPoolId $State.PoolId -Username 'bob@example.com' -UserAttribute @{ Name = 'given_name'; Value = 'Bob' } -Credential $credential @Call
        # -ProfileName from a credentials file given with -ProfileLocation
        $profiles = Join-Path $TestDrive 'credentials'
        Set-Content -LiteralPath $profiles -Value "[lifecycle]`naws_access_key_id = AKIDPROFILE`naws_secret_access_key = profile-secret`n"
        $bob = Get-CGIPUserAdmin -UserPoolId $State.PoolId -Username 'bob@example.com' -ProfileName lifecycle -ProfileLocation $profiles @Call
        ($bob.UserAttributes | Where-Object Name -EQ 'given_name').Value | Should -Be 'Bob'
        $bob.UserStatus | Should -Be 'FORCE_CHANGE_PASSWORD'

        Remove-CGIPUserAttributeAdmin -UserPoolId $State.PoolId -Username 'bob@example.com' -UserAttributeName given_name -Force @Call
        Disable-CGIPUserAdmin -UserPoolId $State.PoolId -Username 'bob@example.com' @Call
        (Get-CGIPUserAdmin -UserPoolId $State.PoolId -Username 'bob@example.com' @Call).Enabled | Should -BeFalse
        Enable-CGIPUserAdmin -UserPoolId $State.PoolId -Username 'bob@example.com' @Call
        (Get-CGIPUserAdmin -UserPoolId $State.PoolId -Username 'bob@example.com' @Call).Enabled | Should -BeTrue
    }

    It 'answers a NEW_PASSWORD_REQUIRED challenge and signs in as an administrator' {
        $auth = Start-CGIPAuth -ClientId $State.ClientId -AuthFlow USER_PASSWORD_AUTH -AuthParameter @{ USERNAME = 'bob@example.com'; PASSWORD = 'Temp0rary!Pass' } @Call
        $auth.ChallengeName | Should -Be 'NEW_PASSWORD_REQUIRED'
        $answer = Send-CGIPAuthChallengeResponse -ClientId $State.ClientId -ChallengeName NEW_PASSWORD_REQUIRED -Session $auth.Session `
            -ChallengeResponse @{ USERNAME = 'bob@example.com'; NEW_PASSWORD = 'Bob!Passw0rd' } @Call
        $answer.AuthenticationResult.AccessToken | Should -Not -BeNullOrEmpty

        Set-CGIPUserPasswordAdmin -UserPoolId $State.PoolId -Username 'bob@example.com' -Password 'Bob!Passw0rd2' -Permanent $true @Call
        $admin = Start-CGIPAuthAdmin -UserPoolId $State.PoolId -ClientId $State.ClientId -AuthFlow ADMIN_USER_PASSWORD_AUTH `
            -AuthParameter @{ USERNAME = 'bob@example.com'; PASSWORD = 'Bob!Passw0rd2' } @Call
        $admin.AuthenticationResult.AccessToken | Should -Not -BeNullOrEmpty
    }

    It 'signs up and confirms a user as an administrator, then lists every user' {
        Register-CGIPUserInPool -ClientId $State.ClientId -Username 'carol@example.com' -Password $Password -UserAttribute @{ Name = 'email'; Value = 'carol@example.com' } @Call | Out-Null
        Confirm-CGIPUserRegistrationAdmin -UserPoolId $State.PoolId -Username 'carol@example.com' @Call
        1..4 | ForEach-Object {
            New-CGIPUserAdmin -UserPoolId $State.PoolId -Username "user$_@example.com" -MessageAction SUPPRESS -UserAttribute @{ Name = 'email'; Value = "user$_@example.com" } @Call | Out-Null
        }
        # cognito-local answers ListUsers in one page; paging over several is tested against the responder below.
        $users = Get-CGIPUserList -UserPoolId $State.PoolId @Call
        $users.Count | Should -Be 7
        $users[0].PSObject.TypeNames[0] | Should -Be 'Amazon.CognitoIdentityProvider.Model.UserType'
        ($users.Attributes | Where-Object Name -EQ 'email').Value | Should -Contain 'carol@example.com'
    }

    It 'sets up software-token MFA with a TOTP code' {
        Set-CGIPUserPoolMfaConfig -UserPoolId $State.PoolId -MfaConfiguration OPTIONAL -SoftwareTokenMfaConfiguration @{ Enabled = $true } @Call | Out-Null
        (Get-CGIPUserPoolMfaConfig -UserPoolId $State.PoolId @Call).MfaConfiguration | Should -Be 'OPTIONAL'
        $association = Add-CGIPSoftwareToken -AccessToken $State.AccessToken @Call
        $association.SecretCode | Should -Match '^[A-Z2-7]+=*$'
        $verified = Test-CGIPSoftwareToken -AccessToken $State.AccessToken -UserCode (Get-TotpCode $association.SecretCode) @Call
        $verified.Status | Should -Be 'SUCCESS'
        # AWS Tools keeps these structures whole: a hashtable, checked against the SDK schema.
        Set-CGIPUserMFAPreference -AccessToken $State.AccessToken -SoftwareTokenMfaSetting @{ Enabled = $true; PreferredMfa = $false } @Call
    }

    It 'signs out by revoking the refresh token' {
        Revoke-CGIPToken -Token $State.RefreshToken -ClientId $State.ClientId @Call
        $caught = $null
        try { Start-CGIPAuth -ClientId $State.ClientId -AuthFlow REFRESH_TOKEN_AUTH -AuthParameter @{ REFRESH_TOKEN = $State.RefreshToken } @Call } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'Amazon.CognitoIdentityProvider.Model.NotAuthorizedException,*'
    }

    It 'removes the user from the group, deletes the group and the users' {
        Remove-CGIPUserFromGroupAdmin -UserPoolId $State.PoolId -GroupName 'admins' -Username $State.AliceName -Force @Call
        Get-CGIPUsersInGroup -UserPoolId $State.PoolId -GroupName 'admins' @Call | Should -BeNullOrEmpty
        Remove-CGIPGroup -UserPoolId $State.PoolId -GroupName 'admins' -Force @Call
        Remove-CGIPUserAdmin -UserPoolId $State.PoolId -Username 'bob@example.com' -Force @Call
        $auth = Start-CGIPAuth -ClientId $State.ClientId -AuthFlow USER_PASSWORD_AUTH -AuthParameter @{ USERNAME = 'carol@example.com'; PASSWORD = $Password } @Call
        Remove-CGIPUser -AccessToken $auth.AuthenticationResult.AccessToken -Force @Call
        (Get-CGIPUserList -UserPoolId $State.PoolId @Call).Count | Should -Be 5
    }

    It 'deletes the client and the pool' {
        Remove-CGIPUserPoolClient -UserPoolId $State.PoolId -ClientId $State.ClientId -Force @Call
        Remove-CGIPUserPool -UserPoolId $State.PoolId -Force @Call
        $caught = $null
        try { Get-CGIPUserPool -UserPoolId $State.PoolId @Call } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'Amazon.CognitoIdentityProvider.Model.ResourceNotFoundException,*'
    }

    It 'called every operation cognito-local supports' {
        $targets = Get-ChildItem (Join-Path $RepoRoot 'node_modules' 'cognito-local' 'lib' 'targets') -Filter '*.js' -File |
            Where-Object { $_.BaseName -cnotin 'Target', 'responses', 'targets' } |
            ForEach-Object { $_.BaseName.Substring(0, 1).ToUpperInvariant() + $_.BaseName.Substring(1) }
        $targets.Count | Should -BeGreaterOrEqual 50
        $log = [System.IO.File]::ReadAllText($Emulator.logFile).Substring($LogStart)
        $called = [regex]::Matches($log, 'x-amz-target":"AWSCognitoIdentityProviderService\.(\w+)"') | ForEach-Object { $_.Groups[1].Value } | Sort-Object -Unique
        $missing = $targets | Where-Object { $_ -notin $called }
        $missing | Should -BeNullOrEmpty -Because 'every operation the emulator supports goes through its generated cmdlet'
    }
}
