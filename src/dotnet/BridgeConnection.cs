using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CmdletBridge
{
    /// <summary>
    /// The Node.js bridge: one long-lived `node bridge.cjs` per PowerShell process, shared by
    /// every runspace that imports the module (ForEach-Object -Parallel, thread jobs), started
    /// when the module is imported (or on first use), replaced when it died or hung, stopped
    /// when the last importer removes the module. Requests and replies are JSON lines on its
    /// stdin and stdout, matched by id; parameter values never leave that stream.
    /// </summary>
    /// <remarks>
    /// For each bridge process, writers take its write lock, and one waiting caller at a time
    /// is the reader (guarded by its sync lock): it reads lines and files replies meant for
    /// others under their id, waking them with Monitor.PulseAll; the others wait until their
    /// reply is filed or the reader's role is free. Everything that belongs to one process
    /// lives in its BridgeProcess, so a caller that saw it die or hang can stop it without
    /// touching the successor another runspace may have started meanwhile.
    /// </remarks>
    public sealed class BridgeConnection
    {
        private static readonly Lazy<BridgeConnection> DefaultConnection = new Lazy<BridgeConnection>(
            () => new BridgeConnection(Path.Combine(Path.GetDirectoryName(typeof(BridgeConnection).Assembly.Location)!, "bridge.cjs")));
        /// <summary>Request ids are unique in the process: this load of the module, then a counter.</summary>
        private static readonly string RequestPrefix = Guid.NewGuid().ToString("N").Substring(0, 8);
        private static long _nextRequestId;
        /// <summary>How long a cancel may take to reach the bridge: it is small, and a bridge that cannot take it is hung.</summary>
        private static readonly TimeSpan CancelTimeout = TimeSpan.FromSeconds(2);

        private readonly object _startLock = new object();
        /// <summary>The bridge process calls go to; replaced (never reused) when it dies or hangs.</summary>
        private volatile BridgeProcess? _current;
        /// <summary>The runspaces that imported the module, so that removal can tell who is left.</summary>
        private readonly List<WeakReference<Runspace>> _users = new List<WeakReference<Runspace>>();

        public BridgeConnection(string bridgeScript)
        {
            BridgeScript = bridgeScript;
        }

        /// <summary>The bridge of this module (bridge.cjs beside the assembly).</summary>
        public static BridgeConnection Default => DefaultConnection.Value;

        public string BridgeScript { get; }

        /// <summary>The running bridge process, if any (tests and diagnostics read its Id).</summary>
        public Process? Process => _current?.Process;


        /// <summary>
        /// Starts the bridge while PowerShell goes on loading the module, unless one is running
        /// already. Never throws: the first call starts the bridge itself and reports any problem.
        /// </summary>
        public void StartEarly()
        {
            try
            {
                if (!Monitor.TryEnter(_startLock)) return;
                try
                {
                    if (_current is null) StartProcess();
                }
                finally
                {
                    Monitor.Exit(_startLock);
                }
            }
            catch (Exception)
            {
                // Left to the first call, which says what went wrong.
            }
        }

        /// <summary>
        /// Sends one request and returns its reply; whileWaiting runs once the request is
        /// sent, on the caller's thread, while the bridge works on it.
        /// </summary>
        public BridgeReply Invoke(PSCmdlet cmdlet, IDictionary request, TimeSpan timeout, Action? whileWaiting = null)
        {
            string id = RequestPrefix + "-" + Interlocked.Increment(ref _nextRequestId).ToString(System.Globalization.CultureInfo.InvariantCulture);
            request["id"] = id;
            // Non-ASCII is escaped: the stream stays ASCII, so even a lone surrogate (which
            // UTF-8 cannot carry) reaches the bridge exactly, as \ud800.
            string json;
            try
            {
                json = BridgeJson.Write(request);
            }
            catch (ArgumentException e)
            {
                // A value JSON cannot carry (a key that is not valid UTF-16, say): nothing is sent.
                cmdlet.ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("The request could not be sent: " + e.Message, e), "RequestInvalid", ErrorCategory.InvalidArgument, null));
                throw;
            }

            // One deadline for the attempt: starting the bridge, sending, and the reply.
            DateTime deadline = DateTime.UtcNow + timeout;
            BridgeProcess? bridge = _current;
            if (bridge is null || bridge.HelloPending || bridge.HasExited) bridge = GetProcess(cmdlet, deadline, timeout);
            try
            {
                SendLine(cmdlet, bridge, json, deadline, timeout);
            }
            catch (Exception e) when (e is IOException || e is ObjectDisposedException)
            {
                // The bridge died (or another call stopped it) since the last call and the
                // request never reached it: retry once on a new one. Stopped first: a bridge
                // that closed its stdin may not have exited yet.
                Stop(bridge, "its input is closed", cmdlet);
                // A new attempt, with a deadline of its own: the wait behind a write blocked
                // on the old bridge may have used up most of the first one.
                deadline = DateTime.UtcNow + timeout;
                bridge = GetProcess(cmdlet, deadline, timeout);
                try
                {
                    SendLine(cmdlet, bridge, json, deadline, timeout);
                }
                catch (Exception again) when (again is IOException || again is ObjectDisposedException)
                {
                    Stop(bridge, "its input is closed", cmdlet);
                    CmdletErrors.ThrowUnavailable(cmdlet, "BridgeExited", "The Node.js bridge stopped before the request reached it. The next call starts a new one.");
                }
            }

            bool answered = false;
            try
            {
                whileWaiting?.Invoke();
                string line = ReceiveReply(cmdlet, id, bridge, deadline, timeout);
                answered = true;
                // Model objects (and PSCustomObjects with their type names), DateTimes and HttpStatusCodes restored.
                try
                {
                    return BridgeJson.ReadReply(line);
                }
                catch (Exception e) when (e is FormatException || e is InvalidCastException || e is ArgumentException)
                {
                    // A reply the model types cannot hold (a service or emulator answering outside its
                    // model): a clear error for this call; the bridge itself is fine.
                    cmdlet.ThrowTerminatingError(new ErrorRecord(
                        new InvalidOperationException("The reply to this call could not be read: " + e.Message, e), "BridgeReplyInvalid", ErrorCategory.InvalidData, null));
                    throw;
                }
            }
            finally
            {
                if (!answered && ReferenceEquals(_current, bridge) && !bridge.HasExited)
                {
                    // Stopped by the user (Ctrl+C) or failed while waiting: the bridge abandons
                    // the call (aborting its HTTP request), and its late reply is dropped.
                    try
                    {
                        // Watched as any write: a bridge that cannot take even this in time is given up.
                        // Not tied to the stopped caller: its stop must not read as a blocked write.
                        bridge.Write(null, "{\"id\":\"cancel\",\"cancel\":\"" + id + "\"}", DateTime.UtcNow + CancelTimeout, CancelTimeout.TotalSeconds);
                    }
                    catch (Exception)
                    {
                        // It is gone (or given up now); nothing to cancel.
                    }
                    if (!bridge.Replies.TryRemove(id, out _)) bridge.Abandoned[id] = true;
                }
            }
        }

        /// <summary>Stops the running bridge (closing its stdin, killing it if it does not exit).</summary>
        public void Stop(string reason, PSCmdlet? cmdlet = null)
        {
#pragma warning disable CS0420 // Interlocked gives the volatile field a full fence.
            BridgeProcess? bridge = Interlocked.Exchange(ref _current, null);
#pragma warning restore CS0420
            if (bridge is not null) Shutdown(bridge, reason, cmdlet);
        }

        /// <summary>
        /// Stops this bridge if it is still the current one. A caller that saw a bridge die
        /// stops that one only: another runspace may have started its successor meanwhile.
        /// </summary>
        /// <returns>Whether this call stopped it (false: it was stopped or replaced already).</returns>
        private bool Stop(BridgeProcess bridge, string reason, PSCmdlet? cmdlet)
        {
#pragma warning disable CS0420 // Interlocked gives the volatile field a full fence.
            if (!ReferenceEquals(Interlocked.CompareExchange(ref _current, null, bridge), bridge)) return false;
#pragma warning restore CS0420
            Shutdown(bridge, reason, cmdlet);
            return true;
        }

        /// <summary>Ends a bridge no longer current: its callers then find it closed.</summary>
        private static void Shutdown(BridgeProcess bridge, string reason, PSCmdlet? cmdlet)
        {
            cmdlet?.WriteDebug($"Stopping the Node.js bridge (pid {bridge.Pid}): {reason}.");
            // Closing stdin is the bridge's signal to exit; one found hung is killed first
            // (a stopped process would not see it), and any that does not exit in time after.
            bridge.CloseInput();
            try
            {
                if (!bridge.Process.WaitForExit(2000)) bridge.Kill();
            }
            catch (Exception)
            {
                // Already gone.
            }
            try
            {
                bridge.Output.Dispose();
            }
            catch (Exception)
            {
                // Closed already.
            }
            bridge.Process.Dispose();
            // Callers waiting on it for the reader's role look again, and find it stopped.
            lock (bridge.Sync) Monitor.PulseAll(bridge.Sync);
        }

        /// <summary>
        /// Forgets an importer; when no runspace that imported the module is left (removed
        /// it, or closed), stops the bridge.
        /// </summary>
        public void RemoveUser(Runspace? runspace)
        {
            lock (_users)
            {
                _users.RemoveAll(r => !r.TryGetTarget(out Runspace? user) || ReferenceEquals(user, runspace) || user.RunspaceStateInfo.State != RunspaceState.Opened);
                if (_users.Count == 0) Stop("the module was removed");
            }
        }

        /// <summary>Counts a runspace that imported the module (held weakly: a closed one no longer counts).</summary>
        public void AddUser(Runspace runspace)
        {
            lock (_users)
            {
                if (!_users.Exists(r => r.TryGetTarget(out Runspace? user) && ReferenceEquals(user, runspace))) _users.Add(new WeakReference<Runspace>(runspace));
            }
        }

        /// <summary>
        /// The running bridge process, started (or restarted) when needed. A bridge started
        /// while the module was imported is confirmed, its hello read, by the first call.
        /// </summary>
        private BridgeProcess GetProcess(PSCmdlet cmdlet, DateTime deadline, TimeSpan timeout)
        {
            BridgeProcess? bridge = _current;
            if (bridge is not null && !bridge.HelloPending && !bridge.HasExited) return bridge;
            // Another runspace may be starting one: waited for in slices, for Ctrl+C and the deadline.
            while (!Monitor.TryEnter(_startLock, 100))
            {
                if (cmdlet.Stopping) throw new PipelineStoppedException();
                if (DateTime.UtcNow >= deadline)
                {
                    CmdletErrors.ThrowUnavailable(cmdlet, "BridgeTimeout",
                        $"The Node.js bridge did not start within {Seconds(timeout.TotalSeconds)} seconds. Set PSCGIP_BRIDGE_TIMEOUT_SECONDS to wait longer.");
                }
            }
            try
            {
                bridge = _current;
                if (bridge is not null && bridge.HelloPending)
                {
                    // Even one that exited already has its first line (a fatal message, say) to read.
                    ConfirmHello(cmdlet, bridge, deadline);
                    if (!bridge.HasExited) return bridge;
                }
                if (bridge is not null && !bridge.HasExited) return bridge;
                if (bridge is not null) Stop(bridge, "it had exited", cmdlet);
                bridge = StartProcess();
                if (bridge is null)
                {
                    CmdletErrors.ThrowUnavailable(cmdlet, "NodeNotFound",
                        "Node.js was not found on PATH. This module runs the AWS SDK for JavaScript in Node.js 20 or later: install it and make sure \"node\" is on PATH.");
                }
                ConfirmHello(cmdlet, bridge!, deadline);
                return bridge!;
            }
            finally
            {
                Monitor.Exit(_startLock);
            }
        }

        /// <summary>
        /// Starts `node bridge.cjs` without waiting for its hello (ConfirmHello reads that).
        /// The caller holds the start lock. Returns null when node is not on PATH.
        /// </summary>
        private BridgeProcess? StartProcess()
        {
            string? node = FindNode();
            if (node is null) return null;
            var utf8 = new UTF8Encoding(false);
            var startInfo = new ProcessStartInfo(node)
            {
                UseShellExecute = false,
                CreateNoWindow = true,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardInputEncoding = utf8,
                StandardOutputEncoding = utf8,
                StandardErrorEncoding = utf8,
            };
            // A small young generation and a bounded old one: V8 otherwise lets a long-lived
            // process's heap grow by half again over thousands of calls before it collects.
            // (A 256 MB old space still holds the largest responses many times over.)
            startInfo.ArgumentList.Add("--max-semi-space-size=2");
            startInfo.ArgumentList.Add("--max-old-space-size=256");
            startInfo.ArgumentList.Add(BridgeScript);
            // Two malloc arenas instead of one per thread (glibc; ignored elsewhere): V8's
            // compiler and GC threads otherwise leave freed memory in arenas of their own, and
            // the bridge's RSS settled 8-15 MB higher over thousands of calls, at no measurable
            // speed difference. A value the user set is kept.
            if (!startInfo.Environment.ContainsKey("MALLOC_ARENA_MAX")) startInfo.Environment["MALLOC_ARENA_MAX"] = "2";
            // Credentials the session has in its environment travel with each request (the
            // session's may change after the bridge starts); the bridge must not fall back
            // on a copy taken at its start.
            // (AWS_PROFILE is sent with the session's other settings, SessionEnvironment, before the first request.)
            foreach (string name in new[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE" })
            {
                startInfo.Environment.Remove(name);
            }
            Process process = Process.Start(startInfo)!;
            // stderr is for diagnostics only: drained so that the bridge never blocks on a full pipe.
            process.BeginErrorReadLine();
            process.StandardInput.AutoFlush = true;
            var bridge = new BridgeProcess(process, node, GiveUp);
            _current = bridge;
            return bridge;
        }

        /// <summary>Reads the bridge's first protocol line: a hello, or (from an old Node.js) a fatal message.</summary>
        private void ConfirmHello(PSCmdlet cmdlet, BridgeProcess bridge, DateTime callDeadline)
        {
            // Anything before the hello is not ours: a preloaded script writing to stdout, say.
            // Node.js starts in well under a second; a minute means it will not.
            // The call's deadline bounds it, but never below 10 s: a slow start is not a hang.
            DateTime started = DateTime.UtcNow;
            DateTime deadline = started.AddSeconds(60);
            if (callDeadline < deadline) deadline = callDeadline;
            if (deadline < started.AddSeconds(10)) deadline = started.AddSeconds(10);
            string? hello = null;
            while (DateTime.UtcNow < deadline)
            {
                if (ReceiveLine(cmdlet, bridge, deadline - DateTime.UtcNow, out string? line) != LineResult.Line) break;
                if (line!.StartsWith("{\"hello\"", StringComparison.Ordinal) || line.StartsWith("{\"fatal\"", StringComparison.Ordinal))
                {
                    hello = line;
                    break;
                }
                cmdlet.WriteDebug("Bridge output that is not a protocol message: " + line);
            }
            if (hello is not null && hello.StartsWith("{\"hello\"", StringComparison.Ordinal))
            {
                bridge.HelloPending = false;
                cmdlet.WriteDebug($"Started the Node.js bridge (pid {bridge.Pid}, {bridge.NodePath}).");
                return;
            }

            // It did not start: say why as precisely as we can.
            string reason;
            if (hello is not null)
            {
                object? fatal = PSObject.AsPSObject(BridgeJson.Read(hello)!).Properties["fatal"]?.Value;
                reason = fatal is null ? hello : PSObject.AsPSObject(fatal).Properties["message"]?.Value?.ToString() ?? hello;
            }
            else
            {
                // One that is still running but silent is hung: killed rather than asked to exit.
                if (!bridge.HasExited) bridge.MarkFaulted(BridgeFault.ReplyTimedOut, (deadline - started).TotalSeconds);
                reason = $"it exited or gave no answer (Node.js {NodeVersion(bridge.NodePath)} at {bridge.NodePath}; this module needs Node.js 20 or later)";
            }
            Stop(bridge, "it did not start", cmdlet);
            CmdletErrors.ThrowUnavailable(cmdlet, "BridgeStartFailed", "The Node.js bridge could not start: " + reason);
        }

        private enum LineResult { Line, Closed, TimedOut }

        /// <summary>
        /// Waits for the next line from the bridge (the caller is the reader, or is starting
        /// the bridge). Waits in short slices so that Ctrl+C can stop the pipeline; a read left
        /// unfinished is kept for the next reader (a StreamReader allows one read at a time).
        /// </summary>
        private LineResult ReceiveLine(PSCmdlet cmdlet, BridgeProcess bridge, TimeSpan timeout, out string? line)
        {
            line = null;
            PendingRead? pending = bridge.PendingRead;
            if (pending is null)
            {
                try
                {
                    bridge.PendingRead = pending = new PendingRead(bridge.Output.ReadLineAsync());
                }
                catch (ObjectDisposedException)
                {
                    // Stopped by another call.
                    return LineResult.Closed;
                }
            }
            Task<string?> task = pending.Task;
            if (!task.IsCompleted)
            {
                DateTime deadline = DateTime.UtcNow + timeout;
                while (!pending.Ready.Wait(100))
                {
                    if (cmdlet.Stopping) throw new PipelineStoppedException();
                    if (DateTime.UtcNow >= deadline) return LineResult.TimedOut;
                }
            }
            // The next line is a new read.
            Interlocked.CompareExchange(ref bridge.PendingRead, null, pending);
            try
            {
                line = task.GetAwaiter().GetResult();
            }
            catch (Exception)
            {
                line = null;
            }
            return line is null ? LineResult.Closed : LineResult.Line;
        }

        /// <summary>
        /// Writes a line to the bridge by the deadline (BridgeProcess.Write). A write that
        /// outlasts it has the bridge given up and killed, and is this call's BridgeTimeout.
        /// </summary>
        private static void SendLine(PSCmdlet cmdlet, BridgeProcess bridge, string line, DateTime deadline, TimeSpan timeout)
        {
            try
            {
                bridge.Write(cmdlet, line, deadline, timeout.TotalSeconds);
            }
            catch (BridgeWriteTimeoutException)
            {
                CmdletErrors.ThrowUnavailable(cmdlet, "BridgeTimeout",
                    $"The Node.js bridge (pid {bridge.Pid}) did not take the request within {Seconds(timeout.TotalSeconds)} seconds; " +
                    "it was stopped and the next call starts a new one. Set PSCGIP_BRIDGE_TIMEOUT_SECONDS to wait longer.");
            }
        }

        /// <summary>
        /// Retires a bridge found hung (its process is killed: a write blocked on it ends
        /// only then). Called by the caller or watchdog that found it so.
        /// </summary>
        private void GiveUp(BridgeProcess bridge, BridgeFault fault)
        {
            string reason = fault switch
            {
                BridgeFault.WriteInterrupted => "a call blocked on sending to it was stopped",
                BridgeFault.WriteTimedOut => "it did not read a request in time",
                _ => "it did not answer in time",
            };
            Stop(bridge, reason, null);
        }

        /// <summary>
        /// The error of a caller whose bridge was given up, or stopped, during its call by
        /// another caller (or the watchdog): a timeout when the bridge was found hung.
        /// </summary>
        private static void ThrowStoppedDuringCall(PSCmdlet cmdlet, BridgeProcess bridge, string detail)
        {
            string seconds = Seconds(bridge.FaultSeconds);
            switch (bridge.Fault)
            {
                case BridgeFault.WriteTimedOut:
                    CmdletErrors.ThrowUnavailable(cmdlet, "BridgeTimeout",
                        $"The Node.js bridge (pid {bridge.Pid}) stopped reading requests (one waited {seconds} seconds to be sent) and was stopped during the call. The next call starts a new one.");
                    break;
                case BridgeFault.ReplyTimedOut:
                    CmdletErrors.ThrowUnavailable(cmdlet, "BridgeTimeout",
                        $"The Node.js bridge (pid {bridge.Pid}) stopped answering (a reply did not come within {seconds} seconds) and was stopped during the call. The next call starts a new one.");
                    break;
                case BridgeFault.WriteInterrupted:
                    CmdletErrors.ThrowUnavailable(cmdlet, "BridgeExited",
                        $"The Node.js bridge (pid {bridge.Pid}) stopped reading requests and was stopped during the call, when a call blocked on it was interrupted. The next call starts a new one.");
                    break;
            }
            CmdletErrors.ThrowUnavailable(cmdlet, "BridgeExited", detail);
        }

        private static string Seconds(double seconds) => seconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>
        /// Waits for the reply to request id: taken from the filed replies once another
        /// caller's reading filed it, or read by this caller while it holds the reader's role.
        /// </summary>
        private string ReceiveReply(PSCmdlet cmdlet, string id, BridgeProcess bridge, DateTime deadline, TimeSpan timeout)
        {
            while (DateTime.UtcNow < deadline)
            {
                // Wait (in short slices, for Ctrl+C) until the reply is filed or no one is reading.
                bool isReader = false;
                lock (bridge.Sync)
                {
                    while (DateTime.UtcNow < deadline)
                    {
                        if (bridge.Replies.TryRemove(id, out string? filed)) return filed;
                        if (!ReferenceEquals(_current, bridge)) ThrowReplaced(cmdlet, bridge);
                        if (!bridge.ReaderActive)
                        {
                            bridge.ReaderActive = isReader = true;
                            break;
                        }
                        Monitor.Wait(bridge.Sync, 100);
                        if (cmdlet.Stopping) throw new PipelineStoppedException();
                    }
                }
                if (!isReader) continue;

                // This caller is the reader until its own reply comes, or the time is up.
                try
                {
                    while (DateTime.UtcNow < deadline)
                    {
                        if (!ReferenceEquals(_current, bridge)) ThrowReplaced(cmdlet, bridge);
                        LineResult result = ReceiveLine(cmdlet, bridge, TimeSpan.FromMilliseconds(250), out string? line);
                        if (result == LineResult.Closed)
                        {
                            string exit;
                            try
                            {
                                exit = bridge.Process.WaitForExit(500) ? "exit code " + bridge.Process.ExitCode : "still running";
                            }
                            catch (Exception)
                            {
                                // Disposed meanwhile by the call that stopped it.
                                exit = "stopped by another call";
                            }
                            Stop(bridge, "it closed its output", cmdlet);
                            ThrowStoppedDuringCall(cmdlet, bridge,
                                $"The Node.js bridge (pid {bridge.Pid}) stopped during the call ({exit}). The next call starts a new one.");
                        }
                        if (result == LineResult.TimedOut) continue;
                        string? replyId = ReplyIdOf(line!);
                        if (replyId is null)
                        {
                            cmdlet.WriteDebug("Bridge output that is not a reply: " + line);
                            continue;
                        }
                        if (replyId == id) return line!;
                        if (!bridge.Abandoned.TryRemove(replyId, out _))
                        {
                            bridge.Replies[replyId] = line!;
                            lock (bridge.Sync) Monitor.PulseAll(bridge.Sync);
                        }
                    }
                }
                finally
                {
                    // Hand the reader's role on, and wake the others so one of them takes it.
                    lock (bridge.Sync)
                    {
                        bridge.ReaderActive = false;
                        Monitor.PulseAll(bridge.Sync);
                    }
                }
            }
            // Given up as hung: killed at once, as a stopped process would not exit on its own.
            bridge.MarkFaulted(BridgeFault.ReplyTimedOut, timeout.TotalSeconds);
            string after = Stop(bridge, "it did not answer in time", cmdlet)
                ? "it was stopped and the next call starts a new one"
                : "it has been replaced since, and the next call uses the new one";
            CmdletErrors.ThrowUnavailable(cmdlet, "BridgeTimeout",
                $"The Node.js bridge did not answer within {Seconds(timeout.TotalSeconds)} seconds; {after}. " +
                "Set PSCGIP_BRIDGE_TIMEOUT_SECONDS to wait longer.");
            return "";
        }

        private static void ThrowReplaced(PSCmdlet cmdlet, BridgeProcess bridge) =>
            ThrowStoppedDuringCall(cmdlet, bridge, "The Node.js bridge was replaced during the call. The next call uses the new one.");

        /// <summary>
        /// The id a reply line starts with ({"id":"...), or null for any other line. (By hand
        /// rather than a Regex: building one costs the import and the first call milliseconds.)
        /// </summary>
        private static string? ReplyIdOf(string line)
        {
            const string prefix = "{\"id\":\"";
            if (!line.StartsWith(prefix, StringComparison.Ordinal)) return null;
            int end = line.IndexOf('"', prefix.Length);
            return end < 0 ? null : line.Substring(prefix.Length, end - prefix.Length);
        }

        private static string NodeVersion(string? nodePath)
        {
            if (nodePath is null) return "unknown";
            try
            {
                using Process version = Process.Start(new ProcessStartInfo(nodePath, "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
                // Bounded: this only words an error, and a node that hangs must not hang it.
                Task<string> output = version.StandardOutput.ReadToEndAsync();
                if (!output.Wait(5000))
                {
                    version.Kill(true);
                    return "unknown";
                }
                string text = output.Result.Trim();
                return text.Length > 0 ? text : "unknown";
            }
            catch (Exception)
            {
                return "unknown";
            }
        }

        /// <summary>
        /// The first `node` on PATH (node.exe on Windows), or null: what Get-Command would
        /// find, without the cost of command discovery.
        /// </summary>
        public static string? FindNode()
        {
            string name = OperatingSystem.IsWindows() ? "node.exe" : "node";
            foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            {
                if (dir.Length == 0) continue;
                string candidate = Path.Combine(dir.Trim('"'), name);
                if (File.Exists(candidate) && IsExecutable(candidate)) return candidate;
            }
            return null;
        }

        private static bool IsExecutable(string path)
        {
            if (OperatingSystem.IsWindows()) return true;
            const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            return (File.GetUnixFileMode(path) & anyExecute) != 0;
        }
    }
}
