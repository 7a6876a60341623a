using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;
using SunshineBot.Core.Parents;
using SunshineBot.Data.Privacy;
using SunshineBot.Data.Schema;
using SunshineBot.Testing;

namespace SunshineBot.Data.Tests.Schema;

public sealed class SchemaMigratorTests
{
    public static TheoryData<string> Providers => ExternalResources.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_EmptyDatabase_CreatesTheSchemaAtTheLatestVersion(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await using var db = database.NewContext();
        var migrator = new SchemaMigrator(db);

        Assert.Null(await migrator.CurrentVersionAsync());
        var applied = await migrator.MigrateAsync();

        Assert.Equal([migrator.LatestVersion], applied);
        Assert.Equal(migrator.LatestVersion, await migrator.CurrentVersionAsync());
        Assert.Equal(0, await db.Tickets.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_UpToDateDatabase_ChangesNothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();

        Assert.Empty(await new SchemaMigrator(db).MigrateAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_ExistingDatabaseWithData_AppliesNewUpgradesOnceAndKeepsData(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            db.Units.Add(Core.Units.Unit.CreateRoot("ROOT", "测试教育局", Core.Units.UnitKind.City));
            await db.SaveChangesAsync();
        }

        var upgrades = SchemaUpgrades.All.Append(new SchemaUpgrade(
            SchemaUpgrades.All[^1].Version + 1,
            "test: a column added later",
            _ => [new AddColumnOperation { Table = "units", Name = "Motto", ClrType = typeof(string), IsNullable = true }])).ToList();

        await using (var db = database.NewContext())
        {
            var migrator = new SchemaMigrator(db, upgrades);
            Assert.Equal([upgrades[^1].Version], await migrator.MigrateAsync());
            Assert.Empty(await migrator.MigrateAsync());
            Assert.Equal(upgrades[^1].Version, await migrator.CurrentVersionAsync());
        }

        await using (var db = database.NewContext())
        {
            Assert.Equal("测试教育局", await db.Units.Select(u => u.Name).SingleAsync());
            var motto = await db.Database.SqlQueryRaw<string>("SELECT \"Motto\" AS \"Value\" FROM units").ToListAsync();
            Assert.Equal([null!], motto);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_DatabaseAtVersion1_AddsTheAnswerLogThatTheModelCanUse(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            // Back to the shape of version 1, as a database created before the answer log existed.
            await RewindAsync(db, 1);
        }

        var at = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        await using (var db = database.NewContext())
        {
            Assert.Equal(2, (await new SchemaMigrator(db).MigrateAsync())[0]);
            db.KbAnswerLog.Add(new Knowledge.KbAnswerRecord { At = at, Question = "校服必须买吗", Status = "Answered", EntryId = "uniforms-voluntary", Score = 3.5 });
            db.KbAnswerLog.Add(new Knowledge.KbAnswerRecord { At = at.AddHours(1), Question = "明天天气", Status = "NotSure", Score = 0.1, Helpful = false });
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            var early = await db.KbAnswerLog.Where(r => r.At < at.AddMinutes(30)).SingleAsync();
            Assert.Equal("uniforms-voluntary", early.EntryId);
            Assert.Equal(1, await db.KbAnswerLog.CountAsync(r => r.Helpful == false));
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_DatabaseAtVersion2_AddsTheChatTablesThatTheModelCanUse(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            await RewindAsync(db, 2);
        }

        var at = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        await using (var db = database.NewContext())
        {
            Assert.Contains(3, await new SchemaMigrator(db).MigrateAsync());
            db.ChatConversations.Add(new Chat.ChatConversation { Channel = ParentChannel.WebChat, UserId = "d1", StateJson = "{}", UpdatedAt = at });
            db.ChatMessages.Add(new Chat.ChatMessage { Channel = ParentChannel.WebChat, UserId = "d1", Direction = "out", Kind = "text", Text = "您好", Source = "bot", At = at });
            db.ChatInbound.Add(new Chat.ChatInbound { Channel = ParentChannel.WebChat, MessageId = "m1", UserId = "d1", RepliesJson = "[]", At = at });
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            Assert.Equal("您好", await db.ChatMessages.Where(m => m.At <= at).Select(m => m.Text).SingleAsync());
            db.ChatInbound.Add(new Chat.ChatInbound { Channel = ParentChannel.WebChat, MessageId = "m1", UserId = "d1", RepliesJson = "[]", At = at });
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_DatabaseAtVersion3_AddsTheOutboxThatTheModelCanUse(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            await RewindAsync(db, 3);
        }

        var at = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        await using (var db = database.NewContext())
        {
            Assert.Contains(4, await new SchemaMigrator(db).MigrateAsync());
            db.Outbox.Add(new Outbox.OutboxMessage
            {
                Channel = "wechat", Recipient = "o-1", Kind = Outbox.OutboxKind.Text, PayloadJson = "{\"text\":\"您好\"}",
                Route = Outbox.OutboxRoute.CustomerService, Status = Outbox.OutboxStatus.Pending, NextAttemptAt = at, CreatedAt = at, SourceRef = "YG20261123-0001",
            });
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            var due = await db.Outbox.Where(o => o.Status == Outbox.OutboxStatus.Pending && o.NextAttemptAt <= at).SingleAsync();
            Assert.Equal(Outbox.OutboxRoute.CustomerService, due.Route);
            var claimed = await db.Outbox.Where(o => o.Id == due.Id && o.Status == Outbox.OutboxStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, Outbox.OutboxStatus.Sending).SetProperty(o => o.ClaimedUntil, at.AddMinutes(1)));
            Assert.Equal(1, claimed);
            Assert.Equal(Outbox.OutboxStatus.Sending, await db.Outbox.Select(o => o.Status).SingleAsync());
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_DatabaseAtVersion4_AddsTheJobTablesThatTheModelCanUse(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            await RewindAsync(db, 4);
        }

        var at = new DateTimeOffset(2026, 6, 20, 22, 0, 0, TimeSpan.Zero);
        await using (var db = database.NewContext())
        {
            Assert.Contains(5, await new SchemaMigrator(db).MigrateAsync());
            db.JobMarks.Add(new Jobs.JobMark { Key = "urgent:YG20260620-0001", At = at });
            db.StaffNotifications.Add(new Jobs.StaffNotification { Key = "urgent:YG20260620-0001:duty", UserName = "duty", Kind = "urgent", TicketNumber = "YG20260620-0001", Text = "重大特急件", CreatedAt = at });
            db.DutyRoster.Add(new Jobs.DutyShift { Day = new DateOnly(2026, 6, 20), UserName = "duty", CreatedAt = at });
            db.MonthlyReports.Add(new Jobs.MonthlyReportRow { Month = "2026-05", UnitCode = "S1", UnitName = "一中", Received = 3, CreatedAt = at });
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            Assert.Equal("duty", await db.DutyRoster.Where(s => s.Day == new DateOnly(2026, 6, 20)).Select(s => s.UserName).SingleAsync());
            Assert.Equal(1, await db.StaffNotifications.CountAsync(n => n.ReadAt == null && n.CreatedAt <= at));
            db.JobMarks.Add(new Jobs.JobMark { Key = "urgent:YG20260620-0001", At = at });
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_DatabaseAtVersion5_AddsTheWeChatTokenTableThatTheModelCanUse(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            await RewindAsync(db, 5);
        }

        var at = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        await using (var db = database.NewContext())
        {
            Assert.Contains(6, await new SchemaMigrator(db).MigrateAsync());
            db.WeChatAccessTokens.Add(new WeChat.WeChatAccessTokenRecord { AppId = "wx1", Token = new string('t', 512), FetchedAt = at, ExpiresAt = at.AddHours(2) });
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            Assert.Equal(at.AddHours(2), await db.WeChatAccessTokens.Where(t => t.AppId == "wx1").Select(t => t.ExpiresAt).SingleAsync());
            db.WeChatAccessTokens.Add(new WeChat.WeChatAccessTokenRecord { AppId = "wx1", Token = "again", FetchedAt = at, ExpiresAt = at });
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_DatabaseAtVersion6_AddsStaffOpenIdAndFirstRoundColumnsThatTheModelCanUse(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var at = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        await using (var db = database.NewContext())
        {
            db.StaffUsers.Add(Core.Staff.StaffUser.Create("old.user", "老账号", "x", Core.Staff.StaffRole.Handler, "S1", at));
            await db.SaveChangesAsync();
            await RewindAsync(db, 6);
        }

        await using (var db = database.NewContext())
        {
            Assert.Contains(7, await new SchemaMigrator(db).MigrateAsync());
            var user = await db.StaffUsers.SingleAsync(u => u.UserName == "old.user");
            Assert.Null(user.WeChatOpenId);
            user.SetWeChatOpenId("oAbCdEfGhIjKlMnOpQrStUvWxYz1");
            await db.SaveChangesAsync();
            Assert.Equal(0, await db.Tickets.CountAsync(t => t.FirstRoundReplyDueAt != null || t.FirstRoundRepliedAt != null));
        }

        await using (var db = database.NewContext())
        {
            Assert.Equal("oAbCdEfGhIjKlMnOpQrStUvWxYz1", await db.StaffUsers.Select(u => u.WeChatOpenId).SingleAsync());
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_DatabaseAtVersion7_AddsFindingsConformityAndFaultTagsThatTheModelCanUse(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var at = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        var deadlines = new Core.Deadlines.DeadlinePolicy(Calendar.CalendarFile.Load(Calendar.CalendarFile.ResolvePath(null, ".")), new Core.Deadlines.DeadlineOptions());
        var clerk = new Core.Tickets.Actor("staff:1", "李受理");
        await using (var db = database.NewContext())
        {
            var old = Core.Tickets.Ticket.Receive(
                new Core.Tickets.TicketIntake { Kind = Core.Tickets.TicketKind.Complaint, Channel = Core.Tickets.Channel.Phone, Category = Core.Tickets.TicketCategory.OtherFees, Description = "乱收费", VisitorPhone = "13812341234" },
                "YG20261123-0001", clerk, at, deadlines);
            db.Tickets.Add(old);
            await db.SaveChangesAsync();
            await RewindAsync(db, 7);
        }

        await using (var db = database.NewContext())
        {
            Assert.Contains(8, await new SchemaMigrator(db).MigrateAsync());
            var ticket = await db.TicketsWithHistory.SingleAsync();
            Assert.Null(ticket.Finding);
            Assert.Null(ticket.ReplyHasStamp);
            ticket.RecordFinding(clerk, at.AddHours(1), Core.Tickets.Finding.Substantiated, null);
            ticket.TagFault(clerk, at.AddHours(2), Core.Tickets.FaultKind.BuckPassing, "推给区教育局");
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            Assert.Equal(Core.Tickets.Finding.Substantiated, await db.Tickets.Select(t => t.Finding).SingleAsync());
            Assert.Equal(1, await db.TicketFaults.CountAsync(f => f.Kind == Core.Tickets.FaultKind.BuckPassing && f.At > at));
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_DatabaseAtVersion8_AddsExternalNumbersUniquePerPlatform(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            await RewindAsync(db, 8);
        }

        await using (var db = database.NewContext())
        {
            Assert.Contains(9, await new SchemaMigrator(db).MigrateAsync());
            db.Tickets.Add(External("YG20261123-0001", "A-1"));
            db.Tickets.Add(External("YG20261123-0002", null));
            db.Tickets.Add(External("YG20261123-0003", null));
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            Assert.Equal("A-1", await db.Tickets.Where(t => t.Number == "YG20261123-0001").Select(t => t.ExternalNumber).SingleAsync());
            db.Tickets.Add(External("YG20261123-0004", "A-1"));
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_DatabaseAtVersion12_AddsHandlingStepsToExistingTickets(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            db.Tickets.Add(External("YG20261123-0001", null));
            await db.SaveChangesAsync();
            await RewindAsync(db, 12);
        }

        await using (var db = database.NewContext())
        {
            Assert.Contains(13, await new SchemaMigrator(db).MigrateAsync());
            var ticket = await db.TicketsWithHistory.SingleAsync();
            Assert.Equal((0, false, null), (ticket.RedispatchCount, ticket.OnSiteVisitRequired, ticket.AcknowledgedAt));
            var at = ticket.ReceivedAt.AddHours(1);
            ticket.Dispatch(Core.Tickets.Actor.System, at, "S1");
            ticket.Acknowledge(new Core.Tickets.Actor("staff:2", "王承办"), at.AddHours(1), null);
            ticket.FlagCase(Core.Tickets.Actor.System, at, Core.Tickets.CaseFlag.Supervised, at.AddDays(3), onSiteVisit: true, null);
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            var ticket = await db.Tickets.SingleAsync();
            Assert.Equal(TimeSpan.FromHours(1), ticket.TimeToAcknowledge);
            Assert.Equal(Core.Tickets.CaseFlag.Supervised, ticket.Flag);
            Assert.True(ticket.OnSiteVisitRequired);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_DatabaseAtVersion13_KeepsRosterLinesAsTheCentresAndTakesUnitShifts(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var at = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        await using (var db = database.NewContext())
        {
            db.DutyRoster.Add(new Jobs.DutyShift { Day = new DateOnly(2026, 11, 28), UserName = "old.duty", CreatedAt = at });
            await db.SaveChangesAsync();
            await RewindAsync(db, 13);
        }

        await using (var db = database.NewContext())
        {
            Assert.Contains(16, await new SchemaMigrator(db).MigrateAsync());
            var old = await db.DutyRoster.SingleAsync();
            Assert.Equal(("old.duty", null, null, null), (old.UserName, old.UnitCode, old.StartsAt, old.Phone));
            db.DutyRoster.Add(new Jobs.DutyShift
            {
                Day = new DateOnly(2026, 11, 28), UnitCode = "S1", StartsAt = new TimeOnly(18, 0), EndsAt = new TimeOnly(8, 0), Phone = "0734-8100101",
                UserName = "night", CreatedAt = at,
            });
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            var night = await db.DutyRoster.SingleAsync(s => s.UnitCode == "S1" && s.Day == new DateOnly(2026, 11, 28));
            Assert.Equal((new TimeOnly(18, 0), new TimeOnly(8, 0), "0734-8100101"), (night.StartsAt, night.EndsAt, night.Phone));
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_DatabaseAtVersion13_AddsTheRetentionMarkToExistingTickets(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            db.Tickets.Add(External("YG20261123-0001", null));
            await db.SaveChangesAsync();
            await RewindAsync(db, 13);
        }

        var at = new DateTimeOffset(2031, 11, 23, 8, 0, 0, TimeSpan.Zero);
        await using (var db = database.NewContext())
        {
            Assert.Contains(15, await new SchemaMigrator(db).MigrateAsync());
            Assert.Equal(1, await db.Tickets.CountAsync(t => EF.Property<DateTimeOffset?>(t, TicketRetention.AnonymisedAt) == null));
            await db.Tickets.ExecuteUpdateAsync(u => u.SetProperty(t => EF.Property<DateTimeOffset?>(t, TicketRetention.AnonymisedAt), at));
        }

        await using (var db = database.NewContext())
        {
            Assert.Equal(at, await db.Tickets.Select(t => EF.Property<DateTimeOffset?>(t, TicketRetention.AnonymisedAt)).SingleAsync());
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_DatabaseAtVersion17WithPlainContacts_SealsThemAndTrackByPhoneFindsThem(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            db.Tickets.Add(External("YG20261123-0001", null));
            db.Tickets.Add(External("YG20261123-0002", "12345-0002"));
            db.Tickets.Add(External("YG20261123-0003", "12345-0003"));
            await db.SaveChangesAsync();
            await RewindAsync(db, 17);
            // As release 17 left them: names and phones in plain text (one ticket without any).
            await db.Database.ExecuteSqlRawAsync("UPDATE tickets SET \"VisitorName\" = '王五', \"VisitorPhone\" = '13900001111' WHERE \"Number\" = 'YG20261123-0001';");
            await db.Database.ExecuteSqlRawAsync("UPDATE tickets SET \"VisitorName\" = NULL, \"VisitorPhone\" = '13700002222' WHERE \"Number\" = 'YG20261123-0002';");
            await db.Database.ExecuteSqlRawAsync("UPDATE tickets SET \"VisitorName\" = NULL, \"VisitorPhone\" = NULL WHERE \"Number\" = 'YG20261123-0003';");
        }

        await using (var db = database.NewContext())
        {
            Assert.Equal(After(17), await new SchemaMigrator(db).MigrateAsync());
            var first = await Tests.Privacy.ContactEncryptionTests.RawAsync(db, "YG20261123-0001");
            Assert.True(ContactProtection.IsSealed(first.Name!) && ContactProtection.IsSealed(first.Phone!), first.ToString());
            Assert.Equal(database.Contacts.Index("13900001111"), first.Index);
            Assert.Equal((null, null, null), await Tests.Privacy.ContactEncryptionTests.RawAsync(db, "YG20261123-0003"));
        }

        await using (var db = database.NewContext())
        {
            var loaded = await db.Tickets.AsNoTracking().OrderBy(t => t.Number).ToListAsync();
            Assert.Equal([("王五", "13900001111"), (null, "13700002222"), (null, null)], loaded.Select(t => (t.VisitorName, t.VisitorPhone)));
            Assert.Equal("YG20261123-0002", (await db.Tickets.WithPhone(db, "137 0000 2222").SingleAsync()).Number);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_DatabaseAtVersion18_GivesTicketsTheirIdAsChangeSequence_AndSavesGoOnAboveIt(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            db.Tickets.AddRange(External("YG20261123-0001", null), External("YG20261123-0002", null));
            await db.SaveChangesAsync();
            await RewindAsync(db, 18);
        }

        await using (var db = database.NewContext())
        {
            Assert.Equal(After(18), await new SchemaMigrator(db).MigrateAsync());
            var rows = await db.Tickets.OrderBy(t => t.Id).Select(t => new { t.Id, Seq = EF.Property<long>(t, TicketChanges.ChangeSeq) }).ToListAsync();
            Assert.All(rows, r => Assert.Equal(r.Id, r.Seq));
            db.Tickets.Add(External("YG20261123-0003", null));
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            var seqs = await db.Tickets.OrderBy(t => t.Id).Select(t => EF.Property<long>(t, TicketChanges.ChangeSeq)).ToListAsync();
            Assert.True(seqs[2] > seqs[1], string.Join(",", seqs));
            Assert.Equal(seqs[2], await db.ChangeSequences.Select(c => c.Value).SingleAsync());
        }
    }

    /// <summary>The versions a database at <paramref name="version"/> is brought through: every later upgrade.</summary>
    private static int[] After(int version) => [.. SchemaUpgrades.All.Select(u => u.Version).Where(v => v > version).Order()];

    private static Core.Tickets.Ticket External(string number, string? externalNumber) =>
        Core.Tickets.Ticket.Receive(
            new Core.Tickets.TicketIntake
            {
                Kind = Core.Tickets.TicketKind.Complaint,
                Channel = Core.Tickets.Channel.Hotline12345,
                Category = Core.Tickets.TicketCategory.Uniforms,
                Description = "校服价格偏高。",
                VisitorPhone = "13900001111",
                ExternalSource = externalNumber is null ? null : "12345",
                ExternalNumber = externalNumber,
            },
            number,
            Core.Tickets.Actor.System,
            new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero),
            new Core.Deadlines.DeadlinePolicy(Calendar.CalendarFile.Load(Calendar.CalendarFile.ResolvePath(null, ".")), new Core.Deadlines.DeadlineOptions()));

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_DatabaseAtVersion10_AddsManualRubricScoresThatTheModelCanUse(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            await RewindAsync(db, 10);
        }

        var at = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        await using (var db = database.NewContext())
        {
            Assert.Equal(After(10), await new SchemaMigrator(db).MigrateAsync());
            db.ManualScores.Add(new SunshineBot.Data.Reports.ManualScoreRecord
            {
                RubricId = "zhuhui-2019", ItemId = "二.2(2)", UnitCode = "S1", FromDate = new DateOnly(2026, 1, 1), ToDate = new DateOnly(2026, 12, 31),
                Score = 5.5, Note = "良好", EnteredBy = "王主任", EnteredAt = at,
            });
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            var row = await db.ManualScores.SingleAsync(r => r.RubricId == "zhuhui-2019" && r.FromDate == new DateOnly(2026, 1, 1));
            Assert.Equal(5.5, row.Score);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_DatabaseAtVersion11_AddsTheAuditLogThatTheModelCanUse(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            await RewindAsync(db, 11);
        }

        await using (var db = database.NewContext())
        {
            Assert.Equal(After(11), await new SchemaMigrator(db).MigrateAsync());
            db.AuditLog.Add(new Audit.AuditEntry { At = DateTimeOffset.UnixEpoch, Kind = "login", Actor = "admin", ActorUnitCode = "YGS", Address = "127.0.0.1" });
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            Assert.Equal("admin", await db.AuditLog.Select(a => a.Actor).SingleAsync());
        }
    }

    [Fact]
    public async Task Migrate_TablesWithoutVersion_RefusesToGuess()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite", migrate: false);
        await using var db = database.NewContext();
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE tickets (id INTEGER);");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new SchemaMigrator(db).MigrateAsync());
        Assert.Contains("schema_version", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Migrate_TwoInstancesAtOnce_CreateTheSchemaOnce()
    {
        await using var database = await TestDatabase.CreateAsync("Postgres", migrate: false);
        await using (var setup = database.NewContext())
        {
            // The empty database exists (as an operator creates it); the instances race on the schema.
            await setup.GetService<IRelationalDatabaseCreator>().CreateAsync();
        }

        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var results = await Task.WhenAll(new SchemaMigrator(first).MigrateAsync(), new SchemaMigrator(second).MigrateAsync());

        Assert.Single(results, r => r.Count == 1);
        Assert.Single(results, r => r.Count == 0);
    }

    /// <summary>The tables each upgrade created; a new upgrade that creates tables adds its line here.</summary>
    private static readonly Dictionary<int, string[]> TablesOf = new()
    {
        [2] = ["kb_answer_log"],
        [3] = ["chat_conversations", "chat_messages", "chat_inbound"],
        [4] = ["outbox"],
        [5] = ["job_marks", "staff_notifications", "duty_roster", "monthly_reports"],
        [6] = ["wechat_access_tokens"],
        [8] = ["ticket_faults"],
        [10] = ["job_runs"],
        [11] = ["rubric_manual_scores"],
        [12] = ["audit_log"],
        [19] = ["change_sequences"],
    };

    /// <summary>The columns each upgrade added to existing tables (table, column).</summary>
    private static readonly Dictionary<int, (string Table, string Column)[]> ColumnsOf = new()
    {
        [7] = [("staff_users", "WeChatOpenId"), ("tickets", "FirstRoundRepliedAt"), ("tickets", "FirstRoundReplyDueAt")],
        [8] = [("tickets", "Finding"), ("tickets", "ReplyFollowsTemplate"), ("tickets", "ReplyHasStamp")],
        [9] = [("tickets", "ExternalSource"), ("tickets", "ExternalNumber")],
        [13] =
        [
            ("tickets", "AcknowledgedAt"), ("tickets", "AcknowledgedBy"), ("tickets", "RedispatchCount"), ("tickets", "HandBackReason"), ("tickets", "Flag"),
            ("tickets", "FlagDueAt"), ("tickets", "OnSiteVisitRequired"), ("tickets", "VisitRecord"), ("tickets", "VisitedAt"),
        ],
        [15] = [("tickets", TicketRetention.AnonymisedAt)],
        [16] = [("duty_roster", "UnitCode"), ("duty_roster", "StartsAt"), ("duty_roster", "EndsAt"), ("duty_roster", "Phone")],
        [18] = [("tickets", "VisitorPhoneIndex")],
        [19] = [("tickets", TicketChanges.ChangeSeq), ("tickets", "GroupNumber")],
        [20] = [("tickets", "FirstReplyDueEstimatedAfter"), ("tickets", "DueEstimatedAfter"), ("tickets", "FlagDueEstimatedAfter")],
    };

    /// <summary>The indexes each upgrade created on existing tables (dropped before their columns).</summary>
    private static readonly Dictionary<int, string[]> IndexesOf = new()
    {
        [9] = ["IX_tickets_ExternalSource_ExternalNumber"],
        [16] = ["IX_duty_roster_UnitCode_Day"],
        [17] = ["IX_tickets_Status_HandlingUnitCode_ReceivingUnitCode"],
        [18] = ["IX_tickets_VisitorPhoneIndex"],
        [19] = ["IX_tickets_ChangeSeq", "IX_tickets_GroupNumber"],
    };

    /// <summary>Turns a fresh database back into one at <paramref name="version"/>, as an older release left it.</summary>
    private static async Task RewindAsync(SunshineDbContext db, int version)
    {
        var dropped = TablesOf.Where(t => t.Key > version).SelectMany(t => t.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var table in dropped)
        {
#pragma warning disable EF1003 // table names come from the constant list above
            await db.Database.ExecuteSqlRawAsync("DROP TABLE " + table + ";");
#pragma warning restore EF1003
        }

        foreach (var index in IndexesOf.Where(i => i.Key > version).SelectMany(i => i.Value))
        {
#pragma warning disable EF1002, EF1003 // names come from the constant list above
            await db.Database.ExecuteSqlRawAsync($"DROP INDEX IF EXISTS \"{index}\";"); // gone with its table when that is newer
#pragma warning restore EF1002, EF1003
        }

        foreach (var (table, column) in ColumnsOf.Where(c => c.Key > version).SelectMany(c => c.Value).Where(c => !dropped.Contains(c.Table)))
        {
#pragma warning disable EF1002, EF1003 // names come from the constant list above
            await db.Database.ExecuteSqlRawAsync($"ALTER TABLE {table} DROP COLUMN \"{column}\";");
#pragma warning restore EF1002, EF1003
        }

        await db.Database.ExecuteSqlRawAsync("DELETE FROM schema_version;");
        await db.Database.ExecuteSqlAsync($"INSERT INTO schema_version (version, applied_at, description) VALUES ({version}, 'then', 'rewound');");
    }
}
