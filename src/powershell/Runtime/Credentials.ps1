# Credentials for signed cmdlets, in AWS Tools' order: -AccessKey/-SecretKey/-SessionToken,
# then -Credential, then -ProfileName, then this session's AWS_* environment variables.
# Anything further down the chain (the default profile, SSO, container and instance
# credentials) the bridge leaves to the AWS SDK's default provider chain. Keys go only
# into the request to the bridge: never into history, messages or the command line.

# The request members that carry the credentials choice: credentials, profile.
function Get-CredentialRequest {
    param([System.Management.Automation.PSCmdlet] $Cmdlet, [System.Collections.IDictionary] $Bound)

    $request = @{}
    if ($Bound.ContainsKey('AccessKey') -or $Bound.ContainsKey('SecretKey')) {
        $request.credentials = @{ accessKeyId = [string] $Bound['AccessKey']; secretAccessKey = [string] $Bound['SecretKey'] }
        if ($Bound['SessionToken']) { $request.credentials.sessionToken = [string] $Bound['SessionToken'] }
        return $request
    }
    if ($Bound.ContainsKey('Credential') -and $null -ne $Bound['Credential']) {
        $request.credentials = ConvertFrom-CredentialObject -Cmdlet $Cmdlet -Credential $Bound['Credential']
        return $request
    }
    if ($Bound['ProfileName']) {
        $request.profile = [string] $Bound['ProfileName']
        return $request
    }
    # The session's environment, which may have changed since the bridge started.
    if ($env:AWS_ACCESS_KEY_ID -and $env:AWS_SECRET_ACCESS_KEY) {
        $request.credentials = @{ accessKeyId = $env:AWS_ACCESS_KEY_ID; secretAccessKey = $env:AWS_SECRET_ACCESS_KEY }
        if ($env:AWS_SESSION_TOKEN) { $request.credentials.sessionToken = $env:AWS_SESSION_TOKEN }
    }
    elseif ($env:AWS_PROFILE) {
        $request.profile = $env:AWS_PROFILE
    }
    $request
}

# -Credential: a PSCredential (user name = access key id, password = secret key), or an
# object or hashtable with AccessKey/AccessKeyId, SecretKey/SecretAccessKey, SessionToken.
function ConvertFrom-CredentialObject {
    param([System.Management.Automation.PSCmdlet] $Cmdlet, $Credential)

    $base = $Credential.psobject.BaseObject
    if ($base -is [pscredential]) {
        return @{ accessKeyId = $base.UserName; secretAccessKey = $base.GetNetworkCredential().Password }
    }
    $read = {
        param([string[]] $Names)
        foreach ($name in $Names) {
            if ($base -is [System.Collections.IDictionary]) {
                if ($base.Contains($name)) { return [string] $base[$name] }
            }
            elseif ($null -ne $Credential.PSObject.Properties[$name]) { return [string] $Credential.$name }
        }
        $null
    }
    $keys = @{
        accessKeyId     = & $read @('AccessKeyId', 'AccessKey')
        secretAccessKey = & $read @('SecretAccessKey', 'SecretKey')
    }
    $token = & $read @('SessionToken', 'Token')
    if ($token) { $keys.sessionToken = $token }
    if (-not $keys.accessKeyId -or -not $keys.secretAccessKey) {
        Stop-WithArgumentError -Cmdlet $Cmdlet -ParameterName 'Credential' -Message (
            '-Credential takes a PSCredential (user name = access key id, password = secret access key) or an ' +
            'object with AccessKeyId and SecretAccessKey (and optionally SessionToken); the value given has no ' +
            $(if (-not $keys.accessKeyId) { 'access key id' } else { 'secret access key' }) + '.')
    }
    $keys
}
