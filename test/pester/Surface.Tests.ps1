# The whole operation surface: every operation has its cmdlet; signed cmdlets find
# credentials (and anonymous ones never look); mutating cmdlets honour -WhatIf, -Confirm
# and -Force; paginated cmdlets follow every page, streaming; nested parameters take
# hashtables, objects and arrays, and refuse what the request cannot hold. Against the
# local responder, which records what reached it.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-TestModule
    $script:Responder = Start-TestResponder
    $script:Call = @{ Region = 'us-east-1'; EndpointUrl = $script:Responder.Url }
    $script:Keys = @{ AccessKey = 'AKIDSURFACE'; SecretKey = 'surface-secret-value' }
    $script:ModuleRoot = Split-Path (Get-TestModuleManifest)
}

AfterAll {
    Remove-Module PSCognitoIdentityProvider -ErrorAction Ignore
    Stop-TestResponder $script:Responder
}

Describe 'The command surface' {
    It 'has a cmdlet for every operation of the SDK client, each with help' {
        $operations = & (Get-NodePath) -e "const m = require('@aws-sdk/client-cognito-identity-provider'); console.log(Object.keys(m).filter(k => k.endsWith('$') && Array.isArray(m[k]) && m[k][0] === 9).length)"
        $cmdlets = Get-Command -Module PSCognitoIdentityProvider -CommandType Function | Where-Object Name -Like '*-CGIP*'
        $cmdlets.Count | Should -Be ([int] $operations)
        $cmdlets.Count | Should -Be 140
        (Get-Help New-CGIPUserPool).Synopsis | Should -Match 'user pool'
    }

    It 'names parameters as AWS Tools does: singular lists with the SDK name as alias, flattened structures' {
        $parameter = (Get-Command Update-CGIPUserAttribute).Parameters['UserAttribute']
        $parameter.Aliases | Should -Contain 'UserAttributes'
        (Get-Command New-CGIPUserPool).Parameters['PasswordPolicy_MinimumLength'].Aliases | Should -Contain 'Policies_PasswordPolicy_MinimumLength'
        (Get-Command Get-CGIPUserList).Parameters['PaginationToken'].Aliases | Should -Contain 'NextToken'
        (Get-Command Start-CGIPAuth).Parameters['AuthParameter'].Aliases | Should -Contain 'AuthParameters'
        (Get-Help New-CGIPUserAdmin -Parameter UserAttribute).type.name | Should -Be 'Amazon.CognitoIdentityProvider.Model.AttributeType[]'
    }

    It 'binds a piped value to the pipeline parameter only, never to -Region as well' {
        $saved = $env:AWS_REGION
        $env:AWS_REGION = 'eu-west-3'
        try {
            # 'pool-1' looks like a region name: bound to -Region too, it would be sent there.
            'pool-1' | Get-CGIPUserPool -EndpointUrl $Responder.Url @Keys | Out-Null
        }
        finally { $env:AWS_REGION = $saved }
        $request = Get-ResponderRequest $Responder -Index -1
        $request.body.UserPoolId | Should -Be 'pool-1'
        $request.headers.authorization | Should -Match '/eu-west-3/cognito-idp/'
        (Get-Command Get-CGIPUserPool).Parameters['Region'].Attributes.ValueFromPipeline | Should -Not -Contain $true
        (Get-Command Get-CGIPUserAttributeVerificationCode).Parameters['Region'].Attributes.ValueFromPipeline | Should -Contain $true
    }

    It 'binds piped objects by property name, as other cmdlets'' output carries them' {
        # The pipeline parameter takes input by value too: PowerShell offers it each
        # object first, which must not end binding before the property is tried.
        $users = [pscustomobject]@{ UserPoolId = 'pages:1:2' }, [pscustomobject]@{ UserPoolId = 'pages:1:1' } | Get-CGIPUserList @Keys @Call
        $users.Username | Should -Be @('user-1-1', 'user-1-2', 'user-1-1')
        # An object without it is still refused, clearly, and nothing is sent.
        $before = Get-ResponderRequestCount $Responder
        $errors = @([pscustomobject]@{ Other = 'x' } | Get-CGIPUserList @Keys @Call 2>&1)
        $errors[0] | Should -BeOfType [System.Management.Automation.ErrorRecord]
        $errors[0].Exception.Message | Should -BeLike "*parameter 'UserPoolId'. A string is expected, but the value given was an object of type System.Management.Automation.PSCustomObject."
        Get-ResponderRequestCount $Responder | Should -Be $before
    }

    It 'returns maps as case-sensitive dictionaries, as the AWS SDK for .NET does' {
        $response = Get-CGIPUserAttributeVerificationCode -AccessToken 'tok' -AttributeName email -Select '*' @Call
        # IDictionary<string, string>, as on the SDK's ResponseMetadata.
        $response.ResponseMetadata.Metadata | Should -BeOfType ([System.Collections.Generic.Dictionary[string, string]])
        # Tag keys differing only in case, or looking like the protocol's type tag, all survive.
        $tags = [CmdletBridge.BridgeJson]::Read('{"Tags":{"@m":[["Env","prod"],["env","dev"],["@t","owner"]]}}').Tags
        $tags.Count | Should -Be 3
        $tags['Env'] | Should -Be 'prod'
        $tags['env'] | Should -Be 'dev'
        $tags['@t'] | Should -Be 'owner'
    }

    It 'completes enum values and still sends values it does not know' {
        $line = 'Start-CGIPAuth -AuthFlow USER_P'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('USER_PASSWORD_AUTH')
        $line = 'New-CGIPUserPool -MfaConfiguration '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('OFF', 'ON', 'OPTIONAL')
        Start-CGIPAuth -ClientId 'client' -AuthFlow 'A_FLOW_FROM_THE_FUTURE' @Call | Out-Null
        (Get-ResponderRequest $Responder -Index -1).body.AuthFlow | Should -Be 'A_FLOW_FROM_THE_FUTURE'
    }
}

