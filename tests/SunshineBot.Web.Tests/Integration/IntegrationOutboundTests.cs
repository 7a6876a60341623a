using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SunshineBot.Data.Outbox;
using SunshineBot.Web.Tests.Staff;
using static SunshineBot.Web.Tests.Integration.IntegrationTestKit;

namespace SunshineBot.Web.Tests.Integration;

public sealed class IntegrationOutboundTests
{
    [Fact]
    public async Task Events_ReceiverAnswers500Twice_RetriedAndDeliveredSigned()
    {
        await using var platform = await FakePlatform.StartAsync(Secret);
        platform.FailFirstPerEvent = 2;
        using var host = new StaffTestHost(Settings(platform.Url));
        var number = await FileAsync(host, "HZ-0100");
        var ours = await host.FileComplaintAsync();
        using var admin = await host.ApiAsync("admin");
        (await admin.PostAsJsonAsync($"/api/staff/tickets/{number}/dispatch", new { unitCode = StaffTestHost.EastSchool })).EnsureSuccessStatusCode();

        var received = await platform.WaitForAsync(r => r.Count(e => e.AnsweredWith == 200) >= 2);

        Assert.All(received, e => Assert.True(e.SignatureValid, e.Body));
        Assert.All(received, e => Assert.Equal(Platform, e.Name));
        Assert.DoesNotContain(received, e => e.Body.Contains(ours.Number, StringComparison.Ordinal));
        var filed = received.Where(e => Type(e) == "ticket.filed").ToList();
        Assert.Equal([500, 500, 200], filed.Select(e => e.AnsweredWith));
        Assert.Single(filed.Select(e => e.EventId).Distinct());
        var first = JsonDocument.Parse(filed[0].Body).RootElement;
        Assert.Equal(number, first.GetProperty("number").GetString());
        Assert.Equal("HZ-0100", first.GetProperty("externalNumber").GetString());
        Assert.Equal(filed[0].EventId, first.GetProperty("eventId").GetString());
        Assert.Equal([500, 500, 200], received.Where(e => Type(e) == "ticket.dispatched").Select(e => e.AnsweredWith));
        var dispatched = received.Last(e => Type(e) == "ticket.dispatched");
        Assert.Equal(StaffTestHost.EastSchool, JsonDocument.Parse(dispatched.Body).RootElement.GetProperty("unitCode").GetString());
        Assert.Equal(2, host.WithDb(db => db.Outbox.Count(o => o.Channel == "integration" && o.Status == OutboxStatus.Sent)));
    }

    [Fact]
    public async Task FailedDelivery_ReplayedFromAdminPage_DeliveredWithTheSameEventId()
    {
        await using var platform = await FakePlatform.StartAsync(Secret);
        platform.Always = 503;
        using var host = new StaffTestHost(Settings(platform.Url, maxAttempts: 2));
        var number = await FileAsync(host, "HZ-0200");
        await platform.WaitForAsync(r => r.Count >= 2);
        await WaitAsync(() => host.WithDb(db => db.Outbox.Any(o => o.Channel == "integration" && o.Status == OutboxStatus.Failed)));
        var failedId = host.WithDb(db => db.Outbox.Single(o => o.Channel == "integration").Id);

        using var pages = await host.PagesAsync("admin");
        var page = await pages.GetPageAsync("/staff/integration");
        Assert.Contains($"{number}:1", page, StringComparison.Ordinal);
        Assert.Contains("HTTP 503", page, StringComparison.Ordinal);
        platform.Always = null;
        var replay = await pages.PostFormAsync("/staff/integration", "/staff/integration?handler=Replay", new() { ["id"] = failedId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);

        var received = await platform.WaitForAsync(r => r.Any(e => e.AnsweredWith == 200));
        Assert.Equal([503, 503, 200], received.Select(e => e.AnsweredWith));
        Assert.Single(received.Select(e => e.EventId).Distinct());
        await WaitAsync(() => host.WithDb(db => db.Outbox.Single(o => o.Id == failedId).Status == OutboxStatus.Sent));
        Assert.DoesNotContain($"{number}:1", await pages.GetPageAsync("/staff/integration"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliveries_ViewerAsksTheApi_Refused()
    {
        using var host = new StaffTestHost(Settings(null));
        using var viewer = await host.ApiAsync("viewer");
        var response = await viewer.GetAsync("/api/staff/integration/deliveries");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var admin = await host.ApiAsync("admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/staff/integration/deliveries/999/replay", null)).StatusCode);
    }

    private static string? Type(ReceivedEvent e) => JsonDocument.Parse(e.Body).RootElement.GetProperty("type").GetString();

    private static async Task<string> FileAsync(StaffTestHost host, string externalNumber)
    {
        var response = await PostSignedAsync(host.App.CreateClient(), Ticket(externalNumber));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
    }

    private static async Task WaitAsync(Func<bool> done)
    {
        for (var i = 0; i < 1200 && !done(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(done());
    }
}
