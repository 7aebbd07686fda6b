# The cmdlet against a local responder that answers as the real service does:
# output shapes, -Select, type names, errors, region and endpoint handling.

BeforeDiscovery {
    # The exceptions the service documents for this operation (TooManyRequests and
    # InternalError are retried by the SDK, and are tested below with retries).
    $ServiceExceptions = @(
        'NotAuthorizedException', 'InvalidParameterException', 'CodeDeliveryFailureException', 'LimitExceededException',
        'UserNotFoundException', 'UserNotConfirmedException', 'PasswordResetRequiredException', 'ResourceNotFoundException',
        'ForbiddenException', 'InvalidEmailRoleAccessPolicyException', 'InvalidSmsRoleAccessPolicyException',
        'InvalidSmsRoleTrustRelationshipException', 'InvalidLambdaResponseException', 'UnexpectedLambdaException',
        'UserLambdaValidationException'
    ) | ForEach-Object { @{ Name = $_ } }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-TestModule
    $script:Responder = Start-TestResponder
    $script:Call = @{ Region = 'us-east-1'; EndpointUrl = $script:Responder.Url }
    $script:Ns = 'Amazon.CognitoIdentityProvider.Model'
    $env:AWS_REGION = $null
}

AfterAll {
    Remove-Module PSCognitoIdentityProvider -ErrorAction Ignore
    Stop-TestResponder $script:Responder
}

Describe 'Default output' {
    It 'writes the CodeDeliveryDetails of the response as a CodeDeliveryDetailsType' {
        $result = Get-CGIPUserAttributeVerificationCode -AccessToken 'token-1' -AttributeName email @Call
        @($result).Count | Should -Be 1
        $result.PSObject.TypeNames[0] | Should -Be "$Ns.CodeDeliveryDetailsType"
        $result.AttributeName | Should -Be 'email'
        $result.DeliveryMedium | Should -Be 'EMAIL'
        $result.Destination | Should -Be 'a***@e***'
    }

    It 'writes nothing when the response has no CodeDeliveryDetails' {
        $result = Get-CGIPUserAttributeVerificationCode -AccessToken 'empty' -AttributeName email @Call
        $result | Should -BeNullOrEmpty
    }

    It 'sends the request unsigned, with the input as the service expects it' {
        $before = (Get-ResponderRequestCount $Responder)
        $null = Get-CGIPUserAttributeVerificationCode -AccessToken 'token-2' -AttributeName phone_number -ClientMetadata @{ source = 'tests'; lang = 'fr' } @Call
        (Get-ResponderRequestCount $Responder) | Should -Be ($before + 1)
        $request = Get-ResponderRequest $Responder -Index -1
        $request.headers.'x-amz-target' | Should -Be 'AWSCognitoIdentityProviderService.GetUserAttributeVerificationCode'
        $request.headers.PSObject.Properties.Name | Should -Not -Contain 'authorization'
        $request.body.AccessToken | Should -Be 'token-2'
        $request.body.AttributeName | Should -Be 'phone_number'
        $request.body.ClientMetadata.source | Should -Be 'tests'
        $request.body.ClientMetadata.lang | Should -Be 'fr'
    }
}

