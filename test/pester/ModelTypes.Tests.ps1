# The AWS SDK for .NET's model types and constant classes, as scripts written for AWS
# Tools build and test them: Amazon.CognitoIdentityProvider.Model.* and the enums.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-TestModule
    $script:Responder = Start-TestResponder
    $script:Signed = @{ Region = 'us-east-1'; EndpointUrl = $script:Responder.Url; AccessKey = 'AKIDMODEL'; SecretKey = 'model-secret' }
}

AfterAll {
    Remove-Module PSCognitoIdentityProvider -ErrorAction Ignore
    Stop-TestResponder $script:Responder
}

Describe 'Model types' {
    It 'are there as soon as the module is imported: New-Object, a hashtable cast, and -is' {
        $attr = New-Object Amazon.CognitoIdentityProvider.Model.AttributeType
        $attr.Name = 'email'; $attr.Value = 'bob@example.com'
        $a2 = [Amazon.CognitoIdentityProvider.Model.AttributeType]@{ Name = 'custom:tenant'; Value = 'acme' }
        $attr.Name | Should -Be 'email'
        $a2 | Should -BeOfType ([Amazon.CognitoIdentityProvider.Model.AttributeType])
        $a2.Value | Should -Be 'acme'
    }

    It 'have the AWS SDK for .NET''s members and member types' {
        $members = [Amazon.CognitoIdentityProvider.Model.UserType].GetProperties() | ForEach-Object { "$($_.Name):$($_.PropertyType.Name)" } | Sort-Object
        $members | Should -Be @(
            'Attributes:List`1', 'Enabled:Nullable`1', 'MFAOptions:List`1', 'UserCreateDate:Nullable`1',
            'UserLastModifiedDate:Nullable`1', 'Username:String', 'UserStatus:UserStatusType'
        )
        [Amazon.CognitoIdentityProvider.Model.UserImportJobType].GetProperty('ImportedUsers').PropertyType | Should -Be ([Nullable[long]])
        [Amazon.CognitoIdentityProvider.Model.AdminCreateUserResponse].BaseType.FullName | Should -Be 'Amazon.Runtime.AmazonWebServiceResponse'
        [Amazon.CognitoIdentityProvider.Model.AdminCreateUserResponse].GetProperty('HttpStatusCode').PropertyType | Should -Be ([System.Net.HttpStatusCode])
        [Amazon.CognitoIdentityProvider.Model.AdminCreateUserRequest].BaseType.FullName | Should -Be 'Amazon.CognitoIdentityProvider.Model.AmazonCognitoIdentityProviderRequest'
    }

    It 'refuse a hashtable key that is not a member, naming it' {
        { [Amazon.CognitoIdentityProvider.Model.AttributeType]@{ Name = 'email'; Valeu = 'x' } } | Should -Throw '*Valeu*'
    }
}

Describe 'Constant classes' {
    It 'have a static field per value, with .Value and ToString()' {
        $flow = [Amazon.CognitoIdentityProvider.AuthFlowType]::USER_PASSWORD_AUTH
        $flow.Value | Should -BeExactly 'USER_PASSWORD_AUTH'
        "$flow" | Should -BeExactly 'USER_PASSWORD_AUTH'
        [Amazon.CognitoIdentityProvider.TimeUnitsType]::Days.Value | Should -BeExactly 'days'
    }

    It 'compare with strings either way round, without regard to case, as the SDK''s do' {
        $status = [Amazon.CognitoIdentityProvider.UserStatusType]::CONFIRMED
        $status -eq 'CONFIRMED' | Should -BeTrue
        $status -eq 'confirmed' | Should -BeTrue
        'confirmed' -eq $status | Should -BeTrue
        $status -eq 'UNCONFIRMED' | Should -BeFalse
        $status -eq [Amazon.CognitoIdentityProvider.UserStatusType]'Confirmed' | Should -BeTrue
        $matched = switch ($status) { 'CONFIRMED' { 'yes' } default { 'no' } }
        $matched | Should -Be 'yes'
    }

    It 'convert from strings, keeping a value the SDK does not know yet, and print the known spelling' {
        ([Amazon.CognitoIdentityProvider.UserStatusType]'confirmed').ToString() | Should -BeExactly 'CONFIRMED'
        ([Amazon.CognitoIdentityProvider.UserStatusType]'SOMETHING_NEW').Value | Should -BeExactly 'SOMETHING_NEW'
        [Amazon.CognitoIdentityProvider.UserStatusType]::FindValue('confirmed') | Should -Be ([Amazon.CognitoIdentityProvider.UserStatusType]::CONFIRMED)
        [string][Amazon.CognitoIdentityProvider.MessageActionType]::SUPPRESS | Should -BeExactly 'SUPPRESS'
    }
}