Describe 'Credentials' {
    It 'signs requests of signed cmdlets with the keys given, and never shows the secret' {
        $output = Get-CGIPUserAdmin -UserPoolId 'pool' -Username 'bob' @Keys @Call -Select '*' *>&1 | Out-String
        $request = Get-ResponderRequest $Responder -Index -1
        $request.headers.authorization | Should -Match 'Credential=AKIDSURFACE/\d{8}/us-east-1/cognito-idp/aws4_request'
        $output | Should -Not -Match 'surface-secret-value'
        ($AWSHistory | ConvertTo-Json -Depth 8) | Should -Not -Match 'surface-secret-value'
    }

    It 'takes -Credential as a PSCredential or as an object with AccessKeyId and SecretAccessKey' {
        $credential = [pscredential]::new('AKIDPSCREDENTIAL', (ConvertTo-SecureString 'x' -AsPlainText -Force))
        Get-CGIPUserAdmin -UserPoolId 'pool' -Username 'bob' -Credential $credential @Call | Out-Null
        (Get-ResponderRequest $Responder -Index -1).headers.authorization | Should -Match 'Credential=AKIDPSCREDENTIAL/'
        $sts = [pscustomobject]@{ AccessKeyId = 'ASIASTS'; SecretAccessKey = 'y'; SessionToken = 'session-token-value' }
        Get-CGIPUserAdmin -UserPoolId 'pool' -Username 'bob' -Credential $sts @Call | Out-Null
        $request = Get-ResponderRequest $Responder -Index -1
        $request.headers.authorization | Should -Match 'Credential=ASIASTS/'
        $request.headers.'x-amz-security-token' | Should -Be 'session-token-value'
    }

    It 'reads -ProfileName from -ProfileLocation, region included' {
        $file = Join-Path $TestDrive 'credentials'
        Set-Content -LiteralPath $file -Value "[surface]`naws_access_key_id = AKIDPROFILE`naws_secret_access_key = z`nregion = eu-west-3`n"
        Get-CGIPUserAdmin -UserPoolId 'pool' -Username 'bob' -ProfileName surface -ProfileLocation $file -EndpointUrl $Responder.Url | Out-Null
        (Get-ResponderRequest $Responder -Index -1).headers.authorization | Should -Match 'Credential=AKIDPROFILE/\d{8}/eu-west-3/'
    }

    It 'says clearly which profile has no credentials, and sends nothing' {
        $file = Join-Path $TestDrive 'empty-credentials'
        Set-Content -LiteralPath $file -Value "[other]`naws_access_key_id = A`naws_secret_access_key = B`n"
        $before = Get-ResponderRequestCount $Responder
        $caught = $null
        try { Get-CGIPUserAdmin -UserPoolId 'pool' -Username 'bob' -ProfileName missing -ProfileLocation $file @Call } catch { $caught = $_ }
        $caught.Exception.Message | Should -Match "No credentials found for profile 'missing'"
        $caught.Exception.Message | Should -Not -Match '\bat \S+ \('
        Get-ResponderRequestCount $Responder | Should -Be $before
    }

    It 'refuses -AccessKey without -SecretKey' {
        { Get-CGIPUserAdmin -UserPoolId 'pool' -Username 'bob' -AccessKey 'AKIDONLY' @Call } | Should -Throw '*without -SecretKey*'
    }

    It 'gives AWS Tools'' error when nothing in the chain has credentials, and anonymous cmdlets never look' {
        $emptyHome = Join-Path $TestDrive 'no-home'
        New-Item -ItemType Directory -Path $emptyHome | Out-Null
        $script = @"
Import-Module '$(Get-TestModuleManifest)'
try { Get-CGIPUserAdmin -UserPoolId pool -Username bob -Region us-east-1 -EndpointUrl '$($Responder.Url)' } catch { 'signed: ' + `$_.Exception.Message; 'id: ' + `$_.FullyQualifiedErrorId }
`$r = Get-CGIPUserAttributeVerificationCode -AccessToken anything -AttributeName email -Region us-east-1 -EndpointUrl '$($Responder.Url)'
'anonymous: ' + `$r.Destination
"@
        $environment = @{
            HOME = $emptyHome; AWS_EC2_METADATA_DISABLED = 'true'
            AWS_SHARED_CREDENTIALS_FILE = (Join-Path $emptyHome 'none'); AWS_CONFIG_FILE = (Join-Path $emptyHome 'none')
        }
        $result = Invoke-ChildPwsh -Script $script -Environment $environment -RemoveVariables @(
            'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_CONTAINER_CREDENTIALS_FULL_URI',
            'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_ROLE_ARN')
        $result.Output | Should -Contain 'signed: No credentials specified or obtained from persisted/shell defaults. Give -AccessKey and -SecretKey, -Credential or -ProfileName, set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or add a default profile to the shared credentials file.'
        $result.Output | Should -Contain 'id: InvalidOperationException,Get-CGIPUserAdmin'
        $result.Output | Should -Contain 'anonymous: a***@e***'
    }
}

