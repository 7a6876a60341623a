namespace SunshineBot.Data;

/// <summary>
/// Group commit for one SQLite file in WAL mode. Connections run with <c>synchronous=NORMAL</c>: a commit writes its
/// frames to the write-ahead log without waiting for the disk. Before a writer goes on (before a parent is told
/// "filed", before a staff action answers), it waits here until the log is on disk: one fsync of the log file serves
/// every commit made before it started, so N writers waiting together cost one disk flush instead of N (with
/// <c>synchronous=FULL</c> each commit flushed on its own while holding SQLite's one write lock; under load that flush,
/// not the work, set the pace — docs/benchmarks.md, issue 13). What a writer was told is committed survives a power
/// cut as it did with FULL; a process crash never needed the flush (the frames are in the OS's cache).
/// </summary>
public sealed class SqliteGroupCommit(string databasePath)
{
    private readonly string _walPath = databasePath + "-wal";
    private readonly Lock _lock = new();
    private TaskCompletionSource? _next;
    private bool _flushing;

    /// <summary>How many flushes ran (each served one or more commits); for tests and the load tool's notes.</summary>
    public long Flushes => Interlocked.Read(ref _flushes);

    private long _flushes;

    /// <summary>Completes when everything this process committed to the file before the call is on disk.</summary>
    public Task FlushAsync()
    {
        lock (_lock)
        {
            _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var flushed = _next.Task;
            if (!_flushing)
            {
                _flushing = true;
                _ = Task.Run(FlushWaiting);
            }

            return flushed;
        }
    }

    private void FlushWaiting()
    {
        while (true)
        {
            TaskCompletionSource batch;
            lock (_lock)
            {
                if (_next is null)
                {
                    _flushing = false;
                    return;
                }

                // Waiters that come while this flush runs wait for the next one: their commit may not be in it.
                batch = _next;
                _next = null;
            }

            try
            {
                FlushLog();
                Interlocked.Increment(ref _flushes);
                batch.SetResult();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                batch.SetException(e);
            }
        }
    }

    private void FlushLog()
    {
        // fsync works on the file, whichever descriptor names it; the log is opened each time because SQLite may
        // delete and recreate it (when the last connection closes). No log: the last checkpoint synced the database.
        // SQLite takes no locks on the log file itself, so opening and closing it here cannot drop SQLite's locks.
        try
        {
            using var log = new FileStream(_walPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
            log.Flush(flushToDisk: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
        }
    }
}
