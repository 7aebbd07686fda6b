# Reliability and security: bad input, faults in the bridge and the server, secrets,
# the integrity of the protocol stream, and concurrent use from many runspaces.

BeforeDiscovery {
    # Bad input: each case must fail with a clear PowerShell error (no Node stack trace,
    # no raw JSON), send no request, and leave the bridge answering the next call.
    # Expect is a wildcard for the error message.
    $BadInput = @(
        # -AccessToken
        @{ Case = 'AccessToken $null'; Splat = @{ AccessToken = $null }; Expect = '-AccessToken is required, and the value given was $null.' }
        @{ Case = 'AccessToken empty'; Splat = @{ AccessToken = '' }; Expect = '-AccessToken is required, and the value given was empty.' }
        @{ Case = 'AccessToken hashtable'; Splat = @{ AccessToken = @{ a = 1 } }; Expect = "*parameter 'AccessToken'. A string is expected, but the value given was a hashtable." }
        @{ Case = 'AccessToken array'; Splat = @{ AccessToken = @('a', 'b') }; Expect = "*parameter 'AccessToken'. A string is expected, but the value given was an array." }
        @{ Case = 'AccessToken script block'; Splat = @{ AccessToken = { 'x' } }; Expect = "*'AccessToken'*script block*" }
        @{ Case = 'AccessToken object'; Splat = @{ AccessToken = [pscustomobject]@{ a = 1 } }; Expect = "*parameter 'AccessToken'. A string is expected, but the value given was an object of type System.Management.Automation.PSCustomObject." }
        @{ Case = 'AccessToken list'; Splat = @{ AccessToken = [System.Collections.Generic.List[string]] @('a', 'b') }; Expect = "*parameter 'AccessToken'. A string is expected, but the value given was an array." }
        # -AttributeName
        @{ Case = 'AttributeName $null'; Splat = @{ AttributeName = $null }; Expect = '-AttributeName is required, and the value given was $null.' }
        @{ Case = 'AttributeName empty'; Splat = @{ AttributeName = '' }; Expect = '-AttributeName is required, and the value given was empty.' }
        @{ Case = 'AttributeName hashtable'; Splat = @{ AttributeName = @{} }; Expect = "*parameter 'AttributeName'. A string is expected, but the value given was a hashtable." }
        @{ Case = 'AttributeName array'; Splat = @{ AttributeName = @('email', 'phone_number') }; Expect = "*parameter 'AttributeName'. A string is expected, but the value given was an array." }
        @{ Case = 'AttributeName script block'; Splat = @{ AttributeName = { 'email' } }; Expect = "*'AttributeName'*script block*" }
        @{ Case = 'AttributeName object'; Splat = @{ AttributeName = [pscustomobject]@{} }; Expect = "*parameter 'AttributeName'. A string is expected*" }
        # -ClientMetadata
        @{ Case = 'ClientMetadata string'; Splat = @{ ClientMetadata = 'text' }; Expect = "*ClientMetadata*Hashtable*" }
        @{ Case = 'ClientMetadata number'; Splat = @{ ClientMetadata = 42 }; Expect = "*ClientMetadata*Hashtable*" }
        @{ Case = 'ClientMetadata array'; Splat = @{ ClientMetadata = @(1, 2) }; Expect = "*ClientMetadata*Hashtable*" }
        @{ Case = 'ClientMetadata object'; Splat = @{ ClientMetadata = [pscustomobject]@{ a = 'b' } }; Expect = "*ClientMetadata*Hashtable*" }
        @{ Case = 'ClientMetadata number value'; Splat = @{ ClientMetadata = @{ n = 1 } }; Expect = "-ClientMetadata takes string values only, but the value for key 'n' is a number. Convert it to a string first." }
        @{ Case = 'ClientMetadata boolean value'; Splat = @{ ClientMetadata = @{ n = $true } }; Expect = "*value for key 'n' is a boolean*" }
        @{ Case = 'ClientMetadata null value'; Splat = @{ ClientMetadata = @{ n = $null } }; Expect = "*value for key 'n' is null*" }
        @{ Case = 'ClientMetadata nested hashtable'; Splat = @{ ClientMetadata = @{ n = @{ x = 'y' } } }; Expect = "*value for key 'n' is an object*" }
        @{ Case = 'ClientMetadata array value'; Splat = @{ ClientMetadata = @{ n = @('a', 'b') } }; Expect = "*value for key 'n' is an array*" }
        @{ Case = 'ClientMetadata script block value'; Splat = @{ ClientMetadata = @{ n = { 'x' } } }; Expect = "*value for key 'n' is a script block*" }
        @{ Case = 'ClientMetadata date value'; Splat = @{ ClientMetadata = @{ n = [datetime]'2026-01-01' } }; Expect = "*value for key 'n' is a date*" }
        @{ Case = 'ClientMetadata number key'; Splat = @{ ClientMetadata = @{ 1 = 'a' } }; Expect = "-ClientMetadata takes string keys only, but key '1' is a Int32. Quote it to make it a string." }
        @{ Case = 'ClientMetadata object value'; Splat = @{ ClientMetadata = @{ n = [pscustomobject]@{ x = 1 } } }; Expect = "*value for key 'n' is an object*" }
        # -Select
        @{ Case = 'Select empty'; Splat = @{ Select = '' }; Expect = 'Invalid value for -Select parameter.' }
        @{ Case = 'Select blank'; Splat = @{ Select = '   ' }; Expect = 'Invalid value for -Select parameter.' }
        @{ Case = 'Select unknown'; Splat = @{ Select = 'Nope' }; Expect = 'Invalid value for -Select parameter.' }
        @{ Case = 'Select caret only'; Splat = @{ Select = '^' }; Expect = 'Invalid value for -Select parameter.' }
        @{ Case = 'Select unknown parameter'; Splat = @{ Select = '^Nope' }; Expect = 'Invalid value for -Select parameter.' }
        @{ Case = 'Select empty segment'; Splat = @{ Select = 'CodeDeliveryDetails..Destination' }; Expect = 'Invalid value for -Select parameter.' }
        @{ Case = 'Select wildcard path'; Splat = @{ Select = '*.Destination' }; Expect = 'Invalid value for -Select parameter.' }
        @{ Case = 'Select JSON'; Splat = @{ Select = '{"a":1}' }; Expect = 'Invalid value for -Select parameter.' }
        @{ Case = 'Select hashtable'; Splat = @{ Select = @{} }; Expect = "*parameter 'Select'. A string is expected, but the value given was a hashtable." }
        @{ Case = 'Select array'; Splat = @{ Select = @('*', 'CodeDeliveryDetails') }; Expect = "*parameter 'Select'. A string is expected, but the value given was an array." }
        # -Region
        @{ Case = 'Region with spaces'; Splat = @{ Region = 'US East 1' }; Expect = "'US East 1' (from -Region) is not a region name.*us-east-1*" }
        @{ Case = 'Region with a trailing space'; Splat = @{ Region = 'us-east-1 ' }; Expect = "'us-east-1 ' (from -Region) is not a region name.*" }
        @{ Case = 'Region upper case'; Splat = @{ Region = 'US-EAST-1' }; Expect = "'US-EAST-1' (from -Region) is not a region name.*" }
        @{ Case = 'Region number'; Splat = @{ Region = 5 }; Expect = "'5' (from -Region) is not a region name.*" }
        @{ Case = 'Region hashtable'; Splat = @{ Region = @{ a = 1 } }; Expect = "*(from -Region) is not a region name.*" }
        @{ Case = 'Region array'; Splat = @{ Region = @('us-east-1', 'eu-west-1') }; Expect = "*(from -Region) is not a region name.*" }
        @{ Case = 'Region with a newline'; Splat = @{ Region = "us-east-1`nx" }; Expect = "*(from -Region) is not a region name.*" }
        # -EndpointUrl
        @{ Case = 'EndpointUrl not a URL'; Splat = @{ EndpointUrl = 'not a url' }; Expect = "-EndpointUrl must be an absolute http or https URL*'not a url'." }
        @{ Case = 'EndpointUrl ftp'; Splat = @{ EndpointUrl = 'ftp://127.0.0.1/' }; Expect = '-EndpointUrl must be an absolute http or https URL*' }
        @{ Case = 'EndpointUrl without scheme'; Splat = @{ EndpointUrl = '127.0.0.1:9229' }; Expect = '-EndpointUrl must be an absolute http or https URL*' }
        @{ Case = 'EndpointUrl relative'; Splat = @{ EndpointUrl = '/cognito' }; Expect = '-EndpointUrl must be an absolute http or https URL*' }
        @{ Case = 'EndpointUrl hashtable'; Splat = @{ EndpointUrl = @{} }; Expect = "*parameter 'EndpointUrl'. A string is expected*" }
        # -ProfileLocation (read only when no region is given)
        @{ Case = 'ProfileLocation missing file'; Splat = @{ Region = $null; ProfileLocation = '/no/such/profile.ini' }; Expect = "-ProfileLocation '/no/such/profile.ini' does not exist." }
        @{ Case = 'ProfileLocation hashtable'; Splat = @{ ProfileLocation = @{} }; Expect = "*parameter 'ProfileLocation'. A string is expected*" }
        # -ClientConfig
        @{ Case = 'ClientConfig string'; Splat = @{ ClientConfig = 'fast' }; Expect = "*ClientConfig*Hashtable*" }
        @{ Case = 'ClientConfig unknown key'; Splat = @{ ClientConfig = @{ Retries = 1 } }; Expect = 'ClientConfig.Retries is not a setting this module knows.*' }
        @{ Case = 'ClientConfig MaxErrorRetry text'; Splat = @{ ClientConfig = @{ MaxErrorRetry = 'x' } }; Expect = 'ClientConfig.MaxErrorRetry must be a whole number of 0 or more.' }
        @{ Case = 'ClientConfig negative Timeout'; Splat = @{ ClientConfig = @{ Timeout = -5 } }; Expect = 'ClientConfig.Timeout must be a positive TimeSpan*' }
        @{ Case = 'ClientConfig bad ServiceURL'; Splat = @{ ClientConfig = @{ ServiceURL = 'x' } }; Expect = 'ClientConfig.ServiceURL must be an absolute http or https URL*' }
        @{ Case = 'ClientConfig bad RetryMode'; Splat = @{ ClientConfig = @{ RetryMode = 'eager' } }; Expect = "ClientConfig.RetryMode must be Standard or Adaptive*" }
        @{ Case = 'ClientConfig FIPS as text'; Splat = @{ ClientConfig = @{ UseFIPSEndpoint = 'yes' } }; Expect = 'ClientConfig.UseFIPSEndpoint must be $true or $false.' }
        @{ Case = 'ClientConfig bad RegionEndpoint'; Splat = @{ Region = $null; ClientConfig = @{ RegionEndpoint = 'Europe' } }; Expect = "'Europe' (from ClientConfig.RegionEndpoint) is not a region name.*" }
    )

    # Values that are valid, however odd: each must reach the service exactly as given.
    $RoundTrip = @(
        @{ Case = 'a token with newlines'; Token = "line1`nline2`r`nline3" }
        @{ Case = 'a token with quotes and backslashes'; Token = 'a"b''c\d\\e\"f' }
        @{ Case = 'a token that is a JSON fragment'; Token = '"},"id":"x","op":"Nope","params":{"a":"' }
        @{ Case = 'a token with a NUL and control characters'; Token = "a`0b`tc`u{1}d`u{1f}e" }
        @{ Case = 'a token with emoji and CJK'; Token = "🔑鍵-ключ-مفتاح" }
        @{ Case = 'a token with a lone surrogate'; Token = "a$([char] 0xD800)b" }
        @{ Case = 'a token with combining marks'; Token = "e$([char] 0x301)$([char] 0x308)" }
        @{ Case = 'a 1 MiB token'; Token = ('0123456789abcdef' * 65536) }
        @{ Case = 'a token that looks like PowerShell'; Token = '$(Remove-Item -Recurse /); `$x' }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-TestModule
    $script:Responder = Start-TestResponder
    $script:Url = $script:Responder.Url
    $script:Base = @{ AccessToken = 't'; AttributeName = 'email'; Region = 'us-east-1'; EndpointUrl = $script:Url }
    $env:AWS_REGION = $null

    function Assert-ClearError {
        param($ErrorRecord, [string] $Expect)
        $ErrorRecord | Should -Not -BeNullOrEmpty -Because 'the call should have failed'
        $message = $ErrorRecord.Exception.Message
        $message | Should -BeLike $Expect
        $message | Should -Not -Match '(?m)^\s*at .+\.(c?js|ts):\d+'
        $message | Should -Not -Match '^\s*[\[{]'
    }

    # $AWSHistory as text: requests and responses as JSON, errors by their messages (the
    # object graph behind an ErrorRecord is too deep to serialise whole).
    function Get-HistoryText {
        $parts = foreach ($command in $AWSHistory.Commands) {
            foreach ($item in @($command.Requests) + @($command.Responses)) {
                if ($item -is [System.Management.Automation.ErrorRecord]) { "$($item.Exception.Message) $($item.Exception.InnerException)" }
                else { ConvertTo-Json -InputObject $item -Depth 6 -Compress -WarningAction Ignore }
            }
        }
        $parts -join "`n"
    }

    function Assert-BridgeAnswers {
        param($ExpectedPid)
        (Get-CGIPUserAttributeVerificationCode @Base).Destination | Should -Be 'a***@e***'
        if ($ExpectedPid) { Get-BridgeProcessId | Should -Be $ExpectedPid }
    }
}

AfterAll {
    Remove-Module PSCognitoIdentityProvider -ErrorAction Ignore
    Stop-TestResponder $script:Responder
}

Describe 'Bad input' {
    BeforeAll { Assert-BridgeAnswers }

    It '<Case>: a clear error, no request, and the bridge still answers' -ForEach $BadInput {
        $bridgePid = Get-BridgeProcessId
        $before = (Get-ResponderRequestCount $Responder)
        $arguments = $Base.Clone()
        foreach ($key in $Splat.Keys) { $arguments[$key] = $Splat[$key] }
        $caught = $null
        try { Get-CGIPUserAttributeVerificationCode @arguments } catch { $caught = $_ }
        Assert-ClearError $caught $Expect
        (Get-ResponderRequestCount $Responder) | Should -Be $before -Because 'no request may be sent for invalid input'
        Assert-BridgeAnswers -ExpectedPid $bridgePid
    }

    It 'an unreachable endpoint: a clear error naming it, and the bridge still answers' {
        $bridgePid = Get-BridgeProcessId
        $port = Get-ClosedPort
        $caught = $null
        try { Get-CGIPUserAttributeVerificationCode @Base -EndpointUrl "http://127.0.0.1:$port" } catch { $caught = $_ }
        Assert-ClearError $caught "Could not get a response from http://127.0.0.1:$port/*ECONNREFUSED*"
        Assert-BridgeAnswers -ExpectedPid $bridgePid
    }

    # PowerShell reports pipeline binding errors itself (not through -ErrorVariable), so
    # they are collected from the error stream.
    It 'piped objects with a missing property: that item fails, the others go through' {
        $before = (Get-ResponderRequestCount $Responder)
        $output = @(
            [pscustomobject]@{ AccessToken = 'p1'; AttributeName = 'email' }
            [pscustomobject]@{ AttributeName = 'email' }
            [pscustomobject]@{ AccessToken = 'p3'; AttributeName = 'phone_number'; Extra = 'ignored'; Another = 42 }
        ) | Get-CGIPUserAttributeVerificationCode -Region us-east-1 -EndpointUrl $Url -ErrorAction Continue 2>&1
        $errors = @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        ($output | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] }).DeliveryMedium | Should -Be @('EMAIL', 'SMS')
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InputObjectMissingMandatory,*'
        $errors[0].Exception.Message | Should -BeLike '*mandatory parameters:*AccessToken*'
        (Get-ResponderRequestCount $Responder) - $before | Should -Be 2
    }

    It 'a piped object whose property has the wrong type: a clear error for that item' {
        $output = @(
            [pscustomobject]@{ AccessToken = @{ nested = 'x' }; AttributeName = 'email' }
            [pscustomobject]@{ AccessToken = 'ok'; AttributeName = 'email' }
        ) | Get-CGIPUserAttributeVerificationCode -Region us-east-1 -EndpointUrl $Url -ErrorAction Continue 2>&1
        $errors = @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        @($output | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] }).Count | Should -Be 1
        $errors[0].Exception.Message | Should -BeLike "*'AccessToken'. A string is expected, but the value given was a hashtable."
    }
}

