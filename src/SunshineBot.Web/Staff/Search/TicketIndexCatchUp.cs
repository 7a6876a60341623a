using Microsoft.Extensions.Options;

namespace SunshineBot.Web.Staff.Search;

/// <summary>Keeps this instance's ticket index near the database: a catch-up every <see cref="TicketSearchOptions.CatchUpInterval"/>.</summary>
public sealed class TicketIndexCatchUp(TicketIndex index, IOptions<TicketSearchOptions> options, TimeProvider clock, ILogger<TicketIndexCatchUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A rebuild reads everything in one go; afterwards each round reads what was saved since the last.
                while (await index.CatchUpAsync(10 * options.Value.BatchSize, stoppingToken) > 0)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // the loop must survive a database hiccup; the next round tries again
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogError(e, "Ticket index: catching up failed; trying again in {Interval}", options.Value.CatchUpInterval);
            }

            try
            {
                await Task.Delay(options.Value.CatchUpInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