Describe '-Select' {
    It "'*' writes the whole response with its type names, request id and status" {
        $before = (Get-ResponderRequestCount $Responder)
        $response = Get-CGIPUserAttributeVerificationCode -AccessToken 'token-3' -AttributeName email -Select '*' @Call
        $response.PSObject.TypeNames[0] | Should -Be "$Ns.GetUserAttributeVerificationCodeResponse"
        $response.CodeDeliveryDetails.PSObject.TypeNames[0] | Should -Be "$Ns.CodeDeliveryDetailsType"
        $response.CodeDeliveryDetails.Destination | Should -Be 'a***@e***'
        $response.ResponseMetadata.PSObject.TypeNames[0] | Should -Be 'Amazon.Runtime.ResponseMetadata'
        $answered = (Get-ResponderRequest $Responder -Index ($before)).requestId
        $response.ResponseMetadata.RequestId | Should -BeExactly $answered
        $response.HttpStatusCode | Should -Be ([System.Net.HttpStatusCode]::OK)
        $response.HttpStatusCode | Should -BeOfType [System.Net.HttpStatusCode]
        [int] $response.HttpStatusCode | Should -Be 200
        $response.ContentLength | Should -BeGreaterThan 0
    }

    It 'follows a dotted path, matching names case-insensitively' {
        Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName phone_number -Select 'CodeDeliveryDetails.Destination' @Call |
            Should -Be '+*******1234'
        Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName phone_number -Select 'codedeliverydetails.DELIVERYMEDIUM' @Call |
            Should -Be 'SMS'
        Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email -Select 'ResponseMetadata.RequestId' @Call |
            Should -Match '^[0-9a-f-]{36}$'
    }

    It 'writes nothing for a path through a missing value' {
        Get-CGIPUserAttributeVerificationCode -AccessToken 'empty' -AttributeName email -Select 'CodeDeliveryDetails.Destination' @Call |
            Should -BeNullOrEmpty
    }

    It "'^Parameter' writes that parameter's value (names and aliases, any case)" {
        Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email -Select '^AttributeName' @Call | Should -Be 'email'
        Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email -Select '^attributename' @Call | Should -Be 'email'
        Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email -Select '^RegionToCall' @Call | Should -Be 'us-east-1'
    }

    It "rejects '<Select>' before any request is sent" -ForEach @(
        @{ Select = 'Nope' }
        @{ Select = '' }
        @{ Select = ' ' }
        @{ Select = 'CodeDeliveryDetails.Nope' }
        @{ Select = 'CodeDeliveryDetails.Destination.Length' }
        @{ Select = '^Nope' }
        @{ Select = '^' }
    ) {
        $before = (Get-ResponderRequestCount $Responder)
        $caught = $null
        try { Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email -Select $Select @Call } catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.Exception.Message | Should -BeExactly 'Invalid value for -Select parameter.'
        $caught.Exception | Should -BeOfType [System.ArgumentException]
        $caught.CategoryInfo.Category | Should -Be 'InvalidArgument'
        (Get-ResponderRequestCount $Responder) | Should -Be $before
    }
}

Describe 'Service errors' {
    It '<Name> becomes a terminating error named after the exception type' -ForEach $ServiceExceptions {
        $caught = $null
        try { Get-CGIPUserAttributeVerificationCode -AccessToken "error:$Name" -AttributeName email @Call } catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike "$Ns.$Name,*"
        $caught.CategoryInfo.Category | Should -Be 'InvalidOperation'
        $caught.Exception | Should -BeOfType [System.InvalidOperationException]
        $caught.Exception.InnerException.ErrorCode | Should -Be $Name
        $caught.Exception.InnerException.StatusCode | Should -Be 400
        $caught.Exception.InnerException.RequestId | Should -Match '^[0-9a-f-]{36}$'
        $caught.TargetObject | Should -BeOfType [System.Management.Automation.PSCmdlet]
        $caught.InvocationInfo.MyCommand.Name | Should -Be 'Get-CGIPUserAttributeVerificationCode'
    }

    It "keeps the service's message" {
        $caught = $null
        try { Get-CGIPUserAttributeVerificationCode -AccessToken 'error:NotAuthorizedException' -AttributeName email @Call } catch { $caught = $_ }
        $caught.Exception.Message | Should -BeExactly 'Access Token has been revoked'
    }

    It 'cannot be silenced with -ErrorAction, as in AWS Tools' {
        { Get-CGIPUserAttributeVerificationCode -AccessToken 'error:UserNotFoundException' -AttributeName email -ErrorAction SilentlyContinue @Call } |
            Should -Throw -ErrorId "$Ns.UserNotFoundException,Get-CGIPUserAttributeVerificationCode"
    }

    It 'reports a server error after the SDK has retried it' {
        $before = (Get-ResponderRequestCount $Responder)
        { Get-CGIPUserAttributeVerificationCode -AccessToken 'status:500' -AttributeName email @Call } |
            Should -Throw -ErrorId "$Ns.InternalErrorException,Get-CGIPUserAttributeVerificationCode"
        # The SDK's standard retry mode makes three attempts in all.
        (Get-ResponderRequestCount $Responder) - $before | Should -Be 3
    }

    It 'names the endpoint when the connection is refused' {
        $port = Get-ClosedPort
        $caught = $null
        try { Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email -Region us-east-1 -EndpointUrl "http://127.0.0.1:$port" } catch { $caught = $_ }
        $caught.Exception.Message | Should -BeLike "*http://127.0.0.1:$port*"
        $caught.Exception.Message | Should -BeLike '*ECONNREFUSED*'
        $caught.FullyQualifiedErrorId | Should -BeLike 'System.Net.Http.HttpRequestException,*'
    }
}