Describe 'Odd but valid values round-trip exactly' {
    It '<Case>' -ForEach $RoundTrip {
        $before = (Get-ResponderRequestCount $Responder)
        $null = Get-CGIPUserAttributeVerificationCode @Base -AccessToken $Token
        $request = Get-ResponderRequest $Responder -Index $before
        $request.body.AccessToken.Length | Should -Be $Token.Length
        if ($request.PSObject.Properties['tokenCodeUnits']) {
            # Compared as UTF-16 code units: reading JSON in .NET would turn a lone surrogate into U+FFFD.
            $request.tokenCodeUnits | Should -BeExactly (($Token.ToCharArray() | ForEach-Object { [int] $_ }) -join ',')
        }
        else {
            $request.body.AccessToken -ceq $Token | Should -BeTrue
        }
    }

    It 'a lone surrogate in a value comes back exactly; in a key, it is a clear error' {
        $odd = "x$([char] 0xD800)y$([char] 0xDFFF)"
        $echoed = Get-CGIPUserAttributeVerificationCode -AccessToken echo-attribute -AttributeName $odd -Region us-east-1 -EndpointUrl $Url
        [int[]] $echoed.Destination.ToCharArray() | Should -Be ([int[]] $odd.ToCharArray())
        $caught = $null
        try { Get-CGIPUserAttributeVerificationCode @Base -ClientMetadata @{ $odd = 'v' } } catch { $caught = $_ }
        Assert-ClearError $caught "The request could not be sent: The key '*' holds a lone surrogate (invalid UTF-16), which cannot be sent as a name."
        $caught.FullyQualifiedErrorId | Should -BeLike 'RequestInvalid,*'
        Assert-BridgeAnswers
    }

    It 'non-ASCII attribute names and metadata keys and values' {
        $before = (Get-ResponderRequestCount $Responder)
        $metadata = @{ 'clé' = 'valeur ✓'; '名前' = "multi`nline"; 'json' = '{"a":[1,2]}' }
        $result = Get-CGIPUserAttributeVerificationCode @Base -AccessToken 'echo-attribute' -AttributeName 'custom:prénom' -ClientMetadata $metadata
        $result.Destination | Should -BeExactly 'custom:prénom'
        $sent = (Get-ResponderRequest $Responder -Index ($before)).body
        $sent.ClientMetadata.'clé' | Should -BeExactly 'valeur ✓'
        $sent.ClientMetadata.'名前' | Should -BeExactly "multi`nline"
        $sent.ClientMetadata.json | Should -BeExactly '{"a":[1,2]}'
    }
}

