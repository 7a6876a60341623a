using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using SunshineBot.Core.Tickets;
using SunshineBot.Web.Tests.Hosting;
using SunshineBot.Web.Tests.Staff;
using static SunshineBot.Web.Tests.Integration.IntegrationTestKit;

namespace SunshineBot.Web.Tests.Integration;

public sealed class IntegrationInboundTests
{
    [Fact]
    public async Task Post_SignedTicket_FilesHotlineTicketShownWithItsExternalNumber()
    {
        using var host = new StaffTestHost(Settings(null));
        var client = host.App.CreateClient();

        var response = await PostSignedAsync(client, Ticket("HZ-0001"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var number = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
        var ticket = host.WithDb(db => db.Tickets.Single(t => t.Number == number));
        Assert.Equal(Channel.Hotline12345, ticket.Channel);
        Assert.Equal(("12345", "HZ-0001"), (ticket.ExternalSource, ticket.ExternalNumber));
        Assert.Equal("东城区第一小学", ticket.SchoolName);
        Assert.Equal(StaffTestHost.EastSchool, ticket.SchoolUnitCode);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 1, 30, 0, TimeSpan.Zero), ticket.ReceivedAt);

        using var api = await host.ApiAsync("admin");
        var dto = await api.GetFromJsonAsync<JsonElement>($"/api/staff/tickets/{number}");
        Assert.Equal("HZ-0001", dto.GetProperty("externalNumber").GetString());
        using var pages = await host.PagesAsync("admin");
        Assert.Contains("HZ-0001", await pages.GetPageAsync($"/staff/tickets/{number}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SameExternalNumberAgain_AnswersTheSameNumberAndChangesNothing()
    {
        using var host = new StaffTestHost(Settings(null));
        var client = host.App.CreateClient();
        var first = await (await PostSignedAsync(client, Ticket("HZ-0002"))).Content.ReadFromJsonAsync<JsonElement>();

        var again = await PostSignedAsync(client, Ticket("HZ-0002", kind: "Report", description: "改过的内容"));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(first.GetProperty("number").GetString(), (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString());
        var tickets = host.WithDb(db => db.Tickets.Where(t => t.ExternalNumber == "HZ-0002").ToList());
        var ticket = Assert.Single(tickets);
        Assert.Equal(TicketKind.Complaint, ticket.Kind);
        Assert.Equal("学校要求购买120元教辅资料。", ticket.Description);
    }

    [Fact]
    public async Task Post_SameExternalNumberOnTwoInstancesAtOnce_FilesOneTicket()
    {
        using var host = new StaffTestHost(Settings(null));
        var shared = new Dictionary<string, string?>(Settings(null), StringComparer.Ordinal)
        {
            ["Database:ConnectionString"] = host.Factory.ConnectionString,
        };
        using var second = new SunshineWebFactory(shared);
        var clients = new[] { host.App.CreateClient(), second.CreateClient() };

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => PostSignedAsync(clients[i % 2], Ticket("HZ-0003"))));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, a.StatusCode.ToString()));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        var numbers = await Task.WhenAll(answers.Select(async a => (await a.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()));
        Assert.Single(numbers.Distinct());
        Assert.Equal(1, host.WithDb(db => db.Tickets.Count(t => t.ExternalNumber == "HZ-0003")));
    }

    [Fact]
    public async Task Post_BadRequests_AnsweredInChineseAndNothingStored()
    {
        using var host = new StaffTestHost(Settings(null));
        var client = host.App.CreateClient();
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();

        await AssertProblem(await PostSignedAsync(client, Ticket("HZ-1"), signature: "sha256=" + new string('0', 64)), 401, "签名校验失败");
        await AssertProblem(await PostSignedAsync(client, Ticket("HZ-1"), secret: "another-secret-0123456789"), 401, "签名校验失败");
        await AssertProblem(await PostSignedAsync(client, Ticket("HZ-1"), timestamp: now - 301), 401, "签名校验失败");
        await AssertProblem(await PostSignedAsync(client, Ticket("HZ-1"), platform: "unknown"), 401, "签名校验失败");
        await AssertProblem(await PostSignedAsync(client, "{not json"), 400, "请求格式不正确");
        await AssertProblem(await PostSignedAsync(client, Ticket("HZ-1", kind: "Praise")), 422, "内容不符合要求");
        await AssertProblem(await PostSignedAsync(client, Ticket("HZ-1", phone: null)), 422, "内容不符合要求");
        await AssertProblem(await PostSignedAsync(client, Ticket("HZ-1", description: "")), 422, "内容不符合要求");
        await AssertProblem(await PostSignedAsync(client, Ticket("", description: "x")), 422, "内容不符合要求");
        await AssertProblem(await PostSignedAsync(client, Ticket("HZ-1", description: new string('费', 70_000))), 413, "请求内容过大");

        Assert.Equal(0, host.WithDb(db => db.Tickets.Count()));
        Assert.Equal(0, host.WithDb(db => db.Outbox.Count()));
    }

    private static async Task AssertProblem(HttpResponseMessage response, int status, string title)
    {
        Assert.Equal(status, (int)response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Matches("\\p{IsCJKUnifiedIdeographs}", problem.GetProperty("detail").GetString() ?? "");
    }
}