Describe 'Model objects as cmdlet parameters' {
    It 'sends AttributeType objects and a constant class as AWS Tools would' {
        $attr = New-Object Amazon.CognitoIdentityProvider.Model.AttributeType
        $attr.Name = 'email'; $attr.Value = 'bob@example.com'
        $a2 = [Amazon.CognitoIdentityProvider.Model.AttributeType]@{ Name = 'custom:tenant'; Value = 'acme' }
        $null = New-CGIPUserAdmin -UserPoolId 'pool-1' -Username 'bob' -UserAttribute $attr, $a2 `
            -MessageAction ([Amazon.CognitoIdentityProvider.MessageActionType]::SUPPRESS) -Force @Signed
        $body = (Get-ResponderRequest $Responder -Index -1).body
        $body.MessageAction | Should -BeExactly 'SUPPRESS'
        @($body.UserAttributes).Count | Should -Be 2
        $body.UserAttributes[0].Name | Should -Be 'email'
        $body.UserAttributes[0].Value | Should -Be 'bob@example.com'
        $body.UserAttributes[1].Name | Should -Be 'custom:tenant'
        $body.UserAttributes[1].Value | Should -Be 'acme'
    }

    It 'takes what another cmdlet wrote, and types parameters as AWS Tools does' {
        $user = Get-CGIPUserList -UserPoolId 'pool:1:1' @Signed
        $null = New-CGIPUserAdmin -UserPoolId 'pool-1' -Username 'copy' -UserAttribute $user.Attributes -Force @Signed
        (Get-ResponderRequest $Responder -Index -1).body.UserAttributes[0].Value | Should -Be 'user-1-1@example.com'
        $parameters = (Get-Command New-CGIPUserAdmin).Parameters
        $parameters['UserAttribute'].ParameterType | Should -Be ([Amazon.CognitoIdentityProvider.Model.AttributeType[]])
        $parameters['MessageAction'].ParameterType | Should -Be ([Amazon.CognitoIdentityProvider.MessageActionType])
        $parameters['DesiredDeliveryMedium'].ParameterType | Should -Be ([string[]])
    }

    It 'still sends a value of an enum that the SDK does not know yet' {
        $null = New-CGIPUserAdmin -UserPoolId 'pool-1' -Username 'bob' -MessageAction 'NEW_ACTION' -Force @Signed
        (Get-ResponderRequest $Responder -Index -1).body.MessageAction | Should -BeExactly 'NEW_ACTION'
    }

    It 'refuses a hashtable for an enum with today''s message, and sends no value for $null' {
        { New-CGIPUserAdmin -UserPoolId 'pool-1' -Username 'bob' -MessageAction @{ a = 1 } -Force @Signed } |
            Should -Throw "*parameter 'MessageAction'. A string is expected, but the value given was a hashtable."
        $null = New-CGIPUserAdmin -UserPoolId 'pool-1' -Username 'bob' -MessageAction $null -Force @Signed
        (Get-ResponderRequest $Responder -Index -1).body.PSObject.Properties.Name | Should -Not -Contain 'MessageAction'
    }

    It 'sends the changes a script makes to an object made from a hashtable and given back by -Select ^Parameter' {
        $anonymous = @{ Region = 'us-east-1'; EndpointUrl = $Responder.Url }
        $given = Update-CGIPUserAttribute -AccessToken 't' -UserAttribute @{ Name = 'email'; Value = 'first@example.com' } -Select '^UserAttribute' -Force @anonymous
        (Get-ResponderRequest $Responder -Index -1).body.UserAttributes[0].Value | Should -Be 'first@example.com'
        $given[0].Value = 'changed@example.com'
        $null = Update-CGIPUserAttribute -AccessToken 't' -UserAttribute $given -Force @anonymous
        (Get-ResponderRequest $Responder -Index -1).body.UserAttributes[0].Value | Should -Be 'changed@example.com'
    }

    It 'leaves out the members an object does not set' {
        $settings = [Amazon.CognitoIdentityProvider.Model.SMSMfaSettingsType]@{ Enabled = $true }
        $null = Set-CGIPUserMFAPreferenceAdmin -UserPoolId 'pool-1' -Username 'bob' -SMSMfaSetting $settings -Force @Signed
        $body = (Get-ResponderRequest $Responder -Index -1).body
        $body.SMSMfaSettings.Enabled | Should -BeTrue
        $body.SMSMfaSettings.PSObject.Properties.Name | Should -Not -Contain 'PreferredMfa'
    }
}

Describe 'Cmdlet output of the model types' {
    BeforeAll {
        $script:Call = @{ Region = 'us-east-1'; EndpointUrl = $Responder.Url }
    }

    It 'writes the -Select member as its model type, with constant classes for enums' {
        $details = Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email @Call
        $details | Should -BeOfType ([Amazon.CognitoIdentityProvider.Model.CodeDeliveryDetailsType])
        $details.DeliveryMedium | Should -BeOfType ([Amazon.CognitoIdentityProvider.DeliveryMediumType])
        $details.DeliveryMedium -eq 'EMAIL' | Should -BeTrue
        $details.Destination | Should -Be 'a***@e***'
    }

    It 'gives the response type for -Select *, with ResponseMetadata, HttpStatusCode and ContentLength' {
        $response = Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email -Select '*' @Call
        $response | Should -BeOfType ([Amazon.CognitoIdentityProvider.Model.GetUserAttributeVerificationCodeResponse])
        $response | Should -BeOfType ([Amazon.Runtime.AmazonWebServiceResponse])
        $response.HttpStatusCode | Should -Be ([System.Net.HttpStatusCode]::OK)
        $response.ContentLength | Should -BeGreaterThan 0
        $response.ResponseMetadata.RequestId | Should -Be (Get-ResponderRequest $Responder -Index -1).requestId
        ($response | Get-Member -MemberType Property).Name | Should -Be @('CodeDeliveryDetails', 'ContentLength', 'HttpStatusCode', 'ResponseMetadata')
    }

    It 'writes each user of a paged listing as a UserType, lists as List[T]' {
        $users = @(Get-CGIPUserList -UserPoolId 'pool:3:2' @Signed)
        $users.Count | Should -Be 6
        $users[0] | Should -BeOfType ([Amazon.CognitoIdentityProvider.Model.UserType])
        $users[0].UserStatus -eq [Amazon.CognitoIdentityProvider.UserStatusType]::CONFIRMED | Should -BeTrue
        $users[0].Enabled | Should -BeTrue
        $users[0].Attributes.GetType().Name | Should -Be 'List`1'
        $users[0].Attributes[0] | Should -BeOfType ([Amazon.CognitoIdentityProvider.Model.AttributeType])
        $users[5].Username | Should -Be 'user-3-2'
    }

    It 'round-trips property values through Export-Clixml and Import-Clixml' {
        $user = Get-CGIPUserList -UserPoolId 'pool:1:1' @Signed
        $file = Join-Path ([IO.Path]::GetTempPath()) "model-$([guid]::NewGuid()).xml"
        try {
            $user | Export-Clixml -LiteralPath $file -Depth 4
            $back = Import-Clixml -LiteralPath $file
            $back.PSObject.TypeNames[0] | Should -Be 'Deserialized.Amazon.CognitoIdentityProvider.Model.UserType'
            $back.Username | Should -Be $user.Username
            $back.Enabled | Should -Be $true
            $back.UserStatus.Value | Should -Be 'CONFIRMED'
            $back.Attributes[0].Value | Should -Be $user.Attributes[0].Value
        }
        finally {
            Remove-Item -LiteralPath $file -ErrorAction Ignore
        }
    }
}

