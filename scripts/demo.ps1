# The demo's PowerShell side: imports the built module and calls the cmdlet against the
# emulator. The access token arrives on stdin, so it is never on a command line.
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $EndpointUrl
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
