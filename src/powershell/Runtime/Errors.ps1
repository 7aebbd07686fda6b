# ErrorRecords the cmdlets throw. Terminating, as in AWS Tools for PowerShell, and
# attributed to the cmdlet through $PSCmdlet.ThrowTerminatingError.

function New-ErrorRecord {
    param([System.Exception] $Exception, [string] $ErrorId, [System.Management.Automation.ErrorCategory] $Category, $Target)
    [System.Management.Automation.ErrorRecord]::new($Exception, $ErrorId, $Category, $Target)
}

function Stop-WithArgumentError {
    param([System.Management.Automation.PSCmdlet] $Cmdlet, [string] $Message, [string] $ParameterName)
    # No paramName on the exception: .NET would append "(Parameter '...')" to a message
    # that scripts may compare exactly (such as AWS Tools' -Select message).
    $Cmdlet.ThrowTerminatingError((New-ErrorRecord ([System.ArgumentException]::new($Message)) 'System.ArgumentException' InvalidArgument $ParameterName))
}

function Stop-WithUnavailable {
    param([System.Management.Automation.PSCmdlet] $Cmdlet, [string] $ErrorId, [string] $Message)
    $Cmdlet.ThrowTerminatingError((New-ErrorRecord ([System.InvalidOperationException]::new($Message)) $ErrorId ResourceUnavailable $null))
}

# The ErrorRecord for an error reply from the bridge.
function ConvertTo-ReplyErrorRecord {
    param([System.Management.Automation.PSCmdlet] $Cmdlet, $ReplyError)

    $message = [string] $ReplyError.message
    $properties = $ReplyError.PSObject.Properties
    switch ($ReplyError.kind) {
        'service' {
            $status = if ($properties['status']) { [int] $ReplyError.status } else { 0 }
            $requestId = if ($properties['requestId']) { [string] $ReplyError.requestId } else { $null }
            # Code, status and request id, as the AWS SDK for .NET's service exceptions carry them.
            $inner = [CmdletBridge.AwsServiceException]::new($message, [string] $ReplyError.code, $status, $requestId)
            return New-ErrorRecord ([System.InvalidOperationException]::new($message, $inner)) ([string] $ReplyError.type) InvalidOperation $Cmdlet
        }
        'network' {
            $inner = [System.Net.Http.HttpRequestException]::new($message)
            return New-ErrorRecord ([System.InvalidOperationException]::new($message, $inner)) 'System.Net.Http.HttpRequestException' ConnectionError $Cmdlet
        }
        { $_ -in 'region', 'credentials' } {
            return New-ErrorRecord ([System.InvalidOperationException]::new($message)) 'InvalidOperationException' InvalidOperation $Cmdlet
        }
        { $_ -in 'input', 'select' } {
            $parameter = if ($properties['parameter']) { [string] $ReplyError.parameter } else { 'Select' }
            return New-ErrorRecord ([System.ArgumentException]::new($message)) 'System.ArgumentException' InvalidArgument $parameter
        }
        'cancelled' {
            return New-ErrorRecord ([System.OperationCanceledException]::new($message)) 'OperationCanceled' OperationStopped $Cmdlet
        }
        default {
            return New-ErrorRecord ([System.InvalidOperationException]::new($message)) "Bridge.$($ReplyError.kind)" InvalidResult $Cmdlet
        }
    }
}
