using System.Text;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Deadlines;
using SunshineBot.Core.Tickets;
using SunshineBot.Data.Calendar;
using SunshineBot.Data.Privacy;
using SunshineBot.Data.Seed;
using SunshineBot.Testing;

namespace SunshineBot.Data.Tests.Privacy;

/// <summary>Names and phone numbers are sealed in the database; the blind index still finds a ticket by phone.</summary>
public sealed class ContactEncryptionTests
{
    private const string Name = "欧阳明珠";
    private const string Phone = "13987654321";
    private static readonly DeadlinePolicy Deadlines = new(CalendarFile.Load(CalendarFile.ResolvePath(null, ".")), new DeadlineOptions());

    public static TheoryData<string> Providers => ExternalResources.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Save_TicketWithNameAndPhone_StoresNeitherInPlainTextAndFindsItByPhone(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            db.Tickets.Add(NewTicket("YG20261123-0001", Name, Phone));
            db.Tickets.Add(NewTicket("YG20261123-0002", "张三", "13900001111"));
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            var raw = await RawAsync(db, "YG20261123-0001");
            Assert.DoesNotContain(Name, raw.Name, StringComparison.Ordinal);
            Assert.DoesNotContain("4321", raw.Phone, StringComparison.Ordinal);
            Assert.True(ContactProtection.IsSealed(raw.Name!) && ContactProtection.IsSealed(raw.Phone!), raw.Name + " " + raw.Phone);
            Assert.Equal(64, raw.Index!.Length);
            Assert.DoesNotContain(Phone, raw.Index, StringComparison.Ordinal);
            // Sealing is randomised: the same phone twice gives two different stored values, one index.
            Assert.NotEqual(raw.Phone, database.Contacts.Seal(Phone));
            Assert.Equal(raw.Index, database.Contacts.Index(Phone));
        }

        if (provider == "Sqlite")
        {
            SqliteConnectionPools();
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            var bytes = Directory.GetFiles(Path.GetDirectoryName(file)!, Path.GetFileName(file) + "*").SelectMany(File.ReadAllBytes).ToArray();
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Phone)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Name)));
            Assert.NotEqual(-1, bytes.AsSpan().IndexOf("YG20261123-0001"u8));
        }

        await using (var db = database.NewContext())
        {
            var loaded = await db.Tickets.AsNoTracking().SingleAsync(t => t.Number == "YG20261123-0001");
            Assert.Equal((Name, Phone), (loaded.VisitorName, loaded.VisitorPhone));
            // Typed another way (+86, spaces, full-width digits), the phone finds the same ticket and only it.
            Assert.Equal(["YG20261123-0001"], await db.Tickets.WithPhone(db, "+86 139 8765 4321").Select(t => t.Number).ToListAsync());
            Assert.Equal(["YG20261123-0001"], await db.Tickets.WithPhone(db, "１３９８７６５４３２１").Select(t => t.Number).ToListAsync());
            Assert.Empty(await db.Tickets.WithPhone(db, "13987654320").ToListAsync());
            Assert.Equal((Name, Phone), (await db.FindContactAsync("YG20261123-0001", default))!.Value);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Save_ChangeToALoadedTicket_KeepsTheSealedContactAsItWas(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            db.Tickets.Add(NewTicket("YG20261123-0001", Name, Phone));
            await db.SaveChangesAsync();
        }

        string? before;
        await using (var db = database.NewContext())
        {
            before = (await RawAsync(db, "YG20261123-0001")).Phone;
            var ticket = await db.TicketsWithHistory.SingleAsync(t => t.Number == "YG20261123-0001");
            ticket.AddNote(Actor.System, ticket.ReceivedAt.AddHours(1), "备注");
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            Assert.Equal(before, (await RawAsync(db, "YG20261123-0001")).Phone);
            var loaded = await db.TicketsWithHistory.SingleAsync(t => t.Number == "YG20261123-0001");
            Assert.Equal((Name, Phone, 2), (loaded.VisitorName, loaded.VisitorPhone, loaded.Events.Count));
        }
    }

    [Fact]
    public async Task BulkWrite_SeedTickets_SealsContactsAndIndexesPhones()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using (var db = database.NewContext())
        {
            await using var writer = await BulkTicketWriter.OpenAsync(db, default);
            await writer.WriteAsync([NewTicket("YG20261123-0001", Name, Phone), NewTicket("YG20261123-0002", null, null)], default);
        }

        await using (var db = database.NewContext())
        {
            var raw = await RawAsync(db, "YG20261123-0001");
            Assert.True(ContactProtection.IsSealed(raw.Name!) && ContactProtection.IsSealed(raw.Phone!));
            Assert.Equal((null, null, null), await RawAsync(db, "YG20261123-0002"));
            var found = await db.Tickets.WithPhone(db, Phone).SingleAsync();
            Assert.Equal((Name, Phone), (found.VisitorName, found.VisitorPhone));
        }
    }

    [Fact]
    public async Task Open_ContextWithoutTheKeys_RefusesToReadAContact()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using (var db = database.NewContext())
        {
            db.Tickets.Add(NewTicket("YG20261123-0001", Name, Phone));
            await db.SaveChangesAsync();
        }

        var builder = new DbContextOptionsBuilder<SunshineDbContext>();
        DataServiceCollectionExtensions.Configure(builder, database.Provider, database.ConnectionString);
        await using var bare = new SunshineDbContext(builder.Options);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => bare.Tickets.ToListAsync());
        Assert.Contains("DataProtection:KeysPath", error.Message, StringComparison.Ordinal);
    }

    internal static async Task<(string? Name, string? Phone, string? Index)> RawAsync(SunshineDbContext db, string number)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT \"VisitorName\", \"VisitorPhone\", \"VisitorPhoneIndex\" FROM tickets WHERE \"Number\" = @n";
            var p = cmd.CreateParameter();
            p.ParameterName = "@n";
            p.Value = number;
            cmd.Parameters.Add(p);
            await using var reader = await cmd.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            string? At(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            return (At(0), At(1), At(2));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    internal static Ticket NewTicket(string number, string? name, string? phone) =>
        Ticket.Receive(
            new TicketIntake
            {
                Kind = TicketKind.Complaint, Channel = Channel.WebChat, Category = TicketCategory.Uniforms,
                Description = "校服价格偏高。", VisitorName = name, VisitorPhone = phone, FiledBy = "device-1",
            },
            number,
            Actor.System,
            new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero),
            Deadlines);

    private static void SqliteConnectionPools() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
}
