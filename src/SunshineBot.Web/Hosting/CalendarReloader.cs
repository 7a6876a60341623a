using System.Security.Cryptography;
using SunshineBot.Core.Calendar;
using SunshineBot.Data.Calendar;
using SunshineBot.Web.Jobs.Deadlines;

namespace SunshineBot.Web.Hosting;

/// <summary>
/// Picks up <c>sunshinebot calendar import</c> in a running host: every <c>Calendar:ReloadInterval</c> it reads the
/// calendar file, and when its content changed and parses, swaps it into the <see cref="WorkingDayCalendar"/> every
/// deadline is counted on. A file that does not parse is logged and the calendar in use is kept. At start and after each
/// swap, the open tickets' limits counted past the calendar's end are counted again where it now reaches them
/// (<see cref="RecountEstimatedLimits"/>); a pass that fails (database away) is tried again at the next interval.
/// </summary>
public sealed partial class CalendarReloader(
    WorkingDayCalendar calendar, CalendarReloader.Settings settings, TimeProvider clock, IServiceScopeFactory scopes, ILogger<CalendarReloader> logger)
    : BackgroundService
{
    private byte[]? _loaded = Hash(settings.Path);

    private volatile bool _recountPending = true;

    /// <summary>The file the calendar was loaded from and how often to look at it again.</summary>
    public sealed record Settings(string Path, TimeSpan Interval);

    /// <summary>Reads the file once; true when a changed calendar was taken.</summary>
    public bool CheckNow()
    {
        var hash = Hash(settings.Path);
        if (hash is null || (_loaded is not null && hash.AsSpan().SequenceEqual(_loaded)))
        {
            return false;
        }

        try
        {
            var fresh = CalendarFile.Load(settings.Path);
            calendar.Replace(fresh.Data);
            _loaded = hash;
            _recountPending = true;
            var coverage = CalendarCoverage.Of(calendar, calendar.LocalDate(clock.GetUtcNow()));
            Reloaded(logger, settings.Path, coverage.CoveredThrough);
            return true;
        }
        catch (Exception e) when (e is FormatException or IOException or System.Text.Json.JsonException)
        {
            _loaded = hash; // said once per content, not every interval
            Unreadable(logger, settings.Path, e.Message);
            return false;
        }
    }

    /// <summary>
    /// Counts again the open tickets' limits that were counted past the calendar's end, when the calendar changed since
    /// the last pass (or this host just started); null when there was nothing to do or the pass failed.
    /// </summary>
    public async Task<EstimateRecountResult?> RecountIfPendingAsync(CancellationToken ct)
    {
        if (!_recountPending)
        {
            return null;
        }

        try
        {
            _recountPending = false;
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<RecountEstimatedLimits>().RunAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _recountPending = true;
            RecountFailed(logger, e);
            return null;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Interval, clock);
        try
        {
            await Task.Yield(); // start-up goes on while the first pass runs
            await RecountIfPendingAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                CheckNow();
                await RecountIfPendingAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static byte[]? Hash(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return SHA256.HashData(stream);
        }
        catch (IOException)
        {
            return null; // being replaced right now, or gone: look again next time
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Working-day calendar reloaded from {Path}: holidays are known through {End}")]
    private static partial void Reloaded(ILogger logger, string path, DateOnly? end);

    [LoggerMessage(Level = LogLevel.Error, Message = "Working-day calendar: recounting the limits counted past the calendar's end failed; trying again at the next interval")]
    private static partial void RecountFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Working-day calendar file {Path} changed but cannot be read ({Error}); the calendar in use is kept")]
    private static partial void Unreadable(ILogger logger, string path, string error);
}