Describe 'Confirmation of mutating cmdlets' {
    It 'declares ShouldProcess and the impact as AWS Tools does' {
        $impact = { param($Name) (Get-Command $Name).ScriptBlock.Attributes | Where-Object { $_ -is [System.Management.Automation.CmdletBindingAttribute] } }
        (& $impact Remove-CGIPUserPool).ConfirmImpact | Should -Be 'High'
        (& $impact Remove-CGIPUserPool).SupportsShouldProcess | Should -BeTrue
        (& $impact New-CGIPUserPool).ConfirmImpact | Should -Be 'Medium'
        (Get-Command Remove-CGIPUserPool).Parameters.Keys | Should -Contain 'Force'
        (Get-Command Get-CGIPUserPool).Parameters.Keys | Should -Not -Contain 'WhatIf'
        (Get-Command Get-CGIPUserPool).Parameters.Keys | Should -Not -Contain 'Force'
    }

    It '-WhatIf describes the call and sends nothing, even with -Force' {
        $before = Get-ResponderRequestCount $Responder
        # "What if:" goes to the host, so a child pwsh's output shows it.
        $script = "Import-Module '$(Get-TestModuleManifest)'; `$c = @{ AccessKey = 'A'; SecretKey = 'B'; Region = 'us-east-1'; EndpointUrl = '$($Responder.Url)' }; " +
            'Remove-CGIPUserPool -UserPoolId us-east-1_pool -WhatIf @c; Remove-CGIPUserPool -UserPoolId us-east-1_pool -WhatIf -Force @c'
        $result = Invoke-ChildPwsh -Script $script
        $result.Output | Should -Be @(
            'What if: Performing the operation "Remove-CGIPUserPool (DeleteUserPool)" on target "us-east-1_pool".'
            'What if: Performing the operation "Remove-CGIPUserPool (DeleteUserPool)" on target "us-east-1_pool".')
        Get-ResponderRequestCount $Responder | Should -Be $before
    }

    It 'asks before a High-impact call unless -Force or -Confirm:$false is given' {
        $before = Get-ResponderRequestCount $Responder
        # Non-interactive, the prompt itself fails: proof that the cmdlet asked.
        $result = Invoke-ChildPwsh -Script "Import-Module '$(Get-TestModuleManifest)'; try { Remove-CGIPUserPool -UserPoolId p -AccessKey A -SecretKey B -Region us-east-1 -EndpointUrl '$($Responder.Url)' } catch { `$_.Exception.Message }"
        ($result.Output -join ' ') | Should -Match 'NonInteractive'
        ($result.Output -join ' ') | Should -Not -Match 'Exception calling'
        Get-ResponderRequestCount $Responder | Should -Be $before
        Remove-CGIPUserPool -UserPoolId 'p' -Force @Keys @Call
        Remove-CGIPUserPool -UserPoolId 'p' -Confirm:$false @Keys @Call
        Get-ResponderRequestCount $Responder | Should -Be ($before + 2)
    }

    It 'never names a sensitive value in the prompt' {
        $script = "Import-Module '$(Get-TestModuleManifest)'; " +
            "Update-CGIPUserAttribute -AccessToken 'secret-token-value' -UserAttribute @{ Name = 'email'; Value = 'a@b.c' } -WhatIf -Region us-east-1 -EndpointUrl '$($Responder.Url)'"
        $result = Invoke-ChildPwsh -Script $script
        $result.Output | Should -Be @('What if: Performing the operation "Update-CGIPUserAttribute (UpdateUserAttributes)" on target "".')
    }
}

