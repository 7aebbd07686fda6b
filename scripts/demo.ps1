# The demo's PowerShell side: a script written the way AWS Tools users write them (session
# commands first, then cmdlets with no credential or endpoint parameters) runs unchanged on
# this module against the emulator. Where the emulator is, and where the profiles go, comes
# from the environment demo.mjs sets (AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER,
# AWS_SHARED_CREDENTIALS_FILE, AWS_CONFIG_FILE), as it would for the AWS CLI. The access
# token arrives on stdin, so it is never on a command line.
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $EmulatorDir
)
$ErrorActionPreference = 'Stop'
$token = [Console]::In.ReadLine()
Import-Module $ModuleManifest

# Shows each step as the script has it, then runs it; called as `. Show`, so that the step runs in the script's scope.
function Show([scriptblock] $Step) {
    ''
    foreach ($line in ($Step.ToString().Trim() -split '\r?\n')) { "> $($line.Trim())" }
    . $Step
}

"PowerShell $($PSVersionTable.PSVersion), module $((Get-Module PSCognitoIdentityProvider).Version); endpoint from AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: $env:AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"

. Show { Set-AWSCredential -AccessKey AKIDEXAMPLEDEMO -SecretKey 'demo-secret-key' -StoreAs demo }
. Show { Initialize-AWSDefaultConfiguration -ProfileName demo -Region us-east-1 }
. Show { Get-AWSCredential -ListProfileDetail | Format-Table -AutoSize | Out-String -Stream | Where-Object { $_ } }

. Show {
    $pool = Get-CGIPUserPoolList | Where-Object Name -EQ 'demo-pool'
    Get-CGIPUserList -UserPoolId $pool.Id | Select-Object Username, UserStatus, Enabled | Format-Table | Out-String -Stream | Where-Object { $_ }
}

. Show { Get-CGIPUserAttributeVerificationCode -AccessToken $token -AttributeName email }
'(no output: like the real service, the cmdlet writes CodeDeliveryDetails, and cognito-local leaves it out of its answer)'

. Show { $response = Get-CGIPUserAttributeVerificationCode -AccessToken $token -AttributeName email -Select '*' }
"  type           : $($response.PSObject.TypeNames[0])"
"  HttpStatusCode : $($response.HttpStatusCode) ($([int] $response.HttpStatusCode))"
"  ContentLength  : $($response.ContentLength)"

. Show { try { Get-CGIPUserAttributeVerificationCode -AccessToken 'not-a-token' -AttributeName email } catch { $failure = $_ } }
"  ErrorId : $($failure.FullyQualifiedErrorId)"
"  Message : $($failure.Exception.Message)"

# The code the emulator "sent" (it keeps it in its data folder; a user would read an email).
$db = Get-Content -Raw (Join-Path $EmulatorDir '.cognito' 'db' "$($pool.Id).json") | ConvertFrom-Json -AsHashtable
$email = ((Get-CGIPUser -AccessToken $token).UserAttributes | Where-Object Name -EQ 'email').Value
$code = ($db.Users.Values | Where-Object { $_.Attributes | Where-Object { $_.Name -eq 'email' -and $_.Value -eq $email } }).AttributeVerificationCode
''
"The emulator delivered verification code $code to $email."
. Show { Test-CGIPUserAttribute -AccessToken $token -AttributeName email -Code $code }
$verified = ((Get-CGIPUser -AccessToken $token).UserAttributes | Where-Object Name -EQ 'email_verified').Value
"  accepted: email_verified = $verified"

$bridge = Get-Process node | Where-Object { $_.Parent.Id -eq $PID -and $_.CommandLine -like '*bridge.cjs*' }
''
"Every call went through one Node.js bridge process (pid $($bridge.Id)), the signed ones with the key stored in profile 'demo': no cmdlet was given credentials, a region or an endpoint."
"The module has $((Get-Command -Module PSCognitoIdentityProvider -Name '*-CGIP*').Count) cmdlets, one per Cognito Identity Provider operation, and AWS.Tools.Common's session commands; see Get-Command -Module PSCognitoIdentityProvider."
