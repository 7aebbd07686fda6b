# $AWSHistory, as AWS Tools for PowerShell keeps it: the last few cmdlet invocations,
# newest first, each with the responses (and, when asked, the requests) of its service
# calls. Sensitive request members are redacted unless sensitive data is asked for.

# The history objects are CmdletBridge.AWSHistory and CmdletBridge.AWSCmdletHistory
# (src/dotnet/History.cs).

$script:HistorySettings = @{
    MaxCmdletHistory      = 5
    MaxServiceCallHistory = 5
    RecordServiceRequests = $false
    IncludeSensitiveData  = $false
}
$script:RedactedValue = '*****'

# Ours, or $null when $AWSHistory belongs to someone else (AWS.Tools.Common, say).
# Read as a variable, not with Get-Variable: this runs on every call, and the cmdlet
# costs a few tenths of a millisecond each time.
function Get-HistoryStore {
    $current = try { $global:AWSHistory } catch { $null }
    if ($null -eq $current) {
        $current = [CmdletBridge.AWSHistory]::new()
        $global:AWSHistory = $current
    }
    if ($current -is [CmdletBridge.AWSHistory]) { $current } else { $null }
}

function Start-CmdletHistory {
    param([string] $CmdletName)
    if ($script:HistorySettings.MaxCmdletHistory -le 0) { return $null }
    $store = Get-HistoryStore
    if ($null -eq $store) { return $null }
    $entry = [CmdletBridge.AWSCmdletHistory]::new()
    $entry.CmdletName = $CmdletName
    $entry.CmdletStart = [datetime]::Now
    $store.Commands.Insert(0, $entry)
    while ($store.Commands.Count -gt $script:HistorySettings.MaxCmdletHistory) { $store.Commands.RemoveAt($store.Commands.Count - 1) }
    $store.LastCommand = $entry
    $entry
}

function Complete-CmdletHistory {
    param($Entry)
    if ($null -ne $Entry) { $Entry.CmdletEnd = [datetime]::Now }
}

function Add-HistoryResponse {
    param($Entry, $Response)
    if ($null -eq $Entry) { return }
    # Add-Bounded and Get-HistoryStore inline: this runs on every call.
    $responses = $Entry.Responses
    $responses.Add($Response)
    while ($responses.Count -gt $script:HistorySettings.MaxServiceCallHistory) { $responses.RemoveAt(0) }
    $Entry.LastServiceResponse = $Response
    $store = try { $global:AWSHistory } catch { $null }
    if ($store -is [CmdletBridge.AWSHistory]) { $store.LastServiceResponse = $Response }
}

# Records the request, when requests are recorded, with sensitive members redacted
# unless sensitive data is asked for.
function Add-HistoryRequest {
    param($Entry, [string] $TypeName, [System.Collections.IDictionary] $Parameters, [string[]] $Sensitive)
    if ($null -eq $Entry -or -not $script:HistorySettings.RecordServiceRequests) { return }
    $request = [ordered]@{ PSTypeName = $TypeName }
    foreach ($key in $Parameters.Keys) {
        $redact = -not $script:HistorySettings.IncludeSensitiveData -and $Sensitive -contains $key -and $null -ne $Parameters[$key]
        $request[$key] = if ($redact) { $script:RedactedValue } else { $Parameters[$key] }
    }
    $request = [pscustomobject] $request
    Add-Bounded -List $Entry.Requests -Item $request
    $Entry.LastServiceRequest = $request
    $store = Get-HistoryStore
    if ($null -ne $store) { $store.LastServiceRequest = $request }
}

function Add-Bounded {
    param([System.Collections.Generic.List[object]] $List, $Item)
    $List.Add($Item)
    while ($List.Count -gt $script:HistorySettings.MaxServiceCallHistory) { $List.RemoveAt(0) }
}

function Set-AWSHistoryConfiguration {
    <#
    .SYNOPSIS
    Sets how much $AWSHistory keeps, and whether it records requests.

    .DESCRIPTION
    $AWSHistory keeps the last cmdlet invocations (newest first) and, for each, the
    responses of its service calls. Requests are recorded only with
    -RecordServiceRequests, and then without sensitive values such as access tokens
    unless -IncludeSensitiveData is also given.

    .PARAMETER MaxCmdletHistory
    How many cmdlet invocations to keep (default 5). 0 turns the history off and clears it.

    .PARAMETER MaxServiceCallHistory
    How many service calls to keep for each invocation (default 5; at least 1).

    .PARAMETER RecordServiceRequests
    Record each request as well as its response.

    .PARAMETER IncludeSensitiveData
    Keep sensitive values (such as -AccessToken) in recorded requests instead of redacting them.

    .EXAMPLE
    Set-AWSHistoryConfiguration -MaxCmdletHistory 20 -RecordServiceRequests

    .EXAMPLE
    Set-AWSHistoryConfiguration -MaxCmdletHistory 0
    #>
    [CmdletBinding()]
    param(
        [int] $MaxCmdletHistory = -1,
        [int] $MaxServiceCallHistory = -1,
        [switch] $RecordServiceRequests,
        [switch] $IncludeSensitiveData
    )

    if ($PSBoundParameters.ContainsKey('MaxCmdletHistory')) {
        if ($MaxCmdletHistory -lt 0) {
            Stop-WithArgumentError -Cmdlet $PSCmdlet -ParameterName 'MaxCmdletHistory' -Message '-MaxCmdletHistory must be 0 (no history) or more.'
        }
        $script:HistorySettings.MaxCmdletHistory = $MaxCmdletHistory
        $store = Get-HistoryStore
        if ($null -ne $store) {
            if ($MaxCmdletHistory -eq 0) { $store.Clear() }
            while ($store.Commands.Count -gt $MaxCmdletHistory) { $store.Commands.RemoveAt($store.Commands.Count - 1) }
        }
    }
    if ($PSBoundParameters.ContainsKey('MaxServiceCallHistory')) {
        if ($MaxServiceCallHistory -le 0) {
            Stop-WithArgumentError -Cmdlet $PSCmdlet -ParameterName 'MaxServiceCallHistory' -Message '-MaxServiceCallHistory must be 1 or more.'
        }
        $script:HistorySettings.MaxServiceCallHistory = $MaxServiceCallHistory
    }
    $script:HistorySettings.RecordServiceRequests = $RecordServiceRequests.IsPresent
    $script:HistorySettings.IncludeSensitiveData = $IncludeSensitiveData.IsPresent
}