Describe 'Pagination' {
    It 'fetches every page and streams each page''s items as it arrives' {
        $before = Get-ResponderRequestCount $Responder
        $users = Get-CGIPUserList -UserPoolId 'pages:3:2' @Keys @Call
        $users.Username | Should -Be @('user-1-1', 'user-1-2', 'user-2-1', 'user-2-2', 'user-3-1', 'user-3-2')
        $users[0].PSObject.TypeNames[0] | Should -Be 'Amazon.CognitoIdentityProvider.Model.UserType'
        Get-ResponderRequestCount $Responder | Should -Be ($before + 3)
        (Get-ResponderRequest $Responder -Index -1).body.PaginationToken | Should -Be 'page:3'

        # Streaming: stopping after the first page's items leaves later pages unfetched.
        $before = Get-ResponderRequestCount $Responder
        Get-CGIPUserList -UserPoolId 'pages:3:2' @Keys @Call | Select-Object -First 2 | Should -HaveCount 2
        Get-ResponderRequestCount $Responder | Should -Be ($before + 1)
    }

    It 'fetches one page with -NoAutoIteration, and -Select * shows the next token' {
        $page = Get-CGIPUserList -UserPoolId 'pages:3:2' -NoAutoIteration -Select '*' @Keys @Call
        $page.PSObject.TypeNames[0] | Should -Be 'Amazon.CognitoIdentityProvider.Model.ListUsersResponse'
        $page.Users.Count | Should -Be 2
        $page.PaginationToken | Should -Be 'page:2'
    }

    It 'fetches just the page asked for when the token parameter is given (by its alias too)' {
        $before = Get-ResponderRequestCount $Responder
        (Get-CGIPUserList -UserPoolId 'pages:3:2' -NextToken 'page:3' @Keys @Call).Username | Should -Be @('user-3-1', 'user-3-2')
        Get-ResponderRequestCount $Responder | Should -Be ($before + 1)
    }

    It 'writes each page''s whole response with -Select *, and stops when the service repeats a token' {
        (Get-CGIPUserList -UserPoolId 'pages:2:1' -Select '*' @Keys @Call).PaginationToken | Should -Be @('page:2', $null)
        $before = Get-ResponderRequestCount $Responder
        (Get-CGIPUserList -UserPoolId 'loop' @Keys @Call).Username | Should -Be @('looping', 'looping')
        Get-ResponderRequestCount $Responder | Should -Be ($before + 2)
    }

    It 'sends no token for -PaginationToken $null, as a loop that starts with an empty token gives it' {
        $token = $null
        $before = Get-ResponderRequestCount $Responder
        (Get-CGIPUserList -UserPoolId 'pages:3:2' -PaginationToken $token @Keys @Call).Username | Should -Be @('user-1-1', 'user-1-2')
        Get-ResponderRequestCount $Responder | Should -Be ($before + 1)
        (Get-ResponderRequest $Responder -Index -1).body.PSObject.Properties.Name | Should -Not -Contain 'PaginationToken'
    }
}

