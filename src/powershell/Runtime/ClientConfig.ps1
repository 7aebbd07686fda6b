# -ClientConfig: a hashtable of AWS SDK for .NET client settings, translated into the
# JavaScript SDK's terms. Unknown keys are errors, so a typo is not silently ignored.

$script:ClientConfigKeys = 'ServiceURL', 'RegionEndpoint', 'MaxErrorRetry', 'Timeout', 'RetryMode', 'UseFIPSEndpoint', 'UseDualstackEndpoint'

function Resolve-EndpointUrl {
    param([System.Management.Automation.PSCmdlet] $Cmdlet, [string] $Endpoint, [string] $Source)
    $uri = $null
    if (-not [Uri]::TryCreate($Endpoint, [UriKind]::Absolute, [ref] $uri) -or $uri.Scheme -notin 'http', 'https') {
        Stop-WithArgumentError -Cmdlet $Cmdlet -ParameterName $Source -Message (
            "$Source must be an absolute http or https URL such as https://service.example.com or http://127.0.0.1:9229, but was '$Endpoint'.")
    }
    $Endpoint
}

# Returns @{ Region; Endpoint; Settings } (each $null when not given).
function ConvertFrom-ClientConfig {
    param([System.Management.Automation.PSCmdlet] $Cmdlet, [System.Collections.IDictionary] $ClientConfig)

    $result = @{ Region = $null; Endpoint = $null; Settings = $null }
    if ($null -eq $ClientConfig) { return $result }
    $settings = @{}
    $fail = { param($message) Stop-WithArgumentError -Cmdlet $Cmdlet -ParameterName 'ClientConfig' -Message "ClientConfig.$message" }
    foreach ($key in $ClientConfig.Keys) {
        $value = $ClientConfig[$key]
        switch ([string] $key) {
            'ServiceURL' { $result.Endpoint = Resolve-EndpointUrl -Cmdlet $Cmdlet -Endpoint $value -Source 'ClientConfig.ServiceURL' }
            'RegionEndpoint' {
                $region = ConvertTo-RegionName $value
                Assert-RegionName -Cmdlet $Cmdlet -Region $region -Source 'ClientConfig.RegionEndpoint' -ParameterName 'ClientConfig'
                $result.Region = $region
            }
            'MaxErrorRetry' {
                if (($value -isnot [int] -and $value -isnot [long]) -or $value -lt 0) { & $fail 'MaxErrorRetry must be a whole number of 0 or more.' }
                $settings.maxAttempts = [int] $value + 1
            }
            'Timeout' {
                $ms = if ($value -is [TimeSpan]) { $value.TotalMilliseconds }
                elseif ($value -is [int] -or $value -is [long] -or $value -is [double]) { [double] $value }
                else { -1 }
                if ($ms -le 0) { & $fail 'Timeout must be a positive TimeSpan, or a number of milliseconds.' }
                $settings.timeoutMs = [long] $ms
            }
            'RetryMode' {
                $mode = ([string] $value).ToLowerInvariant()
                if ($mode -notin 'standard', 'adaptive') { & $fail "RetryMode must be Standard or Adaptive, not '$value'." }
                $settings.retryMode = $mode
            }
            'UseFIPSEndpoint' {
                if ($value -isnot [bool]) { & $fail 'UseFIPSEndpoint must be $true or $false.' }
                $settings.useFipsEndpoint = $value
            }
            'UseDualstackEndpoint' {
                if ($value -isnot [bool]) { & $fail 'UseDualstackEndpoint must be $true or $false.' }
                $settings.useDualstackEndpoint = $value
            }
            default {
                & $fail "$key is not a setting this module knows. Supported settings: $($script:ClientConfigKeys -join ', ')."
            }
        }
    }
    if ($settings.Count -gt 0) { $result.Settings = $settings }
    $result
}
