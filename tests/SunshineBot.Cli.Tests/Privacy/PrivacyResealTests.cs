using Microsoft.EntityFrameworkCore;
using SunshineBot.Cli.Tests.Ledger;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Data.Privacy;

namespace SunshineBot.Cli.Tests.Privacy;

[Collection("environment")]
public sealed class PrivacyResealTests
{
    private const string NewKey = "rotated-blind-index-key-2027";

    [Fact]
    public async Task Reseal_AfterTheBlindIndexKeyChanged_ReencryptsAndIndexesUnderTheNewKey()
    {
        await using var database = await LedgerTestDatabase.CreateAsync();
        await using (var db = database.NewContext())
        {
            db.Tickets.Add(Ticket.Receive(
                new TicketIntake
                {
                    Kind = TicketKind.Complaint, Channel = Channel.Phone, Category = TicketCategory.Uniforms, Description = "校服价格偏高。",
                    VisitorName = "欧阳明珠", VisitorPhone = "13987654321",
                },
                "YG20261123-0001", Actor.System, new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero), LedgerTestDatabase.Deadlines));
            await db.SaveChangesAsync();
        }

        (string? Phone, string? Index) before;
        await using (var db = database.NewContext())
        {
            before = await StoredAsync(db);
        }

        Environment.SetEnvironmentVariable("Privacy__BlindIndexKey", NewKey);
        try
        {
            var (exit, output, error) = database.Run("privacy", "reseal");
            Assert.True(exit == 0, error);
            Assert.Contains("1 件", output, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Privacy__BlindIndexKey", null);
        }

        var rotated = ContactProtection.ForKeysDirectory(database.KeysPath, NewKey);
        var builder = new DbContextOptionsBuilder<SunshineDbContext>();
        DataServiceCollectionExtensions.Configure(builder, DatabaseProvider.Sqlite, database.ConnectionString);
        builder.UseContactProtection(rotated);
        await using var after = new SunshineDbContext(builder.Options);
        var stored = await StoredAsync(after);
        Assert.NotEqual(before.Phone, stored.Phone);
        Assert.NotEqual(before.Index, stored.Index);
        Assert.Equal(rotated.Index("13987654321"), stored.Index);
        var found = await after.Tickets.WithPhone(after, "13987654321").SingleAsync();
        Assert.Equal(("欧阳明珠", "13987654321"), (found.VisitorName, found.VisitorPhone));
    }

    private static async Task<(string? Phone, string? Index)> StoredAsync(SunshineDbContext db)
    {
        var row = await db.Tickets.AsNoTracking()
            .Select(t => new { Phone = EF.Property<string?>(t, TicketContacts.SealedPhone), Index = EF.Property<string?>(t, TicketContacts.PhoneIndex) })
            .SingleAsync();
        return (row.Phone, row.Index);
    }
}
