using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SunshineBot.Core.Staff;
using SunshineBot.Core.Tickets;
using SunshineBot.Web.Staff.Access;
using SunshineBot.Web.Tests.Staff;
using Xunit.Abstractions;

namespace SunshineBot.Web.Tests.Security;

/// <summary>
/// Every staff endpoint the host maps (read from its endpoint table, so a new one cannot be left out: API routes, pages
/// and the pages' POST handlers, see <see cref="StaffEndpointTable"/>)
/// × every role × a ticket of the caller's own unit, of the parent (district) unit and of a foreign unit: nothing
/// outside the caller's scope is ever answered (404, or 403 before anything is loaded) or shown in a list or report,
/// a role that may not act gets 403, nothing answers 5xx, and no refused request changes a ticket. Actions a caller
/// may take, and changes not about a ticket, are not sent (they would change the data under test).
/// </summary>
public sealed class GeneratedAccessMatrixTests(ITestOutputHelper output)
{
    private const string Marker = "矩阵测试专用描述";

    // The one body every POST gets: each endpoint binds the fields it knows and ignores the rest.
    internal const string Body = """
        {"unitCode":"YGS-DC-001","note":"请核实","text":"经我校核实，班主任要求购买的教辅资料未经学校和家长委员会同意，属于违规行为，学校已责令其停止收费并全额退还。",
         "reason":"需要调取收费记录","workingDays":3,"result":"已退费","originalNumber":"YG20000101-0001","withNumber":"YG20000101-0001","record":"满意","satisfaction":"Satisfied",
         "description":"矩阵测试登记的问题描述内容足够长","finding":"Substantiated","followsTemplate":true,"hasStamp":true,"tags":[]}
        """;

    internal static readonly (string User, StaffRole Role, string Unit)[] Callers =
    [
        ("admin", StaffRole.CentreAdmin, "YGS"), ("dcadmin", StaffRole.CentreAdmin, "YGS-DC"), ("leader", StaffRole.Leader, "YGS"),
        ("viewer", StaffRole.Viewer, "YGS"), ("east", StaffRole.Handler, StaffTestHost.EastSchool), ("west", StaffRole.Handler, StaffTestHost.WestSchool),
    ];