Describe 'Replies the model cannot hold' {
    It 'says which member and why, for a number out of range or a value of the wrong kind' {
        $json = '{"ok":true,"response":{"@t":"Amazon.CognitoIdentityProvider.Model.UserPoolType","EstimatedNumberOfUsers":99999999999}}'
        { [CmdletBridge.BridgeJson]::ReadReply($json) } | Should -Throw '*UserPoolType.EstimatedNumberOfUsers the number 99999999999, which does not fit the model''s Int32*'
        $json = '{"ok":true,"response":{"@t":"Amazon.CognitoIdentityProvider.Model.UserPoolType","EstimatedNumberOfUsers":1.5}}'
        { [CmdletBridge.BridgeJson]::ReadReply($json) } | Should -Throw '*UserPoolType.EstimatedNumberOfUsers a value of type Double, where the model has Int32*'
    }
}

Describe 'How the model types print' {
    It 'lists users as a table with the columns the service spec chooses' {
        $text = Get-CGIPUserList -UserPoolId 'pool:1:2' @Signed | Out-String -Width 200
        $header = ($text -split "`n" | Where-Object { $_.Trim() })[0]
        ($header -split '\s+' | Where-Object { $_ }) | Should -Be @('Username', 'UserStatus', 'Enabled', 'UserCreateDate')
        $text | Should -Match 'user-1-1\s+CONFIRMED\s+True'
    }

    It 'prints a nested object as its type name, as AWS Tools does' {
        $pool = [Amazon.CognitoIdentityProvider.Model.UserPoolType]@{ Id = 'us-east-1_x'; LambdaConfig = @{ PreSignUp = 'arn:aws:lambda:x' } }
        ($pool | Format-List Id, LambdaConfig | Out-String) | Should -Match 'LambdaConfig : Amazon\.CognitoIdentityProvider\.Model\.LambdaConfigType'
    }
}