Describe 'Input checks' {
    It 'refuses a ClientMetadata value that is not a string, before any request' {
        $before = (Get-ResponderRequestCount $Responder)
        $caught = $null
        try { Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email -ClientMetadata @{ count = 3 } @Call } catch { $caught = $_ }
        $caught.Exception | Should -BeOfType [System.ArgumentException]
        $caught.Exception.Message | Should -BeLike "*ClientMetadata*'count'*string*"
        (Get-ResponderRequestCount $Responder) | Should -Be $before
    }

    It 'refuses an -EndpointUrl that is not a URL' {
        { Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email -Region us-east-1 -EndpointUrl 'not a url' } |
            Should -Throw -ExpectedMessage '*-EndpointUrl must be an absolute http or https URL*'
    }

    It 'keeps working after bad input' {
        try { Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email -ClientMetadata @{ nested = @{ a = 'b' } } @Call } catch { }
        (Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email @Call).AttributeName | Should -Be 'email'
    }
}

Describe 'Region' {
    BeforeEach {
        $env:AWS_REGION = $null
        Remove-Variable -Name StoredAWSRegion -Scope Global -ErrorAction Ignore
    }
    AfterAll { $env:AWS_REGION = $null }

    It 'fails with the AWS Tools message when no region is given or set' {
        $caught = $null
        try { Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email -EndpointUrl $Responder.Url } catch { $caught = $_ }
        $caught.Exception.Message | Should -BeExactly 'No region specified or obtained from persisted/shell defaults.'
        $caught.Exception | Should -BeOfType [System.InvalidOperationException]
        $caught.CategoryInfo.Category | Should -Be 'InvalidOperation'
    }

    It 'takes the region from AWS_REGION and says so with -Debug' {
        $env:AWS_REGION = 'eu-west-1'
        $debug = Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email -EndpointUrl $Responder.Url -Select '^Region' -Debug 5>&1 |
            Where-Object { $_ -is [System.Management.Automation.DebugRecord] }
        ($debug.Message -join "`n") | Should -BeLike '*eu-west-1*AWS_REGION*'
    }

    It 'ignores AWS_DEFAULT_REGION, as AWS Tools does' {
        $env:AWS_DEFAULT_REGION = 'eu-west-1'
        try {
            { Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email -EndpointUrl $Responder.Url } |
                Should -Throw -ExpectedMessage 'No region specified or obtained from persisted/shell defaults.'
        }
        finally { $env:AWS_DEFAULT_REGION = $null }
    }

    It 'prefers -Region to AWS_REGION, and signs nothing either way' {
        $env:AWS_REGION = 'eu-west-1'
        Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email -EndpointUrl $Responder.Url -Region ap-south-1 -Select '^Region' |
            Should -Be 'ap-south-1'
    }

    It 'binds -Region by position and from the pipeline by value' {
        Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email -EndpointUrl $Responder.Url 'us-west-2' |
            ForEach-Object AttributeName | Should -Be 'email'
        'us-west-2' | Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName phone_number -EndpointUrl $Responder.Url |
            ForEach-Object DeliveryMedium | Should -Be 'SMS'
    }

    It 'refuses a string that is not a region name' {
        { Get-CGIPUserAttributeVerificationCode -AccessToken 't' -AttributeName email -EndpointUrl $Responder.Url -Region 'US East 1' } |
            Should -Throw -ExpectedMessage '*is not a region name*us-east-1*'
    }
}

Describe 'Pipeline input by property name' {
    It 'makes one call per object, each with its own values' {
        $before = (Get-ResponderRequestCount $Responder)
        $results = @(
            [pscustomobject]@{ AccessToken = 'p1'; AttributeName = 'email'; Region = 'us-east-1'; EndpointUrl = $Responder.Url }
            [pscustomobject]@{ AccessToken = 'p2'; AttributeName = 'phone_number'; Region = 'us-east-1'; EndpointUrl = $Responder.Url }
            [pscustomobject]@{ AccessToken = 'p3'; AttributeName = 'email'; Region = 'us-east-1'; EndpointUrl = $Responder.Url }
        ) | Get-CGIPUserAttributeVerificationCode
        $results.DeliveryMedium | Should -Be @('EMAIL', 'SMS', 'EMAIL')
        $before..($before + 2) | ForEach-Object { (Get-ResponderRequest $Responder -Index $_).body.AccessToken } | Should -Be @('p1', 'p2', 'p3')
    }
}
