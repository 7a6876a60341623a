using Microsoft.EntityFrameworkCore;
using SunshineBot.Cli.Tests.Ledger;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Cli.Tests.Dev;

[Collection("environment")]
public sealed class DevSeedTests
{
    [Fact]
    public async Task Seed_EmptyDatabase_WritesTicketsWithTimelinesUnitsAndCounters()
    {
        await using var database = await LedgerTestDatabase.CreateAsync(units: false);

        var (exit, output, error) = database.Run("dev", "seed", "--tickets", "400", "--units", "40", "--days", "60");

        Assert.True(exit == 0, error);
        Assert.Contains("已生成", output, StringComparison.Ordinal);
        await using var db = database.NewContext();
        var tickets = await db.Tickets.AsNoTracking().ToListAsync();
        Assert.InRange(tickets.Count, 380, 400);
        Assert.Equal(tickets.Count, tickets.Select(t => t.Number).Distinct().Count());
        Assert.True(tickets.Count(t => t.Status == TicketStatus.Closed) > tickets.Count / 2);
        Assert.Contains(tickets, t => t.Kind == TicketKind.Complaint);
        Assert.Equal(tickets.Count, await db.TicketEvents.CountAsync(e => e.Action == TicketAction.Receive));
        Assert.True(await db.Units.CountAsync(u => u.Code.StartsWith("SYN-")) >= 39);
        var newest = tickets.Max(t => t.Number)!;
        Assert.Equal(int.Parse(newest[11..], System.Globalization.CultureInfo.InvariantCulture),
            (await db.TicketCounters.SingleAsync(c => c.Day == newest.Substring(0, 10))).Value);
    }
}
