using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Deadlines;
using SunshineBot.Core.Tickets;
using SunshineBot.Data.Calendar;
using SunshineBot.Data.Tickets;
using SunshineBot.Testing;

namespace SunshineBot.Data.Tests.Tickets;

public sealed class TicketPersistenceTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 15, 0, TimeSpan.FromHours(8));
    private static readonly Actor Clerk = new("staff:7", "李受理");
    private static readonly Actor Handler = new("staff:9", "王承办");
    private static readonly DeadlinePolicy Deadlines = new(CalendarFile.Load(CalendarFile.ResolvePath(null, ".")), new DeadlineOptions());

    public static TheoryData<string> Providers => ExternalResources.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SaveAndLoad_FullTicketWithEvents_RoundTripsEveryField(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ticket = FullTicket("YG20261123-0001");
        await using (var db = database.NewContext())
        {
            db.Tickets.Add(ticket);
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            var loaded = await db.TicketsWithHistory.SingleAsync(t => t.Number == "YG20261123-0001");
            Assert.Equal(TicketStatus.Closed, loaded.Status);
            Assert.Equal(TicketKind.Complaint, loaded.Kind);
            Assert.Equal(Severity.Important, loaded.Severity);
            Assert.Equal(Channel.WeChat, loaded.Channel);
            Assert.Equal(TicketCategory.SupplementaryMaterials, loaded.Category);
            Assert.Equal("张三", loaded.VisitorName);
            Assert.Equal("13812341234", loaded.VisitorPhone);
            Assert.Equal("wx-openid-1", loaded.FiledBy);
            Assert.Equal(Monday, loaded.ReceivedAt);
            Assert.Equal("YGS-CENTRE", loaded.ReceivingUnitCode);
            Assert.Equal("李受理", loaded.ReceivedBy);
            Assert.Equal("YGS-DC-001", loaded.HandlingUnitCode);
            Assert.Equal(ticket.FirstReplyDueAt, loaded.FirstReplyDueAt);
            Assert.Equal(ticket.DueAt, loaded.DueAt);
            Assert.Equal(Monday.AddDays(2), loaded.ClosedAt);
            Assert.Equal("李受理", loaded.ClosedBy);
            Assert.Equal("学校要求三年级每人购买两本练习册，共计86元，班主任在家长群里通知。", loaded.Description);
            Assert.Equal("东城区第一小学", loaded.SchoolName);
            Assert.Equal(86.50m, loaded.FeeAmount);
            Assert.Equal(new DateOnly(2026, 11, 20), loaded.IncidentDate);
            Assert.Equal("请学校核实并说明", loaded.ProposedAction);
            Assert.Equal("三日内答复", loaded.LeaderInstruction);
            Assert.StartsWith("经核实", loaded.ReplyText, StringComparison.Ordinal);
            Assert.Equal("家长表示问题已解决", loaded.RevisitRecord);
            Assert.Equal("YGS-DC-001", loaded.RevisitUnitCode);
            Assert.Equal(Satisfaction.Satisfied, loaded.Satisfaction);
            Assert.Equal("已退还费用", loaded.Result);
            Assert.Equal(1, loaded.UrgeCount);
            Assert.Single(loaded.Attachments);
            Assert.Equal("receipt.jpg", loaded.Attachments[0].FileName);
            Assert.Equal(Finding.PartlySubstantiated, loaded.Finding);
            Assert.Equal((false, true), (loaded.ReplyFollowsTemplate, loaded.ReplyHasStamp));
            var fault = Assert.Single(loaded.Faults);
            Assert.Equal((FaultKind.ReplyTooThin, "YGS-DC-001", "李受理", "答复未说明退费金额"), (fault.Kind, fault.UnitCode, fault.ActorName, fault.Reason));
            Assert.Equal(Monday.AddDays(2).AddHours(3), fault.At);

            Assert.Equal(ticket.Events.Count, loaded.Events.Count);
            var ordered = loaded.Events.OrderBy(e => e.Sequence).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                Assert.Equal(ticket.Events[i].Action, ordered[i].Action);
                Assert.Equal(ticket.Events[i].At, ordered[i].At);
                Assert.Equal(ticket.Events[i].ActorId, ordered[i].ActorId);
                Assert.Equal(ticket.Events[i].Note, ordered[i].Note);
                Assert.Equal(ticket.Events[i].ToStatus, ordered[i].ToStatus);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Save_TwoStaffActOnTheSameTicket_SecondSaveIsRefused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            db.Tickets.Add(NewTicket("YG20261123-0002"));
            await db.SaveChangesAsync();
        }

        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var a = await first.TicketsWithHistory.SingleAsync(t => t.Number == "YG20261123-0002");
        var b = await second.TicketsWithHistory.SingleAsync(t => t.Number == "YG20261123-0002");

        a.Dispatch(Clerk, Monday.AddHours(1), "YGS-DC-001");
        await first.SaveChangesAsync();

        b.Dispatch(Clerk, Monday.AddHours(1), "YGS-XC-001");
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = database.NewContext();
        var stored = await check.TicketsWithHistory.SingleAsync(t => t.Number == "YG20261123-0002");
        Assert.Equal("YGS-DC-001", stored.HandlingUnitCode);
        Assert.Equal(2, stored.Events.Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Save_OnlyANoteAdded_StillConflictsWithAConcurrentChange(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            db.Tickets.Add(NewTicket("YG20261123-0003"));
            await db.SaveChangesAsync();
        }

        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var a = await first.TicketsWithHistory.SingleAsync(t => t.Number == "YG20261123-0003");
        var b = await second.TicketsWithHistory.SingleAsync(t => t.Number == "YG20261123-0003");
        a.AddNote(Clerk, Monday.AddHours(1), "已电话联系家长");
        await first.SaveChangesAsync();

        b.AddNote(Handler, Monday.AddHours(1), "另一条备注");
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task Save_ChangedEvent_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var db = database.NewContext();
        db.Tickets.Add(NewTicket("YG20261123-0004"));
        await db.SaveChangesAsync();

        var entry = db.Entry(db.TicketEvents.Local.First());
        entry.Property(e => e.Note).CurrentValue = "rewritten history";
        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task NextAsync_ManyConcurrentIntakes_HandsOutDistinctConsecutiveNumbers(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var day = new DateOnly(2026, 11, 23);

        var numbers = await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
        {
            await using var db = database.NewContext();
            return await new TicketNumberGenerator(db).NextAsync(day);
        }));

        Assert.Equal(40, numbers.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(
            Enumerable.Range(1, 40).Select(i => TicketNumber.Format(day, i)).Order(StringComparer.Ordinal),
            numbers.Order(StringComparer.Ordinal));

        await using var other = database.NewContext();
        Assert.Equal("YG20261124-0001", await new TicketNumberGenerator(other).NextAsync(day.AddDays(1)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Query_ByDeadline_ComparesInstantsInTheDatabase(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            db.Tickets.Add(NewTicket("YG20261123-0005", Monday));
            db.Tickets.Add(NewTicket("YG20261123-0006", Monday.AddDays(3)));
            await db.SaveChangesAsync();
        }

        await using var query = database.NewContext();
        var cutoff = Monday.AddDays(4).ToUniversalTime();
        var due = await query.Tickets.Where(t => t.FirstReplyDueAt < cutoff).OrderBy(t => t.FirstReplyDueAt).Select(t => t.Number).ToListAsync();

        Assert.Equal(["YG20261123-0005"], due);
    }

    private static Ticket NewTicket(string number, DateTimeOffset? at = null) =>
        Ticket.Receive(
            new TicketIntake
            {
                Kind = TicketKind.Complaint,
                Channel = Channel.WebChat,
                Category = TicketCategory.Uniforms,
                Description = "学校强制统一购买校服，价格偏高。",
                VisitorName = "王五",
                VisitorPhone = "13900001111",
            },
            number,
            Clerk,
            (at ?? Monday).ToUniversalTime(),
            Deadlines);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task LoadFacts_SavedTickets_EqualTheFactsOfTheTicketsThemselves(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var at = Monday.ToUniversalTime();
        var full = FullTicket("YG20261123-0001");
        var redone = Ticket.Receive(
            new TicketIntake { Kind = TicketKind.Help, Channel = Channel.WebChat, Category = TicketCategory.Uniforms, Description = "校服费用问题", VisitorName = "李四", VisitorPhone = "13900001111" },
            "YG20261123-0002", Clerk, at.AddHours(1), Deadlines);
        redone.Dispatch(Clerk, at.AddHours(2), "YGS-DC-001", "请核实");
        redone.Acknowledge(Handler, at.AddHours(3), null);
        redone.Reply(Handler, at.AddDays(1), "已核实，校服自愿购买。", requireReview: false);
        redone.StartRevisit(Actor.System, at.AddDays(1).AddHours(1));
        redone.RecordRevisit(Actor.System, at.AddDays(1).AddHours(2), Satisfaction.Unsatisfied, "家长不认可");
        redone.SendBack(Clerk, at.AddDays(1).AddHours(3), "答复未说明退费", Deadlines);
        var unassigned = Ticket.Receive(
            new TicketIntake { Kind = TicketKind.Consultation, Channel = Channel.WeChat, Category = TicketCategory.Other, Description = "咨询", VisitorName = "王五", VisitorPhone = "13900002222" },
            "YG20261123-0003", Actor.System, at.AddHours(4), Deadlines);
        await using (var db = database.NewContext())
        {
            db.Tickets.AddRange(full, redone, unassigned);
            await db.SaveChangesAsync();
        }

        var calendar = CalendarFile.Load(CalendarFile.ResolvePath(null, "."));
        var period = Core.Reports.ReportPeriod.Of(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), calendar, at.AddDays(10));
        await using (var db = database.NewContext())
        {
            var all = await SunshineBot.Data.Reports.TicketFacts.LoadAsync(db, ["YGS-DC-001"], withoutUnit: true, period, CancellationToken.None);
            var unitOnly = await SunshineBot.Data.Reports.TicketFacts.LoadAsync(db, ["YGS-DC-001"], withoutUnit: false, period, CancellationToken.None);

            Assert.Equal(["YG20261123-0001", "YG20261123-0002"], unitOnly.Select(f => f.Number).Order(StringComparer.Ordinal));
            foreach (var ticket in new[] { full, redone, unassigned })
            {
                var expected = Core.Reports.TicketFact.Of(ticket);
                var loaded = Assert.Single(all, f => f.Number == ticket.Number);
                Assert.Equal(expected with { Faults = [] }, loaded with { Faults = [] });
                Assert.Equal(expected.Faults, loaded.Faults);
            }

            Assert.NotNull(Core.Reports.TicketFact.Of(redone).FirstRepliedAt);
            Assert.Equal(1, all.Single(f => f.Number == redone.Number).RedoCount);
            Assert.Equal([FaultKind.ReplyTooThin], all.Single(f => f.Number == full.Number).Faults);
        }
    }

    private static Ticket FullTicket(string number)
    {
        var at = Monday.ToUniversalTime();
        var ticket = Ticket.Receive(
            new TicketIntake
            {
                Kind = TicketKind.Complaint,
                Severity = Severity.Important,
                Channel = Channel.WeChat,
                Category = TicketCategory.SupplementaryMaterials,
                Description = "学校要求三年级每人购买两本练习册，共计86元，班主任在家长群里通知。",
                VisitorName = "张三",
                VisitorPhone = "138 1234 1234",
                FiledBy = "wx-openid-1",
                SchoolName = "东城区第一小学",
                SchoolUnitCode = "YGS-DC-001",
                ReceivingUnitCode = "YGS-CENTRE",
                FeeAmount = 86.50m,
                IncidentDate = new DateOnly(2026, 11, 20),
            },
            number,
            Clerk,
            at,
            Deadlines);
        ticket.AddAttachment(Clerk, at, new TicketAttachment("receipt.jpg", "image/jpeg", 12345, "att/2026/11/abc.jpg", at));
        ticket.ProposeAction(Clerk, at.AddMinutes(5), "请学校核实并说明");
        ticket.LeaderInstruct(Clerk, at.AddMinutes(10), "三日内答复");
        ticket.Dispatch(Clerk, at.AddMinutes(15), "YGS-DC-001", "请核实");
        ticket.Urge(Clerk, at.AddHours(20), "请尽快答复");
        ticket.Reply(Handler, at.AddDays(1), "经核实，练习册为自愿购买，学校已通知退还已收费用。", requireReview: true);
        ticket.Approve(Clerk, at.AddDays(1).AddHours(1));
        ticket.StartRevisit(Actor.System, at.AddDays(1).AddHours(2));
        ticket.RecordRevisit(Actor.System, at.AddDays(1).AddHours(3), Satisfaction.Satisfied, "家长表示问题已解决");
        ticket.Close(Clerk, at.AddDays(2), "已退还费用");
        ticket.RecordFinding(Clerk, at.AddDays(2).AddHours(1), Finding.PartlySubstantiated, "练习册收费属实，强制购买不属实");
        ticket.RecordReplyConformity(Clerk, at.AddDays(2).AddHours(2), followsTemplate: false, hasStamp: true, "答复未写联系电话");
        ticket.TagFault(Clerk, at.AddDays(2).AddHours(3), FaultKind.ReplyTooThin, "答复未说明退费金额");
        return ticket;
    }
}