Describe 'The generated functions' {
    It 'are functions of the module that hand their parameters to the runtime' {
        $command = Get-Command Get-CGIPUserAttributeVerificationCode
        $command.CommandType | Should -Be 'Function'
        $command.Module.Name | Should -Be 'PSCognitoIdentityProvider'
        $command.ScriptBlock.ToString() | Should -Match ([regex]::Escape("[CmdletBridge.ServiceCall]::new(`$PSCmdlet, 'GetUserAttributeVerificationCode')"))
        $command.OutputType.Name | Should -Be 'Amazon.CognitoIdentityProvider.Model.CodeDeliveryDetailsType'
    }

    It 'see the preferences their caller set in its own scope, as compiled cmdlets do, and leave them there' {
        $before = Get-ResponderRequestCount $Responder
        & {
            $WhatIfPreference = $true
            Remove-CGIPUserPool -UserPoolId 'p' @Keys @Call
        }
        Get-ResponderRequestCount $Responder | Should -Be $before
        $verbose = & {
            $VerbosePreference = 'Continue'
            Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email @Call 4>&1
        } | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $verbose.Message | Should -Contain "Calling GetUserAttributeVerificationCode in region us-east-1 at $($Responder.Url)."
        # -Verbose:$false still wins over the caller's preference.
        & {
            $VerbosePreference = 'Continue'
            Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email -Verbose:$false @Call 4>&1
        } | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Should -BeNullOrEmpty
        $VerbosePreference | Should -Be 'SilentlyContinue'
        $WhatIfPreference | Should -BeFalse
    }

    It 'take $null for a number or boolean as not set, as AWS Tools'' Int32? and Boolean? parameters do' {
        New-CGIPGroup -UserPoolId 'p' -GroupName 'g' -Precedence $null -Force @Keys @Call | Out-Null
        (Get-ResponderRequest $Responder -Index -1).body.PSObject.Properties.Name | Should -Not -Contain 'Precedence'
        # A page size that is not set is sent as AWS Tools' default.
        [pscustomobject]@{ UserPoolId = 'pages:1:1'; Limit = $null } | Get-CGIPUserList @Keys @Call | Out-Null
        (Get-ResponderRequest $Responder -Index -1).body.Limit | Should -Be 60
        (Get-Command New-CGIPGroup).Parameters['Precedence'].ParameterType | Should -Be ([Nullable[int]])
    }

    It 'apply the caller''s preferences before the first piped object is bound, and record an invocation that gets no object' {
        $outcome = & {
            $ErrorActionPreference = 'Stop'
            try {
                [pscustomobject]@{ AccessToken = @{ a = 1 }; AttributeName = 'email' }, [pscustomobject]@{ AccessToken = 't'; AttributeName = 'email' } |
                    Get-CGIPUserAttributeVerificationCode @Call | Out-Null
                'continued'
            }
            catch { 'stopped' }
        }
        $outcome | Should -Be 'stopped'
        @() | Get-CGIPUserAttributeVerificationCode @Call
        $AWSHistory.LastCommand.CmdletName | Should -Be 'Get-CGIPUserAttributeVerificationCode'
        $AWSHistory.LastCommand.EmittedObjectsCount | Should -Be 0
        $AWSHistory.LastCommand.CmdletEnd | Should -Not -BeNullOrEmpty
    }

    It 'say clearly when the data file does not know their operation, and the next call still works' {
        function Test-UnknownOperation { [CmdletBinding()] param() begin { $call = [CmdletBridge.ServiceCall]::new($PSCmdlet, 'NoSuchOperation') } process { $call.Process($PSBoundParameters) } }
        { Test-UnknownOperation } | Should -Throw -ErrorId 'ModuleDataMismatch,Test-UnknownOperation' -ExpectedMessage "*has no operation named 'NoSuchOperation'*Reinstall the module."
        (Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email @Call).DeliveryMedium | Should -Be 'EMAIL'
    }

    It 'can be wrapped by a proxy function; its errors still name the generated function' {
        $metadata = [System.Management.Automation.CommandMetadata]::new((Get-Command Get-CGIPUserAttributeVerificationCode))
        $null = New-Item -Path function:Test-WrappedVerificationCode -Value ([System.Management.Automation.ProxyCommand]::Create($metadata)) -Force
        try {
            $before = Get-ResponderRequestCount $Responder
            (Test-WrappedVerificationCode -AccessToken 't' -AttributeName email @Call).DeliveryMedium | Should -Be 'EMAIL'
            Get-ResponderRequestCount $Responder | Should -Be ($before + 1)
            { Test-WrappedVerificationCode -AccessToken 'error:UserNotFoundException' -AttributeName email @Call } |
                Should -Throw -ErrorId 'Amazon.CognitoIdentityProvider.Model.UserNotFoundException,Get-CGIPUserAttributeVerificationCode'
        }
        finally {
            Remove-Item function:Test-WrappedVerificationCode
        }
    }
}