Describe 'The protocol stream' {
    It 'carries a response of several MiB exactly' {
        $size = 5MB
        $result = Get-CGIPUserAttributeVerificationCode @Base -AccessToken "big:$size"
        $result.Destination.Length | Should -Be $size
        $unit = 'abcXYZ019αβγ漢字🙂'
        $expected = ($unit * [math]::Ceiling($size / $unit.Length)).Substring(0, $size)
        $result.Destination -ceq $expected | Should -BeTrue
    }

    It 'carries non-ASCII text in every field exactly' {
        $result = Get-CGIPUserAttributeVerificationCode @Base -AccessToken 'unicode'
        $result.AttributeName | Should -BeExactly 'custom:prénom_名前'
        $result.DeliveryMedium | Should -BeExactly 'ÉMAIL✉'
        $result.Destination | Should -BeExactly "ü***@مثال.例え.jp 🔑 a$([char] 0x301)"
    }

    It 'is not disturbed by the bridge or the SDK writing to stdout and stderr' {
        # A preloaded script that writes to stdout before the bridge starts and all the
        # time after (as a chatty handler or SDK would), plus Node's own debug output
        # flooding stderr.
        $preload = Join-Path ([System.IO.Path]::GetTempPath()) "noisy-$([guid]::NewGuid()).cjs"
        Set-Content -LiteralPath $preload -Value @'
process.stdout.write("noise before the bridge starts\n");
setInterval(() => { console.log("console.log noise"); process.stdout.write("stdout noise {\"id\":\"x\"}\n"); console.error("stderr noise"); }, 1).unref();
'@
        $script = @"
Import-Module '$(Get-TestModuleManifest)'
1..50 | ForEach-Object { (Get-CGIPUserAttributeVerificationCode -AccessToken "n`$_" -AttributeName phone_number -Region us-east-1 -EndpointUrl '$Url').DeliveryMedium } | Group-Object | ForEach-Object { "`$(`$_.Name)=`$(`$_.Count)" }
"@
        try {
            $result = Invoke-ChildPwsh -Script $script -Environment @{ NODE_OPTIONS = "--require=$preload"; NODE_DEBUG = 'http,net'; AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'false' }
            $result.Output | Should -Be @('SMS=50') -Because $result.Error
        }
        finally { Remove-Item -LiteralPath $preload -ErrorAction Ignore }
    }
}