Describe 'Beside the AWS SDK for .NET' {
    # AWS.Tools.Common loads AWSSDK.Core, which defines the Amazon.Runtime types this module's
    # model assembly defines too (tools/pester/pester.csproj downloads it for this test).
    It 'keeps its own types and calls working whether AWSSDK.Core loads before or after it (<Order>)' -ForEach @(
        @{ Order = 'SDK first' }, @{ Order = 'module first' }
    ) {
        $core = Get-ChildItem -LiteralPath (Join-Path $PSScriptRoot '../../.tools/packages/awssdk.core') -Recurse -Filter AWSSDK.Core.dll |
            Where-Object { $_.Directory.Name -eq 'net8.0' } | Select-Object -First 1
        $core | Should -Not -BeNullOrEmpty -Because 'npm test restores AWSSDK.Core with Pester'
        $load = "Add-Type -LiteralPath '$($core.FullName)'"
        $import = "Import-Module '$(Get-TestModuleManifest)'"
        $first, $second = if ($Order -eq 'SDK first') { $load, $import } else { $import, $load }
        $result = Invoke-ChildPwsh -Script @"
`$ErrorActionPreference = 'Stop'
$first
$second
`$sdk = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'AWSSDK.Core' }
"sdk loaded: `$([bool]`$sdk)"
"ConstantClass from: `$([Amazon.Runtime.ConstantClass].Assembly.GetName().Name)"
`$user = Get-CGIPUserList -UserPoolId 'pool:1:1' -Region us-east-1 -EndpointUrl '$($Responder.Url)' -AccessKey AKIDX -SecretKey secret
"user from: `$(`$user.GetType().Assembly.GetName().Name), confirmed: `$(`$user.UserStatus -eq 'confirmed')"
`$null = New-CGIPUserAdmin -UserPoolId p -Username b -MessageAction SUPPRESS -UserAttribute @{ Name = 'email'; Value = 'x' } -Force -Region us-east-1 -EndpointUrl '$($Responder.Url)' -AccessKey AKIDX -SecretKey secret
'sent'
"@
        $result.Error | Should -BeNullOrEmpty
        $result.Output | Should -Be @(
            'sdk loaded: True',
            'ConstantClass from: PSCognitoIdentityProvider.Model',
            'user from: PSCognitoIdentityProvider.Model, confirmed: True',
            'sent'
        )
    }
}
