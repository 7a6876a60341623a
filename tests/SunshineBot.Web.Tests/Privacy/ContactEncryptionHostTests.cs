using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SunshineBot.Conversations.Services;
using SunshineBot.Core.Deadlines;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Data.Privacy;
using SunshineBot.Web.Tests.Jobs;

namespace SunshineBot.Web.Tests.Privacy;

/// <summary>
/// Through the real host: a parent's name and phone are sealed in the database, and the chat still finds the ticket by
/// phone (progress from another device, the phone check before a ticket is shown, the last four digits).
/// </summary>
public sealed class ContactEncryptionHostTests
{
    private const string Phone = "13987654321";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task TrackByPhone_TicketSealedInTheDatabase_IsFoundFromAnotherDeviceAndOnlyWithItsPhone()
    {
        await using var host = await JobsTestHost.StartAsync(Now);
        var number = await host.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SunshineDbContext>();
            var intake = new TicketIntake
            {
                Kind = TicketKind.Complaint, Channel = Channel.WebChat, Category = TicketCategory.Uniforms, Description = "校服价格偏高。",
                VisitorName = "欧阳明珠", VisitorPhone = "139-8765-4321", FiledBy = "device-a",
            };
            var ticket = Ticket.Receive(intake, "YG20261123-0001", Actor.System, Now, sp.GetRequiredService<DeadlinePolicy>());
            db.Tickets.Add(ticket);
            await db.SaveChangesAsync();
            return ticket.Number;
        });

        var stored = await host.RunAsync(sp => sp.GetRequiredService<SunshineDbContext>().Tickets.AsNoTracking()
            .Select(t => new { Name = EF.Property<string?>(t, TicketContacts.SealedName), Phone = EF.Property<string?>(t, TicketContacts.SealedPhone) })
            .SingleAsync());
        Assert.True(ContactProtection.IsSealed(stored.Name!) && ContactProtection.IsSealed(stored.Phone!));
        Assert.DoesNotContain("4321", stored.Phone, StringComparison.Ordinal);

        var (other, matches, wrong, byLast4) = await host.RunAsync(async sp =>
        {
            var desk = sp.GetRequiredService<ITicketDesk>();
            return (await desk.ListForAsync("device-b", "+86 13987654321", default), await desk.PhoneMatchesAsync(number, Phone, default),
                await desk.PhoneMatchesAsync(number, "13987654320", default), await desk.FindAsync(number, "4321", default));
        });
        Assert.Equal([number], other.Select(t => t.Number));
        Assert.True(matches);
        Assert.False(wrong);
        Assert.Equal(number, byLast4?.Number);
        Assert.Empty(await host.RunAsync(sp => sp.GetRequiredService<ITicketDesk>().ListForAsync("device-b", "13900000000", default)));
    }
}
