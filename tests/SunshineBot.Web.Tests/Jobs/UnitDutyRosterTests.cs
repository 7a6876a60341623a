using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Tickets;
using SunshineBot.Data.Jobs;
using SunshineBot.Web.Jobs;
using SunshineBot.Web.Jobs.Urgent;
using static SunshineBot.Web.Tests.Jobs.JobsTestHost;

namespace SunshineBot.Web.Tests.Jobs;

/// <summary>Urgent alerts reach whoever is on duty now for the ticket's unit, else the units above it, else the centre.</summary>
public sealed class UnitDutyRosterTests
{
    [Fact]
    public async Task ForUnit_ShiftsOfSchoolCountyAndCentre_TheNearestUnitOnDutyAtThatHour()
    {
        await using var host = await StartAsync(Beijing(6, 13, 10));
        await host.WithDbAsync(async db =>
        {
            db.DutyRoster.Add(Shift(13, "T-SCH", "h1", new TimeOnly(18, 0), new TimeOnly(8, 0)));
            db.DutyRoster.Add(Shift(13, "YGS-DC", "c1", new TimeOnly(8, 0), new TimeOnly(18, 0)));
            db.DutyRoster.Add(Shift(14, null, "duty1", null, null)); // a line from before rosters were per unit: the centre's
            await db.SaveChangesAsync();
        });
        Task<IReadOnlyList<string>> At(int day, int hour) => host.Use<OnDutyStaff, IReadOnlyList<string>>(d => d.ForUnitAsync("T-SCH", Beijing(6, day, hour), default));

        Assert.Equal(["c1"], await At(13, 10)); // the school's night has not begun: the county's day shift
        Assert.Equal(["h1"], await At(13, 23));
        Assert.Equal(["h1"], await At(14, 2)); // Saturday's night shift runs into Sunday
        Assert.Equal(["duty1"], await At(14, 9)); // nobody at the school or the county: the centre's roster
        var nobody = await At(15, 10);
        Assert.NotEmpty(nobody);
        Assert.DoesNotContain("c1", nobody); // the county's admins are not the centre's
        Assert.Contains("duty1", await host.Use<OnDutyStaff, IReadOnlyList<string>>(d => d.CentreAsync(Beijing(6, 14, 9), default)));
    }

    [Fact]
    public async Task Scan_UrgentTicketAtASchoolAtNight_AlertsItsNightShiftAndEscalatesToTheCentresDuty()
    {
        await using var host = await StartAsync(Beijing(6, 13, 22), new() { ["Jobs:UrgentAckTimeout"] = "00:30:00" });
        await host.WithDbAsync(async db =>
        {
            db.DutyRoster.Add(Shift(13, "T-SCH", "h1", new TimeOnly(18, 0), new TimeOnly(8, 0)));
            db.DutyRoster.Add(Shift(13, "YGS", "duty1", new TimeOnly(18, 0), new TimeOnly(8, 0)));
            await db.SaveChangesAsync();
        });
        var number = await host.FileAsync();
        await host.ChangeAsync(number, (t, now, _) => t.Dispatch(Actor.System, now, "T-SCH"));
        await host.WithDbAsync(db => db.Tickets.Where(t => t.Number == number).ExecuteUpdateAsync(u => u.SetProperty(t => t.Severity, Severity.Urgent)));

        host.Clock.Set(Beijing(6, 13, 23));
        Assert.Equal([number], await host.Use<AlertUrgentTickets, IReadOnlyList<string>>(a => a.RunAsync(default)));
        var alert = Assert.Single(await host.NotificationsAsync("urgent"));
        Assert.Equal("h1", alert.UserName);

        host.Clock.Set(Beijing(6, 13, 23, 31));
        await host.Use<AlertUrgentTickets, IReadOnlyList<string>>(a => a.RunAsync(default));
        var escalated = (await host.NotificationsAsync("urgent-escalated")).Select(n => n.UserName).ToList();
        Assert.Contains("duty1", escalated);
        Assert.DoesNotContain("h1", escalated);
    }

    private static DutyShift Shift(int day, string? unit, string user, TimeOnly? starts, TimeOnly? ends) => new()
    {
        Day = new DateOnly(2026, 6, day), UnitCode = unit, UserName = user, StartsAt = starts, EndsAt = ends, Phone = "0734-8100101",
        CreatedAt = DateTimeOffset.UnixEpoch,
    };
}
