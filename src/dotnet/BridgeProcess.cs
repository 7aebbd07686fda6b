using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace CmdletBridge
{
    /// <summary>
    /// One started bridge: its process, its pipes, the read in progress on its stdout, and
    /// the watch on writes to its stdin. Kept together so that stopping a bridge closes its
    /// own pipes, never its successor's.
    /// </summary>
    /// <remarks>
    /// A write to a pipe blocks once the pipe's buffer is full, and the bridge empties it
    /// only while it runs: a stopped bridge (SIGSTOP, a debugger, a suspended machine) holds a
    /// large request's writer for ever, and a blocked write(2) cannot be cancelled. So each
    /// write is watched: a timer checks it every 100 ms and, when it is still in progress on
    /// two checks in a row and its caller is stopped (Ctrl+C) or its deadline has passed,
    /// gives the bridge up as hung. Killing the process
    /// is what ends the write (it fails with a broken pipe). The write itself stays a plain
    /// synchronous write on the caller's thread, as fast as it was.
    /// </remarks>
    internal sealed class BridgeProcess
    {
        private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(100);

        /// <summary>Gives this bridge up (the connection retires and kills it); called at most once per fault.</summary>
        private readonly Action<BridgeProcess, BridgeFault> _giveUp;
        private readonly Timer _watchdog;
        /// <summary>The write in progress, if any (one at a time, under WriteLock).</summary>
        private WriteWatch? _write;
        /// <summary>The write the watchdog gave up on: its caller gets the timeout (or the stop) as its own.</summary>
        private volatile WriteWatch? _abandonedWrite;
        /// <summary>The write the last round found past its deadline or stopped (touched by the timer's callback only).</summary>
        private WriteWatch? _suspect;
        private int _fault;
        /// <summary>1 while the watchdog's rounds run.</summary>
        private int _watching;
        /// <summary>Rounds in a row that found no write in progress (touched by the timer's callback only).</summary>
        private int _idleRounds;
        private const int IdleRoundsBeforeDisarm = 10;

        public BridgeProcess(Process process, string nodePath, Action<BridgeProcess, BridgeFault> giveUp)
        {
            Process = process;
            Pid = process.Id;
            NodePath = nodePath;
            Input = process.StandardInput;
            Output = process.StandardOutput;
            _giveUp = giveUp;
            _watchdog = new Timer(_ => CheckWriteGuarded(), null, Timeout.Infinite, Timeout.Infinite);
        }

        public Process Process { get; }
        /// <summary>Read at the start: messages name it after the process object is disposed.</summary>
        public int Pid { get; }
        public string NodePath { get; }
        private StreamWriter Input { get; }
        public StreamReader Output { get; }
        /// <summary>Until its first line (the hello) is read.</summary>
        public volatile bool HelloPending = true;
        /// <summary>A read left unfinished by a caller that stopped waiting: the next reader takes it over.</summary>
        public PendingRead? PendingRead;
        /// <summary>One request line at a time; a write stuck on a hung bridge holds up no other bridge's.</summary>
        private object WriteLock { get; } = new object();
        /// <summary>The session's settings (SessionEnvironment) as last sent; null until the first request.</summary>
        private string? _environment;
        /// <summary>Guards the reader's role; pulsed when a reply is filed or the role is free.</summary>
        public object Sync { get; } = new object();
        public bool ReaderActive;
        /// <summary>Replies the reader read for other callers, by request id.</summary>
        public ConcurrentDictionary<string, string> Replies { get; } = new ConcurrentDictionary<string, string>();
        /// <summary>Requests whose callers stopped waiting: their late replies are dropped.</summary>
        public ConcurrentDictionary<string, bool> Abandoned { get; } = new ConcurrentDictionary<string, bool>();

        public bool HasExited => ProcessExited(Process);

        /// <summary>Why this bridge was given up as hung (None while it is trusted).</summary>
        public BridgeFault Fault => (BridgeFault)Volatile.Read(ref _fault);

        /// <summary>The deadline (in seconds) that the fault was measured against.</summary>
        public double FaultSeconds { get; private set; }

        /// <summary>Records why the bridge is given up; false when it was given up already.</summary>
        public bool MarkFaulted(BridgeFault fault, double seconds)
        {
            if (Interlocked.CompareExchange(ref _fault, (int)fault, (int)BridgeFault.None) != (int)BridgeFault.None) return false;
            FaultSeconds = seconds;
            return true;
        }

        /// <summary>
        /// Writes the session's settings when they changed since the last request, then the
        /// line, by the deadline. Throws BridgeWriteTimeoutException when this write (or the
        /// wait for another caller's) outlasted the deadline, PipelineStoppedException when
        /// the caller was stopped, and IOException or ObjectDisposedException when the bridge
        /// was gone or given up for another caller's reason (the request never reached it).
        /// </summary>
        public void Write(PSCmdlet? cmdlet, string line, DateTime deadline, double timeoutSeconds)
        {
            // Read outside the lock, once; compared and, when they changed, sent under it,
            // before the request that read them.
            string?[] values = SessionEnvironment.Read();
            string environment = SessionEnvironment.Fingerprint(values);
            EnterWriteLock(cmdlet, deadline, timeoutSeconds);
            var watch = new WriteWatch(cmdlet, deadline, timeoutSeconds);
            try
            {
                if (Fault != BridgeFault.None) throw new IOException("The bridge was given up.");
                // A full fence: CheckWrite, disarming, must see this write or leave the timer armed.
                Interlocked.Exchange(ref _write, watch);
                if (Volatile.Read(ref _watching) == 0) Arm();
                if (!string.Equals(_environment, environment, StringComparison.Ordinal))
                {
                    Input.WriteLine(SessionEnvironment.Message(values));
                    _environment = environment;
                }
                Input.WriteLine(line);
            }
            catch (Exception e) when (e is IOException || e is ObjectDisposedException)
            {
                if (ReferenceEquals(_abandonedWrite, watch))
                {
                    if (cmdlet is not null && cmdlet.Stopping) throw new PipelineStoppedException();
                    throw new BridgeWriteTimeoutException();
                }
                throw;
            }
            finally
            {
                Volatile.Write(ref _write, null);
                Monitor.Exit(WriteLock);
            }
        }

        /// <summary>
        /// Waits for the write lock (another caller's write may be blocked on this bridge) in
        /// short slices, for Ctrl+C and the deadline.
        /// </summary>
        private void EnterWriteLock(PSCmdlet? cmdlet, DateTime deadline, double timeoutSeconds)
        {
            if (Monitor.TryEnter(WriteLock)) return;
            while (!Monitor.TryEnter(WriteLock, WatchInterval))
            {
                if (cmdlet is not null && cmdlet.Stopping) throw new PipelineStoppedException();
                // Given up meanwhile: this request goes to the next bridge instead.
                if (Fault != BridgeFault.None) throw new IOException("The bridge was given up.");
                if (DateTime.UtcNow >= deadline)
                {
                    // The bridge read nothing for as long as this caller's whole deadline.
                    if (MarkFaulted(BridgeFault.WriteTimedOut, timeoutSeconds)) _giveUp(this, BridgeFault.WriteTimedOut);
                    throw new BridgeWriteTimeoutException();
                }
            }
        }

        /// <summary>
        /// Starts the watchdog's rounds, unless they run already. They stop after ten rounds
        /// that found no write in progress, and the next write starts them again: in a loop
        /// of calls, about once a second rather than once a call.
        /// </summary>
        private void Arm()
        {
            if (Interlocked.Exchange(ref _watching, 1) != 0) return;
            try
            {
                _watchdog.Change(WatchInterval, WatchInterval);
            }
            catch (ObjectDisposedException)
            {
                // Disposed with the bridge.
            }
        }

        private void CheckWrite()
        {
            WriteWatch? watch = Volatile.Read(ref _write);
            if (watch is null)
            {
                if (++_idleRounds < IdleRoundsBeforeDisarm) return;
                _idleRounds = 0;
                // Stopped before the flag is cleared: a write that arms the timer after the
                // flag is cleared must not have its arming undone here.
                try
                {
                    _watchdog.Change(Timeout.Infinite, Timeout.Infinite);
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                Interlocked.Exchange(ref _watching, 0);
                // A write that began before the flag was cleared saw the rounds still running.
                if (Volatile.Read(ref _write) is not null) Arm();
                return;
            }
            _idleRounds = 0;
            BridgeFault fault =
                watch.Cmdlet is not null && watch.Cmdlet.Stopping ? BridgeFault.WriteInterrupted
                : DateTime.UtcNow >= watch.Deadline ? BridgeFault.WriteTimedOut
                : BridgeFault.None;
            if (fault == BridgeFault.None) return;
            // Only a write seen in progress on two rounds in a row, and still in progress now,
            // is blocked: a healthy write takes microseconds, and one that just ended must not
            // cost a working bridge.
            if (!ReferenceEquals(_suspect, watch))
            {
                _suspect = watch;
                return;
            }
            if (!ReferenceEquals(Volatile.Read(ref _write), watch)) return;
            _abandonedWrite = watch;
            if (MarkFaulted(fault, watch.TimeoutSeconds)) _giveUp(this, fault);
        }

        /// <summary>An exception on a timer's thread would end the process: none leaves the watchdog.</summary>
        private void CheckWriteGuarded()
        {
            try
            {
                CheckWrite();
            }
            catch (Exception)
            {
                // The next round, or the caller's own deadline, deals with the bridge.
            }
        }

        /// <summary>
        /// Closes the bridge's stdin (its signal to exit) once no write is in progress. A
        /// write blocked on a hung bridge ends when the process is killed, so a killed or
        /// faulted bridge is killed first. Never blocks for more than about a second.
        /// </summary>
        public void CloseInput()
        {
            if (Fault != BridgeFault.None) Kill();
            bool locked = Monitor.TryEnter(WriteLock, TimeSpan.FromSeconds(1));
            if (!locked)
            {
                Kill();
                locked = Monitor.TryEnter(WriteLock, TimeSpan.FromSeconds(1));
            }
            try
            {
                // Without the lock, a write is still blocked: its stream is left to it.
                if (locked) Input.Close();
            }
            catch (Exception)
            {
                // The pipe is gone already.
            }
            finally
            {
                if (locked) Monitor.Exit(WriteLock);
                _watchdog.Dispose();
            }
        }

        public void Kill()
        {
            try
            {
                Process.Kill(true);
            }
            catch (Exception)
            {
                // Gone already.
            }
        }

        private static bool ProcessExited(Process process)
        {
            try
            {
                return process.HasExited;
            }
            catch (Exception)
            {
                // Disposed by a restart in another runspace.
                return true;
            }
        }

        private sealed class WriteWatch
        {
            public WriteWatch(PSCmdlet? cmdlet, DateTime deadline, double timeoutSeconds)
            {
                Cmdlet = cmdlet;
                Deadline = deadline;
                TimeoutSeconds = timeoutSeconds;
            }

            public PSCmdlet? Cmdlet { get; }
            public DateTime Deadline { get; }
            public double TimeoutSeconds { get; }
        }
    }

    /// <summary>Why a bridge was given up as hung.</summary>
    internal enum BridgeFault
    {
        None,
        /// <summary>A request could not be written (or waited for the write lock) within its deadline.</summary>
        WriteTimedOut,
        /// <summary>The caller of a blocked write was stopped (Ctrl+C).</summary>
        WriteInterrupted,
        /// <summary>A reply did not come within its deadline.</summary>
        ReplyTimedOut,
    }

    /// <summary>This caller's write outlasted its deadline; the bridge has been given up.</summary>
    internal sealed class BridgeWriteTimeoutException : Exception
    {
    }

    /// <summary>
    /// One read of a line, with an event of its own that blocks at once: Task.Wait spins
    /// first, and on two cores that spinning took the CPU the bridge needed to produce
    /// the reply. (A read left over from a stopped bridge sets only its own event.)
    /// </summary>
    internal sealed class PendingRead
    {
        public PendingRead(Task<string?> task)
        {
            Task = task;
            task.ContinueWith(_ => Ready.Set(), TaskContinuationOptions.ExecuteSynchronously);
        }

        public Task<string?> Task { get; }
        public ManualResetEventSlim Ready { get; } = new ManualResetEventSlim(false, 0);
    }
}
