using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Staff;
using SunshineBot.Web.Staff.Access;
using SunshineBot.Web.Tests.Staff;
using Xunit.Abstractions;

namespace SunshineBot.Web.Tests.Security;

/// <summary>
/// The other half of the generated access matrix: every ticket action of the endpoint table (API routes and the
/// ticket page's POST handlers) that a role may take, sent by each caller on a fresh ticket of their own unit. The
/// role rule and the scope let it through: never 401, 403 or 404, never 5xx, never a detour to sign-in or
/// re-authentication; it either succeeds and leaves an event on the timeline, or is refused for the ticket's state or
/// the input (409, 422, 400).
/// </summary>
public sealed class GeneratedAccessMatrixAllowedTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EveryAllowedTicketAction_EveryRoleOnItsOwnUnit_IsLetThrough()
    {
        using var host = new StaffTestHost(new()
        {
            ["Security:RequestsPerIpPerMinute"] = "100000",
            ["Security:RequestsPerStaffAccountPerMinute"] = "100000",
            ["Security:SignInsPerIpPerMinute"] = "1000",
        });
        var endpoints = StaffEndpointTable.Read(host).Where(e => e.Method == "POST" && StaffEndpointTable.ActionOf(e) is not null).ToList();
        Assert.Contains(endpoints, e => e.Handler == "Act");
        Assert.Contains(endpoints, e => e.Pattern == "api/staff/tickets/{number}/close");
        using var admin = await host.ApiAsync("admin");
        var failures = new List<string>();
        var sent = 0;
        var outcomes = new SortedDictionary<int, int>();
        foreach (var caller in GeneratedAccessMatrixTests.Callers)
        {
            using var api = await host.ApiAsync(caller.User);
            using var pages = await host.PagesAsync(caller.User);
            var token = await GeneratedAccessMatrixTests.TokenAsync(pages.Http);
            var unit = caller.Role == StaffRole.Handler ? caller.Unit : StaffTestHost.EastSchool;
            var original = await FreshAsync(host, admin, unit);
            foreach (var endpoint in endpoints.Where(e => StaffPermissions.Can(caller.Role, StaffEndpointTable.ActionOf(e)!.Value)))
            {
                var number = await FreshAsync(host, admin, unit);
                var before = Events(host, number);
                var url = StaffEndpointTable.Url(endpoint, "/" + endpoint.Pattern.Replace("{number}", number, StringComparison.Ordinal));
                using var request = new HttpRequestMessage(HttpMethod.Post, url)
                {
                    Content = endpoint.IsApi
                        ? new StringContent(GeneratedAccessMatrixTests.Body.Replace("YG20000101-0001", original, StringComparison.Ordinal), Encoding.UTF8, "application/json")
                        : new FormUrlEncodedContent(StaffEndpointTable.Form(endpoint, token, unit)),
                };
                using var response = await (endpoint.IsApi ? api : pages.Http).SendAsync(request);
                sent++;
                outcomes[(int)response.StatusCode] = outcomes.GetValueOrDefault((int)response.StatusCode) + 1;
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.ToString() ?? "";
                var added = Events(host, number) - before;
                var why = status switch
                {
                    401 or 403 or 404 or >= 500 => $"answered {status}",
                    302 when location.Contains("/login", StringComparison.Ordinal) || location.Contains("/reauth", StringComparison.Ordinal) => $"sent to {location}",
                    (>= 200 and < 300) or 302 when added < 1 => $"answered {status} but left nothing on the timeline",
                    (>= 200 and < 300) or 302 => null,
                    400 or 409 or 422 when added > 0 => $"refused with {status} but the timeline changed",
                    400 or 409 or 422 => null,
                    _ => $"answered {status}",
                };
                if (why is not null)
                {
                    failures.Add($"{caller.User} POST {StaffEndpointTable.Url(endpoint, endpoint.Pattern)}: {why}");
                }
            }
        }

        output.WriteLine($"{endpoints.Count} ticket actions × {GeneratedAccessMatrixTests.Callers.Length} callers: {sent} allowed requests sent ({string.Join(", ", outcomes.Select(o => $"{o.Key}: {o.Value}"))}); failures {failures.Count}");
        Assert.True(sent >= 30, $"only {sent} allowed requests");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static int Events(StaffTestHost host, string number) =>
        host.WithDb(db => db.TicketEvents.Count(e => db.Tickets.Any(t => t.Id == e.TicketId && t.Number == number)));

    // Filed and dispatched to the caller's unit by the centre.
    private static async Task<string> FreshAsync(StaffTestHost host, HttpClient admin, string unit)
    {
        var ticket = await host.FileComplaintAsync();
        var dispatched = await admin.PostAsync($"/api/staff/tickets/{ticket.Number}/dispatch",
            new StringContent($$"""{"unitCode":"{{unit}}"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, dispatched.StatusCode);
        return ticket.Number;
    }
}
