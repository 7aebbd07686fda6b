# The demo's PowerShell side: imports the built module and calls its cmdlets against the
# emulator. The access token arrives on stdin, so it is never on a command line.
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $EndpointUrl,
    [Parameter(Mandatory)] [string] $EmulatorDir,
    [Parameter(Mandatory)] [string] $UserPoolId
)
$ErrorActionPreference = 'Stop'
$token = [Console]::In.ReadLine()

Import-Module $ModuleManifest
"PowerShell $($PSVersionTable.PSVersion), module $((Get-Module PSCognitoIdentityProvider).Version)"
''
'> Get-CGIPUserAttributeVerificationCode -AccessToken $token -AttributeName email -Region us-east-1 -EndpointUrl ' + $EndpointUrl
$details = Get-CGIPUserAttributeVerificationCode -AccessToken $token -AttributeName email -Region us-east-1 -EndpointUrl $EndpointUrl
if ($null -eq $details) {
    '(no output: like the real service, the cmdlet writes CodeDeliveryDetails, and cognito-local leaves it out of its answer)'
}
else { $details | Format-List | Out-String -Stream | Where-Object { $_ } }
''
"> ... -Select '*'"
$response = Get-CGIPUserAttributeVerificationCode -AccessToken $token -AttributeName email -Region us-east-1 -EndpointUrl $EndpointUrl -Select '*'
"  type           : $($response.PSObject.TypeNames[0])"
"  HttpStatusCode : $($response.HttpStatusCode) ($([int] $response.HttpStatusCode))"
"  ContentLength  : $($response.ContentLength)"
''
'> a garbage token'
try {
    Get-CGIPUserAttributeVerificationCode -AccessToken 'not-a-token' -AttributeName email -Region us-east-1 -EndpointUrl $EndpointUrl
}
catch {
    "  ErrorId : $($_.FullyQualifiedErrorId)"
    "  Message : $($_.Exception.Message)"
}
$bridge = Get-Process node | Where-Object { $_.Parent.Id -eq $PID -and $_.CommandLine -like '*bridge.cjs*' }
''
"All three calls went through one Node.js bridge process (pid $($bridge.Id))."

# The code the emulator "sent" (it keeps it in its data folder; a user would read an email).
$db = Get-Content -Raw (Join-Path $EmulatorDir '.cognito' 'db' "$UserPoolId.json") | ConvertFrom-Json -AsHashtable
$me = Get-CGIPUser -AccessToken $token -Region us-east-1 -EndpointUrl $EndpointUrl
$email = ($me.UserAttributes | Where-Object Name -EQ 'email').Value
$code = ($db.Users.Values | Where-Object { $_.Attributes | Where-Object { $_.Name -eq 'email' -and $_.Value -eq $email } }).AttributeVerificationCode
''
"The emulator delivered verification code $code to $email."
'> Test-CGIPUserAttribute -AccessToken $token -AttributeName email -Code ' + $code
Test-CGIPUserAttribute -AccessToken $token -AttributeName email -Code $code -Region us-east-1 -EndpointUrl $EndpointUrl
$verified = ((Get-CGIPUser -AccessToken $token -Region us-east-1 -EndpointUrl $EndpointUrl).UserAttributes | Where-Object Name -EQ 'email_verified').Value
"  accepted: email_verified = $verified"
''
"> Get-CGIPUserList -UserPoolId $UserPoolId   (a signed cmdlet: the emulator takes any keys)"
Get-CGIPUserList -UserPoolId $UserPoolId -Region us-east-1 -EndpointUrl $EndpointUrl -AccessKey 'local' -SecretKey 'local' |
    Select-Object Username, UserStatus, Enabled | Format-Table | Out-String -Stream | Where-Object { $_ }
''
"The module has $((Get-Command -Module PSCognitoIdentityProvider -Name '*-CGIP*').Count) cmdlets, one per Cognito Identity Provider operation; see Get-Command -Module PSCognitoIdentityProvider."
