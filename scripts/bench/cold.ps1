# One cold call: import the module and call the cmdlet once (token on stdin).
param([Parameter(Mandatory)] [string] $ModuleManifest, [Parameter(Mandatory)] [string] $EndpointUrl)
$token = [Console]::In.ReadLine()
Import-Module $ModuleManifest
$null = Get-CGIPUserAttributeVerificationCode -AccessToken $token -AttributeName email -Region us-east-1 -EndpointUrl $EndpointUrl -Select '*'
