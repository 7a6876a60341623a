using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SunshineBot.Core.Tickets;
using SunshineBot.Data.Calendar;
using SunshineBot.Testing;
using SunshineBot.Web.Hosting;
using SunshineBot.Web.Jobs.Deadlines;
using SunshineBot.Web.Tests.Staff;

namespace SunshineBot.Web.Tests.Hosting;

/// <summary>
/// Limits counted past the calendar's end stay flagged until an imported year covers them; then they are counted again
/// on the real calendar, with a timeline note, and the flag goes.
/// </summary>
public sealed class CalendarRecountTests : IDisposable
{
    // 元旦 2027 falls inside the limits of a complaint filed on 30 December 2026.
    private const string Year2027 = """
        { "years": { "2027": {
            "source": "示例通知",
            "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" } ],
            "makeupWorkdays": [] } } }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("sunshine-cal-recount-").FullName;

    public CalendarRecountTests() =>
        File.Copy(Path.Combine(AppContext.BaseDirectory, "calendar", "cn-holidays.json"), CalendarPath);

    private string CalendarPath => Path.Combine(_dir, "cn-holidays.json");

    [Fact]
    public async Task Import_LimitsPastTheCalendarsEnd_RecountedOnTheNewYearWithANoteAndTheFlagGoes()
    {
        // Wednesday 30 December 2026, 10:00 in Beijing: 3 working days run into 2027, which the calendar does not list.
        using var host = new StaffTestHost(
            new() { ["Calendar:Path"] = CalendarPath, ["Calendar:ReloadInterval"] = "01:00:00" },
            clock: new TestClock(new DateTimeOffset(2026, 12, 30, 2, 0, 0, TimeSpan.Zero)));
        var open = await host.FileComplaintAsync();
        var withdrawn = await host.FileComplaintAsync(filedBy: "webchat:device-2");
        host.WithDb(db =>
        {
            var t = db.TicketsWithHistory.Single(x => x.Number == withdrawn.Number);
            t.Withdraw(new Actor("webchat:device-2", "家长"), t.ReceivedAt.AddMinutes(5), "问题已解决");
            return db.SaveChanges();
        });
        using var admin = await host.ApiAsync("admin");

        var before = await admin.GetFromJsonAsync<JsonElement>($"/api/staff/tickets/{open.Number}");
        Assert.True(before.GetProperty("deadline").GetProperty("beyondCalendar").GetBoolean());
        Assert.True(before.GetProperty("resolution").GetProperty("beyondCalendar").GetBoolean());
        // Weekends only: 31 Dec, Fri 1 Jan, Mon 4 Jan.
        Assert.Equal(Beijing(2027, 1, 4), before.GetProperty("firstReplyDueAt").GetDateTimeOffset());
        using var pages = await host.PagesAsync("admin");
        Assert.Contains("仅按周末计算", WebUtility.HtmlDecode(await pages.GetPageAsync($"/staff/tickets/{open.Number}")), StringComparison.Ordinal);

        var import = Path.Combine(_dir, "2027.json");
        await File.WriteAllTextAsync(import, Year2027);
        CalendarImport.Run(import, CalendarPath);
        var reloader = host.App.Services.GetRequiredService<CalendarReloader>();
        Assert.True(reloader.CheckNow());
        Assert.NotNull(await reloader.RecountIfPendingAsync(CancellationToken.None));

        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/staff/tickets/{open.Number}");
        Assert.False(after.GetProperty("deadline").GetProperty("beyondCalendar").GetBoolean());
        Assert.False(after.GetProperty("resolution").GetProperty("beyondCalendar").GetBoolean());
        // 元旦 is off: 31 Dec, Mon 4, Tue 5 January; 7 working days end on Monday 11 January.
        Assert.Equal(Beijing(2027, 1, 5), after.GetProperty("firstReplyDueAt").GetDateTimeOffset());
        Assert.Equal(Beijing(2027, 1, 11), after.GetProperty("dueAt").GetDateTimeOffset());
        Assert.DoesNotContain("仅按周末计算", WebUtility.HtmlDecode(await pages.GetPageAsync($"/staff/tickets/{open.Number}")), StringComparison.Ordinal);
        var note = Assert.Single(Events(host, open.Number), e => e.Note?.StartsWith("日历已更新", StringComparison.Ordinal) == true);
        Assert.Equal(Actor.System.Id, note.ActorId);
        Assert.Contains("答复时限原2027-01-04 10:00，现2027-01-05 10:00", note.Note, StringComparison.Ordinal);
        Assert.Contains("办结时限原2027-01-08 10:00，现2027-01-11 10:00", note.Note, StringComparison.Ordinal);

        // The withdrawn ticket keeps its limits, its marks and its timeline.
        var kept = host.WithDb(db => db.Tickets.AsNoTracking().Single(t => t.Number == withdrawn.Number));
        Assert.Equal(Beijing(2027, 1, 4), kept.FirstReplyDueAt);
        Assert.NotNull(kept.FirstReplyDueEstimatedAfter);
        Assert.DoesNotContain(Events(host, withdrawn.Number), e => e.Note?.StartsWith("日历已更新", StringComparison.Ordinal) == true);

        // A second pass (another instance, or a restart) changes nothing.
        var events = Events(host, open.Number).Count;
        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            Assert.Equal(new EstimateRecountResult(0, 0), await scope.ServiceProvider.GetRequiredService<RecountEstimatedLimits>().RunAsync(CancellationToken.None));
        }

        Assert.Equal(events, Events(host, open.Number).Count);
        Assert.Equal(Beijing(2027, 1, 5), host.WithDb(db => db.Tickets.AsNoTracking().Single(t => t.Number == open.Number).FirstReplyDueAt));
    }

    [Fact]
    public async Task Start_TicketFiledBeforeMarksWereKept_MarkedAndFlagged()
    {
        using var host = new StaffTestHost(
            new() { ["Calendar:Path"] = CalendarPath, ["Calendar:ReloadInterval"] = "01:00:00" },
            clock: new TestClock(new DateTimeOffset(2026, 12, 30, 2, 0, 0, TimeSpan.Zero)));
        var ticket = await host.FileComplaintAsync();
        await host.WithDbAsync(db => db.Tickets.Where(t => t.Number == ticket.Number)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.FirstReplyDueEstimatedAfter, (DateOnly?)null).SetProperty(t => t.DueEstimatedAfter, (DateOnly?)null)));

        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            Assert.Equal(1, (await scope.ServiceProvider.GetRequiredService<RecountEstimatedLimits>().RunAsync(CancellationToken.None)).Marked);
        }

        var stored = host.WithDb(db => db.Tickets.AsNoTracking().Single(t => t.Number == ticket.Number));
        Assert.Equal(new DateOnly(2026, 12, 31), stored.FirstReplyDueEstimatedAfter);
        Assert.Equal(new DateOnly(2026, 12, 31), stored.DueEstimatedAfter);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static DateTimeOffset Beijing(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.FromHours(8));

    private static List<TicketEvent> Events(StaffTestHost host, string number) =>
        host.WithDb(db => db.TicketsWithHistory.AsNoTracking().Single(t => t.Number == number).Events.ToList());
}