Describe 'Nested parameters' {
    It 'sends hashtables, PSCustomObjects and arrays with the SDK''s member names' {
        $attributes = @(@{ name = 'email'; VALUE = 'a@example.com' }, [pscustomobject]@{ Name = 'given_name'; Value = 42 })
        Update-CGIPUserAttribute -AccessToken 'tok' -UserAttribute $attributes -Force @Call | Out-Null
        $body = (Get-ResponderRequest $Responder -Index -1).body
        $body.UserAttributes[0].Name | Should -BeExactly 'email'
        $body.UserAttributes[0].Value | Should -BeExactly 'a@example.com'
        $body.UserAttributes[1].Value | Should -BeExactly '42'
        # One object for a list parameter is a one-item list.
        Update-CGIPUserAttribute -AccessToken 'tok' -UserAttribute @{ Name = 'email'; Value = 'b@example.com' } -Force @Call | Out-Null
        (Get-ResponderRequest $Responder -Index -1).body.UserAttributes.Count | Should -Be 1
    }

    It 'fills nested members from flattened parameters' {
        New-CGIPUserPool -PoolName 'p' -PasswordPolicy_MinimumLength 12 -AdminCreateUserConfig_AllowAdminCreateUserOnly $true -Policies_PasswordPolicy_RequireNumbers $true @Keys @Call | Out-Null
        $body = (Get-ResponderRequest $Responder -Index -1).body
        $body.Policies.PasswordPolicy.MinimumLength | Should -Be 12
        $body.Policies.PasswordPolicy.RequireNumbers | Should -BeTrue
        $body.AdminCreateUserConfig.AllowAdminCreateUserOnly | Should -BeTrue
    }

    It 'refuses <Case> before sending anything, and the next call still works' -ForEach @(
        @{ Case = 'a key the shape does not have'; Value = @{ Nme = 'email' }; Message = "*has a key 'Nme' that AttributeType does not have; its keys are Name (required), Value*" }
        @{ Case = 'a missing required key'; Value = @{ Value = 'x' }; Message = '*needs the key Name*' }
        @{ Case = 'a .NET object that is not plain data'; Value = [System.IO.DirectoryInfo]::new('/'); Message = '*System.IO.DirectoryInfo*' }
        @{ Case = 'a nested object where a string belongs'; Value = @{ Name = 'email'; Value = @{ deep = 1 } }; Message = '*-UserAttribute`[0`].Value takes a string*' }
    ) {
        $before = Get-ResponderRequestCount $Responder
        { Update-CGIPUserAttribute -AccessToken 'tok' -UserAttribute $Value -Force @Call } | Should -Throw $Message
        Get-ResponderRequestCount $Responder | Should -Be $before
        Update-CGIPUserAttribute -AccessToken 'tok' -UserAttribute @{ Name = 'email'; Value = 'ok@example.com' } -Force @Call | Out-Null
        Get-ResponderRequestCount $Responder | Should -Be ($before + 1)
    }
}