    [Fact]
    public async Task EveryStaffEndpoint_EveryRoleAndUnit_NoLeakNo5xx()
    {
        using var host = new StaffTestHost(new()
        {
            ["Security:RequestsPerIpPerMinute"] = "100000",
            ["Security:RequestsPerStaffAccountPerMinute"] = "100000",
            ["Security:SignInsPerIpPerMinute"] = "1000",
        });
        // Own, parent and foreign unit: a ticket at each school and one kept by the district above the east school.
        var east = await host.FileComplaintAsync(description: Marker + "东城", school: "东城区第一小学");
        var west = await host.FileComplaintAsync(description: Marker + "西城", school: "西城区第一小学");
        var district = await host.FileComplaintAsync(description: Marker + "区级", school: "东城区第一小学");
        using (var admin = await host.ApiAsync("admin"))
        {
            foreach (var (ticket, unit) in new[] { (east, StaffTestHost.EastSchool), (west, StaffTestHost.WestSchool), (district, "YGS-DC") })
            {
                var dispatched = await admin.PostAsync($"/api/staff/tickets/{ticket.Number}/dispatch", Json($$"""{"unitCode":"{{unit}}"}"""));
                Assert.True(dispatched.IsSuccessStatusCode, await dispatched.Content.ReadAsStringAsync());
            }
        }

        Ticket[] tickets = [.. new[] { east, west, district }.Select(t => host.WithDb(db => db.TicketsWithHistory.AsNoTracking().Single(x => x.Number == t.Number)))];
        var endpoints = StaffEndpointTable.Read(host);
        Assert.Contains(endpoints, e => e.Pattern == "api/staff/tickets/{number}/reveal");
        Assert.Contains(endpoints, e => e.Pattern == "staff/tickets/{number}/print");
        Assert.Contains(endpoints, e => e.Pattern == "api/staff/reports/score");
        Assert.Contains(endpoints, e => e is { Method: "POST", Pattern: StaffEndpointTable.TicketPage, Handler: "Reveal" });
        var cells = 0;
        var sent = 0;
        var failures = new List<string>();
        foreach (var caller in Callers)
        {
            using var api = await host.ApiAsync(caller.User);
            using var pages = await host.PagesAsync(caller.User);
            var token = await TokenAsync(pages.Http);
            foreach (var endpoint in endpoints)
            {
                foreach (var ticket in tickets)
                {
                    cells++;
                    var other = tickets.Where(t => t.Number != ticket.Number && !Sees(caller, t)).ToArray();
                    var (failure, wasSent) = await CheckAsync(endpoint, caller, ticket, other, Sees(caller, ticket), endpoint.IsApi ? api : pages.Http, token);
                    sent += wasSent ? 1 : 0;
                    if (failure is not null)
                    {
                        failures.Add($"{caller.User} {endpoint.Method} {StaffEndpointTable.Url(endpoint, endpoint.Pattern)} ({ticket.HandlingUnitCode}): {failure}");
                    }
                }
            }
        }

        // Nothing a refused request asked for happened: the tickets are as the dispatch left them.
        foreach (var ticket in tickets)
        {
            var now = host.WithDb(db => db.TicketsWithHistory.AsNoTracking().Single(t => t.Number == ticket.Number));
            Assert.Equal((ticket.Status, ticket.HandlingUnitCode, ticket.Events.Count), (now.Status, now.HandlingUnitCode, now.Events.Count));
        }

        output.WriteLine($"{endpoints.Count} staff endpoints × {Callers.Length} callers × {tickets.Length} tickets = {cells} cells, {sent} requests sent; failures {failures.Count}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task<(string? Failure, bool Sent)> CheckAsync(
        StaffEndpoint endpoint, (string User, StaffRole Role, string Unit) caller, Ticket ticket, Ticket[] unseen, bool inScope, HttpClient client, string token)
    {
        var url = "/" + endpoint.Pattern;
        foreach (var parameter in endpoint.Parameters)
        {
            var value = parameter switch
            {
                "number" => ticket.Number,
                "code" => ticket.HandlingUnitCode!,
                "id" => "1",
                _ => null,
            };
            if (value is null)
            {
                return ($"route parameter {{{parameter}}} is new: teach the matrix what to put there", false);
            }

            url = System.Text.RegularExpressions.Regex.Replace(url, "\\{\\**" + parameter + "(:[^}]*)?\\}", value);
        }

        var action = StaffEndpointTable.ActionOf(endpoint);
        if (endpoint.Handler is not null && endpoint.Pattern == StaffEndpointTable.TicketPage && action is null)
        {
            return ($"page handler '{endpoint.Handler}' is new: teach the matrix which action it is (StaffEndpointTable.PageActions)", false);
        }

        var mayAct = action is { } act && StaffPermissions.Can(caller.Role, act);
        var mutates = endpoint.Method != "GET";
        var usesTicket = endpoint.Parameters.Contains("number") || endpoint.Parameters.Contains("code");
        if (mutates && ((inScope && (action is null || mayAct)) || !usesTicket))
        {
            return (null, false); // allowed, or not about a ticket: sending it would change the data under test
        }

        if (!usesTicket)
        {
            // Lists and reports: asked about the ticket's unit, for the whole year.
            url += $"?unit={ticket.HandlingUnitCode}&from=2026-01-01&to=2026-12-31&rubric=zhuhui-2019";
        }

        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), StaffEndpointTable.Url(endpoint, url));
        if (mutates)
        {
            request.Content = endpoint.IsApi ? Json(Body) : new FormUrlEncodedContent(StaffEndpointTable.Form(endpoint, token, "YGS-DC-001"));
        }

        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            return ($"{status}", true);
        }

        if (usesTicket && !inScope)
        {
            if (status is not (404 or 403))
            {
                return ($"outside scope answered {status}", true);
            }

            if (text.Contains(Marker, StringComparison.Ordinal) || text.Contains("13812345678", StringComparison.Ordinal))
            {
                return ("outside scope, but the answer shows the ticket", true);
            }
        }
        else if (action is not null && !mayAct && status != 403)
        {
            return ($"role may not {action}, answered {status}", true);
        }

        if (unseen.FirstOrDefault(t => text.Contains(t.Number, StringComparison.Ordinal) || text.Contains(Marker + Where(t), StringComparison.Ordinal)) is { } leaked)
        {
            return ($"the answer shows {leaked.Number} from outside the caller's scope", true);
        }

        return (null, true);
    }

    // The scope rule, restated independently of StaffAccess: handlers see what their subtree handles; the others also
    // see what it received (chat intake belongs to the root).
    private static bool Sees((string User, StaffRole Role, string Unit) caller, Ticket ticket) =>
        caller.Unit == "YGS" || ticket.HandlingUnitCode!.StartsWith(caller.Unit, StringComparison.Ordinal);

    private static string Where(Ticket t) => t.HandlingUnitCode switch
    {
        StaffTestHost.EastSchool => "东城",
        StaffTestHost.WestSchool => "西城",
        _ => "区级",
    };

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>An antiforgery token for the signed-in page client (the queue's sign-out form carries one).</summary>
    internal static async Task<string> TokenAsync(HttpClient pages)
    {
        var html = await pages.GetStringAsync("/staff");
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(token.Success, "no antiforgery token on /staff");
        return System.Net.WebUtility.HtmlDecode(token.Groups[1].Value);
    }
}