Describe 'Faults in the bridge' {
    It 'a bridge killed between calls is replaced by the next call' {
        Assert-BridgeAnswers
        $old = Get-BridgeProcessId
        Stop-Process -Id $old -Force
        Wait-Process -Id $old -Timeout 5 -ErrorAction Ignore
        Assert-BridgeAnswers
        Get-BridgeProcessId | Should -Not -Be $old
    }

    It 'a bridge killed during a call fails that call clearly, and the next call succeeds' {
        Assert-BridgeAnswers
        $victim = Get-BridgeProcessId
        $before = (Get-ResponderRequestCount $Responder)
        # The call runs in another runspace (sharing this process's bridge) while this one kills the bridge.
        $runspace = [runspacefactory]::CreateRunspace()
        $runspace.Open()
        $shell = [powershell]::Create($runspace)
        try {
            $null = $shell.AddScript("Import-Module '$(Get-TestModuleManifest)'; try { Get-CGIPUserAttributeVerificationCode -AccessToken hang -AttributeName email -Region us-east-1 -EndpointUrl '$Url' } catch { `$_ }")
            $async = $shell.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            while ((Get-ResponderRequestCount $Responder) -le $before -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
            Stop-Process -Id $victim -Force
            $caught = $shell.EndInvoke($async) | Select-Object -First 1
            Assert-ClearError $caught "The Node.js bridge (pid $victim) stopped during the call*The next call starts a new one."
            $caught.FullyQualifiedErrorId | Should -BeLike 'BridgeExited,*'
        }
        finally { $shell.Dispose(); $runspace.Dispose() }
        Assert-BridgeAnswers
        Get-BridgeProcessId | Should -Not -Be $victim
    }

    It 'a hung bridge times out after the configured limit and is replaced' -Skip:($IsWindows) {
        Assert-BridgeAnswers
        $hung = Get-BridgeProcessId
        $env:PSCGIP_BRIDGE_TIMEOUT_SECONDS = '2'
        try {
            & kill -STOP $hung
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $caught = $null
            try { Get-CGIPUserAttributeVerificationCode @Base } catch { $caught = $_ }
            $watch.Stop()
            Assert-ClearError $caught 'The Node.js bridge did not answer within 2 seconds; it was stopped and the next call starts a new one.*'
            $caught.FullyQualifiedErrorId | Should -BeLike 'BridgeTimeout,*'
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 15
        }
        finally {
            $env:PSCGIP_BRIDGE_TIMEOUT_SECONDS = $null
            Stop-Process -Id $hung -Force -ErrorAction Ignore
        }
        Wait-Process -Id $hung -Timeout 5 -ErrorAction Ignore
        Get-Process -Id $hung -ErrorAction Ignore | Should -BeNullOrEmpty
        Assert-BridgeAnswers
        Get-BridgeProcessId | Should -Not -Be $hung
    }

    It 'the bridge exits within a second of pwsh being killed' -Skip:($IsWindows) {
        $script = @"
Import-Module '$(Get-TestModuleManifest)'
`$null = Get-CGIPUserAttributeVerificationCode -AccessToken t -AttributeName email -Region us-east-1 -EndpointUrl '$Url'
[CmdletBridge.BridgeConnection]::Default.Process.Id
[Console]::Out.Flush()
Start-Sleep -Seconds 60
"@
        $startInfo = [System.Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
        foreach ($a in '-NoProfile', '-NonInteractive', '-Command', $script) { $startInfo.ArgumentList.Add($a) }
        $startInfo.RedirectStandardOutput = $true
        $startInfo.RedirectStandardInput = $true
        $child = [System.Diagnostics.Process]::Start($startInfo)
        try {
            $bridgePid = [int] $child.StandardOutput.ReadLine()
            Test-Path "/proc/$bridgePid" | Should -BeTrue
            $child.Kill()
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            # Gone, or a zombie waiting to be reaped by its new parent: either way it has exited.
            while ((Test-Path "/proc/$bridgePid") -and (Get-Content -Raw "/proc/$bridgePid/stat" -ErrorAction Ignore) -notmatch '^\d+ \(.*\) Z' -and $watch.Elapsed.TotalSeconds -lt 5) {
                Start-Sleep -Milliseconds 10
            }
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 1
        }
        finally { if (-not $child.HasExited) { $child.Kill() } }
    }

    It 'a bridge that never says hello fails the first call after 10 s, not after a minute' {
        $preload = Join-Path ([System.IO.Path]::GetTempPath()) "silent-node-$([guid]::NewGuid()).cjs"
        # Blocks the bridge before it can write anything, for ever.
        Set-Content -LiteralPath $preload -Value 'Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);'
        $script = @"
Import-Module '$(Get-TestModuleManifest)'
`$watch = [System.Diagnostics.Stopwatch]::StartNew()
try { Get-CGIPUserAttributeVerificationCode -AccessToken t -AttributeName email -Region us-east-1 -EndpointUrl '$Url' } catch { `$_.FullyQualifiedErrorId; `$_.Exception.Message }
`$watch.Elapsed.TotalSeconds
"@
        try {
            $result = Invoke-ChildPwsh -Script $script -Environment @{ NODE_OPTIONS = "--require=$preload"; PSCGIP_BRIDGE_TIMEOUT_SECONDS = '3' }
            $result.Output[0] | Should -BeLike 'BridgeStartFailed,*'
            $result.Output[1] | Should -BeLike 'The Node.js bridge could not start: it exited or gave no answer*'
            # The call's deadline (3 s) is below the hello's floor of 10 s: a slow start is not a hang.
            [double] $result.Output[2] | Should -BeGreaterOrEqual 9.5
            [double] $result.Output[2] | Should -BeLessThan 25
        }
        finally { Remove-Item -LiteralPath $preload -ErrorAction Ignore }
    }

    It 'Node.js older than 20 gives one clear error on first use' {
        $preload = Join-Path ([System.IO.Path]::GetTempPath()) "old-node-$([guid]::NewGuid()).cjs"
        Set-Content -LiteralPath $preload -Value 'Object.defineProperty(process.versions, "node", { value: "18.19.0" });'
        $script = @"
Import-Module '$(Get-TestModuleManifest)'
try { Get-CGIPUserAttributeVerificationCode -AccessToken t -AttributeName email -Region us-east-1 -EndpointUrl '$Url' } catch { `$_.FullyQualifiedErrorId; `$_.Exception.Message }
"@
        try {
            $result = Invoke-ChildPwsh -Script $script -Environment @{ NODE_OPTIONS = "--require=$preload" }
            $result.Output[0] | Should -BeLike 'BridgeStartFailed,*'
            $result.Output[1] | Should -BeLike 'The Node.js bridge could not start: Node.js 20 or later is required, but * is v18.19.0.'
        }
        finally { Remove-Item -LiteralPath $preload -ErrorAction Ignore }
    }
}

# A stopped bridge (SIGSTOP: a debugger, a suspended machine, a frozen container) reads
# nothing, so a request larger than the pipe's buffer blocks its writer. Every wait has a
# deadline and yields to Ctrl+C.
Describe 'A stopped bridge' -Skip:($IsWindows) {
    BeforeAll {
        # Far larger than a pipe's buffer (64 KiB on Linux, 16-64 KiB on macOS).
        $script:LargeToken = 'x' * 400000

        # Runs a call in a runspace of its own (sharing this process's bridge), returned
        # running; the module is imported there first, so that only the call remains.
        function Start-CallInRunspace {
            param([string] $Token, [string] $AttributeName = 'email')
            $runspace = [runspacefactory]::CreateRunspace()
            $runspace.Open()
            $shell = [powershell]::Create($runspace)
            $null = $shell.AddScript("Import-Module '$(Get-TestModuleManifest)'").Invoke()
            $shell.Commands.Clear()
            $null = $shell.AddScript('param($Token, $AttributeName, $Url) Get-CGIPUserAttributeVerificationCode -AccessToken $Token -AttributeName $AttributeName -Region us-east-1 -EndpointUrl $Url')
            $null = $shell.AddParameters(@{ Token = $Token; AttributeName = $AttributeName; Url = $Url })
            [pscustomobject]@{ Runspace = $runspace; Shell = $shell; Async = $shell.BeginInvoke() }
        }

        function Wait-Requests {
            param([int] $Count)
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            while ((Get-ResponderRequestCount $Responder) -lt $Count -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
        }

        # Stops the bridge; a rescue resumes it after 30 s, so that a wait with no deadline
        # fails its test (late, with the wrong result) rather than hanging the suite.
        function Suspend-Bridge {
            $bridgePid = Get-BridgeProcessId
            & kill -STOP $bridgePid
            $script:Stopped = $bridgePid
            $rescue = [System.Diagnostics.ProcessStartInfo]::new('sh')
            foreach ($a in '-c', "sleep 30; kill -CONT $bridgePid") { $rescue.ArgumentList.Add($a) }
            $script:Rescue = [System.Diagnostics.Process]::Start($rescue)
            $bridgePid
        }

        # The requests the responder got for one attribute name, whatever their order.
        function Get-RequestsFor {
            param([string] $AttributeName)
            @(Get-ResponderRequest $Responder | Where-Object { $_.body.AttributeName -eq $AttributeName })
        }
    }

    AfterEach {
        $env:PSCGIP_BRIDGE_TIMEOUT_SECONDS = $null
        if ($script:Stopped) { & kill -CONT $script:Stopped 2>$null; $script:Stopped = $null }
        if ($script:Rescue) { if (-not $script:Rescue.HasExited) { $script:Rescue.Kill() }; $script:Rescue = $null }
    }

    It 'a request larger than the pipe fails with BridgeTimeout at the deadline, and the next call gets a new bridge' {
        Assert-BridgeAnswers
        $env:PSCGIP_BRIDGE_TIMEOUT_SECONDS = '3'
        $hung = Suspend-Bridge
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $caught = $null
        try { Get-CGIPUserAttributeVerificationCode -AccessToken $LargeToken -AttributeName email -Region us-east-1 -EndpointUrl $Url } catch { $caught = $_ }
        $watch.Stop()
        Assert-ClearError $caught "The Node.js bridge (pid $hung) did not take the request within 3 seconds; it was stopped and the next call starts a new one.*PSCGIP_BRIDGE_TIMEOUT_SECONDS*"
        $caught.FullyQualifiedErrorId | Should -BeLike 'BridgeTimeout,*'
        $watch.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 2.9
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
        # Killed, not left stopped: it could not have exited on its own.
        Wait-Process -Id $hung -Timeout 5 -ErrorAction Ignore
        Get-Process -Id $hung -ErrorAction Ignore | Should -BeNullOrEmpty
        Assert-BridgeAnswers
        Get-BridgeProcessId | Should -Not -Be $hung
    }

    It 'from a thread job too; a call queued behind the blocked write gets its answer from the new bridge' {
        Assert-BridgeAnswers
        # Long enough for the job's write to be blocked well before this runspace's call.
        $env:PSCGIP_BRIDGE_TIMEOUT_SECONDS = '5'
        $hung = Suspend-Bridge
        $manifest = Get-TestModuleManifest
        $calling = [System.Threading.ManualResetEventSlim]::new()
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $job = Start-ThreadJob {
            Import-Module $using:manifest
            ($using:calling).Set()
            try { Get-CGIPUserAttributeVerificationCode -AccessToken $using:LargeToken -AttributeName email -Region us-east-1 -EndpointUrl $using:Url }
            catch { $_ }
        }
        # Once the job's write is blocked, this runspace's call waits behind it.
        $calling.Wait(20000) | Should -BeTrue
        Start-Sleep -Milliseconds 1000
        $queued = Get-CGIPUserAttributeVerificationCode -AccessToken t -AttributeName 'queued' -Region us-east-1 -EndpointUrl $Url
        $caught = $job | Receive-Job -Wait -AutoRemoveJob
        $watch.Stop()
        Assert-ClearError $caught "The Node.js bridge (pid $hung) did not take the request within 5 seconds*"
        $caught.FullyQualifiedErrorId | Should -BeLike 'BridgeTimeout,*'
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 15
        $queued.AttributeName | Should -Be 'queued'
        Get-BridgeProcessId | Should -Not -Be $hung
        @(Get-RequestsFor 'queued').Count | Should -Be 1
    }

    It 'Ctrl+C during a blocked write returns control within a second, and the next call gets its own answer' {
        Assert-BridgeAnswers
        # The deadline is far off: only the stop can end the call in time.
        $env:PSCGIP_BRIDGE_TIMEOUT_SECONDS = '120'
        $hung = Suspend-Bridge
        $call = Start-CallInRunspace -Token $LargeToken -AttributeName 'interrupted'
        try {
            Start-Sleep -Milliseconds 500
            $call.Shell.InvocationStateInfo.State | Should -Be 'Running' -Because 'the write is blocked on the stopped bridge'
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $call.Shell.Stop()
            $watch.Stop()
            $call.Shell.InvocationStateInfo.State | Should -Be 'Stopped'
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 1
        }
        finally { $call.Shell.Dispose(); $call.Runspace.Dispose() }
        # Given up and killed: nothing else could have ended the write.
        Wait-Process -Id $hung -Timeout 5 -ErrorAction Ignore
        Get-Process -Id $hung -ErrorAction Ignore | Should -BeNullOrEmpty
        & kill -CONT $hung 2>$null
        $script:Stopped = $null
        (Get-CGIPUserAttributeVerificationCode -AccessToken echo-attribute -AttributeName 'after-stop' -Region us-east-1 -EndpointUrl $Url).Destination | Should -Be 'after-stop'
        # The interrupted request never reached the service; the next one did, once.
        @(Get-RequestsFor 'interrupted').Count | Should -Be 0
        @(Get-RequestsFor 'after-stop').Count | Should -Be 1
    }

    It 'Ctrl+C while a sent request waits: after SIGCONT nothing is delivered twice, and the next call gets its own answer' {
        Assert-BridgeAnswers
        $env:PSCGIP_BRIDGE_TIMEOUT_SECONDS = '120'
        $paused = Suspend-Bridge
        # Small: it fits in the pipe, so the bridge is not given up, only the call.
        $call = Start-CallInRunspace -Token echo-attribute -AttributeName 'abandoned'
        try {
            Start-Sleep -Milliseconds 500
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $call.Shell.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 1
        }
        finally { $call.Shell.Dispose(); $call.Runspace.Dispose() }
        & kill -CONT $paused
        $script:Stopped = $null
        # Resumed, it reads the abandoned request and its cancel; its late reply is dropped.
        foreach ($name in 'next-1', 'next-2') {
            (Get-CGIPUserAttributeVerificationCode -AccessToken echo-attribute -AttributeName $name -Region us-east-1 -EndpointUrl $Url).Destination | Should -Be $name
        }
        Get-BridgeProcessId | Should -Be $paused
        @(Get-RequestsFor 'abandoned').Count | Should -BeLessOrEqual 1
        @(Get-RequestsFor 'next-1').Count | Should -Be 1
        @(Get-RequestsFor 'next-2').Count | Should -Be 1
    }
}

Describe 'Faults in the server' {
    It 'HTTP <Status> is retried by the SDK (three attempts), then reported' -ForEach @(@{ Status = 500 }, @{ Status = 503 }) {
        $before = (Get-ResponderRequestCount $Responder)
        { Get-CGIPUserAttributeVerificationCode @Base -AccessToken "status:$Status" } |
            Should -Throw -ErrorId 'Amazon.CognitoIdentityProvider.Model.InternalErrorException,Get-CGIPUserAttributeVerificationCode'
        (Get-ResponderRequestCount $Responder) - $before | Should -Be 3
    }

    It 'throttling is retried by the SDK, as many times as -ClientConfig allows' {
        $before = (Get-ResponderRequestCount $Responder)
        { Get-CGIPUserAttributeVerificationCode @Base -AccessToken 'error:TooManyRequestsException' } |
            Should -Throw -ErrorId 'Amazon.CognitoIdentityProvider.Model.TooManyRequestsException,Get-CGIPUserAttributeVerificationCode'
        (Get-ResponderRequestCount $Responder) - $before | Should -Be 3
        $before = (Get-ResponderRequestCount $Responder)
        { Get-CGIPUserAttributeVerificationCode @Base -AccessToken 'error:TooManyRequestsException' -ClientConfig @{ MaxErrorRetry = 4 } } | Should -Throw
        (Get-ResponderRequestCount $Responder) - $before | Should -Be 5
    }

    It 'a body that is not JSON gives a clear error' {
        $caught = $null
        try { Get-CGIPUserAttributeVerificationCode @Base -AccessToken 'garbage' } catch { $caught = $_ }
        Assert-ClearError $caught "The response from $Url/ could not be read*"
        Assert-BridgeAnswers
    }

    It 'a truncated body gives a clear error' {
        $caught = $null
        try { Get-CGIPUserAttributeVerificationCode @Base -AccessToken 'truncated' -ClientConfig @{ MaxErrorRetry = 0 } } catch { $caught = $_ }
        Assert-ClearError $caught "*$Url/*"
        Assert-BridgeAnswers
    }

    It 'a response that never comes times out' {
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $caught = $null
        try { Get-CGIPUserAttributeVerificationCode @Base -AccessToken 'hang' -ClientConfig @{ Timeout = 500; MaxErrorRetry = 0 } } catch { $caught = $_ }
        $watch.Stop()
        Assert-ClearError $caught "Could not get a response from $Url/*"
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
        Assert-BridgeAnswers
    }
}

Describe 'Secrets' {
    BeforeAll {
        $script:Secret = "secret-$([guid]::NewGuid().ToString('N'))"
        $script:SecretsStart = [datetime]::Now.AddSeconds(-1)
        Set-AWSHistoryConfiguration -RecordServiceRequests
        # Every stream of a success, a service error and an input error, with -Verbose and -Debug.
        $script:Streams = @(
            Get-CGIPUserAttributeVerificationCode @Base -AccessToken $Secret -Verbose -Debug *>&1
            try { Get-CGIPUserAttributeVerificationCode @Base -AccessToken "error:NotAuthorizedException" -Verbose -Debug *>&1 } catch { $_ }
            try { Get-CGIPUserAttributeVerificationCode @Base -AccessToken $Secret -ClientMetadata @{ n = 1 } -Verbose -Debug *>&1 } catch { $_ }
            try { Get-CGIPUserAttributeVerificationCode @Base -AccessToken $Secret -Select 'Nope' -Verbose -Debug *>&1 } catch { $_ }
            try { Get-CGIPUserAttributeVerificationCode -AccessToken $Secret -AttributeName email -Region us-east-1 -EndpointUrl "http://127.0.0.1:$(Get-ClosedPort)" -Verbose -Debug *>&1 } catch { $_ }
        )
    }
    AfterAll { Set-AWSHistoryConfiguration }

    It 'never appears in any output stream or error message' {
        $Streams.Count | Should -BeGreaterThan 5
        foreach ($record in $Streams) {
            $text = if ($record -is [System.Management.Automation.ErrorRecord]) { "$($record.Exception.Message) $($record.Exception.InnerException) $($record.TargetObject)" } else { "$record" }
            $text | Should -Not -BeLike "*$Secret*"
        }
    }

    It 'never appears in $AWSHistory unless sensitive data is asked for' {
        $AWSHistory.Commands.Count | Should -BeGreaterThan 0
        Get-HistoryText | Should -Not -BeLike "*$Secret*"
    }

    It 'never appears in the command line or environment of pwsh or the bridge' -Skip:(-not $IsLinux) {
        foreach ($id in @($PID, (Get-BridgeProcessId))) {
            foreach ($file in 'cmdline', 'environ') {
                $bytes = [System.IO.File]::ReadAllBytes("/proc/$id/$file")
                [System.Text.Encoding]::UTF8.GetString($bytes) | Should -Not -BeLike "*$Secret*" -Because "/proc/$id/$file"
            }
        }
    }

    It 'is never written to disk (files written since the calls in the temp folder and home, and the module folder)' {
        $recent = @([System.IO.Path]::GetTempPath(), $HOME) | ForEach-Object {
            Get-ChildItem -LiteralPath $_ -Recurse -File -Force -ErrorAction Ignore | Where-Object { $_.LastWriteTime -ge $SecretsStart -and $_.Length -lt 50MB }
        }
        $files = @($recent) + @(Get-ChildItem -LiteralPath (Split-Path (Get-TestModuleManifest)) -Recurse -File)
        $files.Count | Should -BeGreaterThan 0
        $files | Select-String -SimpleMatch -Pattern $Secret -List -ErrorAction Ignore | Should -BeNullOrEmpty
    }
}

Describe 'Concurrency' {
    BeforeAll {
        $script:Emulator = Start-TestEmulator -Users 8
    }
    AfterAll { Stop-TestEmulator $script:Emulator }

    It '8 runspaces x 100 calls each get their own answers, through one shared bridge, and leave no process behind' {
        $manifest = Get-TestModuleManifest
        $endpoint = $Emulator.endpoint
        $users = $Emulator.users
        $results = 0..7 | ForEach-Object -ThrottleLimit 8 -Parallel {
            Import-Module $using:manifest
            $user = ($using:users)[$_]
            $runspace = $_
            foreach ($i in 1..100) {
                # Even calls succeed; odd calls carry a garbage token and must fail: a reply
                # delivered to the wrong call would show up as a mismatch.
                $good = $i % 2 -eq 0
                $token = if ($good) { $user.accessToken } else { "garbage-$runspace-$i" }
                try {
                    $r = Get-CGIPUserAttributeVerificationCode -AccessToken $token -AttributeName email -Region us-east-1 -EndpointUrl $using:endpoint -Select '*'
                    $outcome = if ($r.HttpStatusCode -eq 200) { 'ok' } else { 'odd' }
                }
                catch { $outcome = $_.FullyQualifiedErrorId.Split(',')[0] }
                [pscustomobject]@{ Runspace = $runspace; Call = $i; Good = $good; Outcome = $outcome; Bridge = [CmdletBridge.BridgeConnection]::Default.Process.Id }
            }
        }
        $results.Count | Should -Be 800
        $wrong = $results | Where-Object {
            ($_.Good -and $_.Outcome -ne 'ok') -or (-not $_.Good -and $_.Outcome -ne 'Amazon.CognitoIdentityProvider.Model.InvalidParameterException')
        }
        $wrong | Should -BeNullOrEmpty
        @($results.Bridge | Sort-Object -Unique).Count | Should -Be 1
        # The runspaces are gone; the one bridge is this session's, and there is no other.
        $bridges = @(Get-Process node -ErrorAction Ignore | Where-Object { $_.Parent.Id -eq $PID -and $_.CommandLine -like '*bridge.cjs*' })
        $bridges.Count | Should -BeLessOrEqual 1
        # Removing the module from the last runspace using it stops the bridge.
        $shared = $results[0].Bridge
        Remove-Module PSCognitoIdentityProvider
        (Get-Process -Id $shared -ErrorAction Ignore) | Should -BeNullOrEmpty
        Import-TestModule
    }
}
