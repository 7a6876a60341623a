using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SunshineBot.Core.Staff;
using SunshineBot.Data.Jobs;
using SunshineBot.Web.Staff.Units;
using SunshineBot.Web.Tests.Staff;
using Xunit.Abstractions;

namespace SunshineBot.Web.Tests.Security;

/// <summary>
/// The staff pages' own POST handlers (accounts, units, duty roster, jobs and the other admin pages), read from the
/// endpoint table (<see cref="StaffEndpointTable"/>) so that a new handler cannot be left out, sent for real with a valid
/// antiforgery token, signed in as every role, against a target in the caller's own unit, its parent unit and a foreign
/// unit: a role that may not use the page gets the page's 403 (also with an empty form, so nothing is checked before the
/// role), a centre admin of a district gets 404 for what lies outside its subtree, and no refused POST changes the
/// accounts, the units, their stamps, the roster or the monthly reports.
/// </summary>
public sealed class GeneratedAccessMatrixPagePostTests(ITestOutputHelper output)
{
    private const string NewPassword = "Matrix-Pass-123";

    // A form field that is not sent: what a district admin gets instead of 404 for that form.
    private const string Expect = "__expect";

    /// <summary>Page handlers sent here ("pattern?handler"), each the form it would need if the caller were allowed.</summary>
    private static readonly Dictionary<string, Func<Target, Dictionary<string, string>>> Forms = new(StringComparer.Ordinal)
    {
        ["staff/users?Add"] = t => new() { ["userName"] = "matrix-new", ["displayName"] = "矩阵新账号", ["password"] = NewPassword, ["role"] = "Handler", ["unitCode"] = t.Unit },
        ["staff/users?Reset"] = t => new() { ["userName"] = t.User, ["password"] = NewPassword },
        ["staff/users?Assign"] = t => new() { ["userName"] = t.User, ["role"] = "Viewer", ["unitCode"] = t.Unit },
        ["staff/users?Enable"] = t => new() { ["userName"] = t.User },
        ["staff/users?WeChat"] = t => new() { ["userName"] = t.User, ["openId"] = "oMatrixOpenId0001" },
        ["staff/users?Disable"] = t => new() { ["userName"] = t.User },
        ["staff/units?Add"] = t => new() { ["parentCode"] = t.Unit, ["code"] = t.Unit + "-MX", ["name"] = "矩阵新单位", ["kind"] = "School" },
        ["staff/units?Rename"] = t => new() { ["code"] = t.Unit, ["name"] = "矩阵改名", ["contactPhone"] = "0734-8999999" },
        ["staff/units?Deactivate"] = t => new() { ["code"] = t.Unit },
        ["staff/units?Stamp"] = t => new() { ["code"] = t.Unit }, // with a PNG file, see SendAsync
        // An account outside the subtree is not found by name, as a mistyped one (no hint that it exists)...
        ["staff/duty?Add"] = t => new() { ["from"] = "2026-06-11", ["userName"] = t.User, ["unitCode"] = t.Unit, ["phone"] = "0734-8100101", [Expect] = "422 未找到启用的账号" },
        // ...and one of the subtree put on a unit outside it is 404.
        ["staff/duty?Add#own-account"] = t => new() { ["from"] = "2026-06-11", ["userName"] = "east", ["unitCode"] = t.Unit, ["phone"] = "0734-8100101" },
        ["staff/duty?Remove"] = t => new() { ["id"] = t.ShiftId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        ["staff/reports/manual?"] = _ => new() { ["Item"] = "1", ["Score"] = "1", ["Note"] = "矩阵" },
        ["staff/jobs?Run"] = _ => new() { ["key"] = "DEFAULT.deadlines" },
        ["staff/reports/monthly?Run"] = _ => new() { ["month"] = "2026-05" },
        ["staff/knowledge?Rebuild"] = _ => [],
        ["staff/integration?Replay"] = _ => new() { ["id"] = "1" },
        ["staff/integration?ReplayAll"] = _ => [],
    };

    /// <summary>Handlers whose target is a unit (or something in one): a district admin is refused outside its subtree.</summary>
    private static readonly HashSet<string> Scoped = new(StringComparer.Ordinal)
    {
        "staff/users?Add", "staff/users?Reset", "staff/users?Assign", "staff/users?Enable", "staff/users?WeChat", "staff/users?Disable",
        "staff/units?Add", "staff/units?Rename", "staff/units?Deactivate", "staff/units?Stamp", "staff/duty?Add", "staff/duty?Add#own-account", "staff/duty?Remove", "staff/reports/manual?",
    };

    /// <summary>Page POSTs not sent here, and why; a handler in neither list fails the test until it is taught.</summary>
    private static readonly Dictionary<string, string> NotSent = new(StringComparer.Ordinal)
    {
        ["staff/tickets/{number}"] = "the ticket page: GeneratedAccessMatrixTests and GeneratedAccessMatrixAllowedTests",
        ["staff/tickets/new?"] = "filing: any role may file at its own unit (StaffPagesTests)",
        ["staff/notifications?Read"] = "the member's own notices only",
        ["staff/notifications?Ack"] = "确认收到: UrgentAcknowledgementTests, UrgentDispatchAlertTests",
        ["staff/logout?"] = "the member's own session",
        ["staff/reauth?"] = "the member's own password",
    };

    private sealed record Target(string Scope, string Unit, string User, long ShiftId);

    [Fact]
    public async Task EveryStaffPagePost_EveryRoleAndUnit_RefusedWithoutChangingAnything()
    {
        using var host = new StaffTestHost(new()
        {
            ["Security:RequestsPerIpPerMinute"] = "100000",
            ["Security:RequestsPerStaffAccountPerMinute"] = "100000",
            ["Security:SignInsPerIpPerMinute"] = "1000",
        });
        await SeedAsync(host);
        var shifts = host.WithDb(db => db.DutyRoster.AsNoTracking().ToDictionary(s => s.UnitCode!, s => s.Id));
        var users = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["YGS"] = "leader", ["YGS-DC"] = "dcadmin", [StaffTestHost.EastSchool] = "east", ["YGS-XC"] = "xcviewer", [StaffTestHost.WestSchool] = "west",
        };
        Target At(string scope, string unit) => new(scope, unit, users[unit], shifts[unit]);

        var posts = StaffEndpointTable.Read(host).Where(e => e is { Method: "POST", IsApi: false, Handler: not null }).Select(e => $"{e.Pattern}?{e.Handler}").ToList();
        var failures = posts.Where(p => !Forms.ContainsKey(p) && !NotSent.ContainsKey(p) && !NotSent.ContainsKey(p[..p.IndexOf('?', StringComparison.Ordinal)]))
            .Select(p => $"page handler {p} is new: teach the matrix its form (Forms) or why it is not sent (NotSent)").ToList();
        Assert.Contains("staff/users?Assign", posts);
        Assert.Contains("staff/duty?Remove", posts);
        Assert.Contains("staff/jobs?Run", posts);
        var before = Fingerprint(host);
        var sent = 0;
        foreach (var caller in GeneratedAccessMatrixTests.Callers)
        {
            // Own, parent and foreign unit, as seen from the caller's unit.
            Target[] targets = caller.Unit switch
            {
                "YGS" => [At("own", "YGS"), At("own", StaffTestHost.EastSchool), At("own", StaffTestHost.WestSchool)],
                "YGS-DC" => [At("own", StaffTestHost.EastSchool), At("parent", "YGS"), At("foreign", StaffTestHost.WestSchool)],
                StaffTestHost.EastSchool => [At("own", StaffTestHost.EastSchool), At("parent", "YGS-DC"), At("foreign", StaffTestHost.WestSchool)],
                _ => [At("own", StaffTestHost.WestSchool), At("parent", "YGS-XC"), At("foreign", StaffTestHost.EastSchool)],
            };
            using var pages = await host.PagesAsync(caller.User);
            var token = await GeneratedAccessMatrixTests.TokenAsync(pages.Http);
            var admin = caller.Role == StaffRole.CentreAdmin;
            foreach (var post in Forms.Keys.Where(k => posts.Contains(k.Split('#')[0])))
            {
                foreach (var target in targets)
                {
                    if (admin && (target.Scope == "own" || !Scoped.Contains(post)))
                    {
                        continue; // allowed: sending it would change the data under test
                    }

                    var first = target == targets[0];
                    if (!first && !Scoped.Contains(post))
                    {
                        continue; // the same request whatever the unit
                    }

                    // The wrong role also with an empty form, once: nothing may be checked before the role.
                    var forms = admin || !first ? [Forms[post](target)] : new[] { Forms[post](target), [] };
                    foreach (var form in forms)
                    {
                        var expect = form.Remove(Expect, out var e) && admin ? e : admin ? "404" : "403";
                        using var response = await SendAsync(pages.Http, post.Split('#')[0], target, form, token);
                        sent++;
                        var status = (int)response.StatusCode;
                        var text = await response.Content.ReadAsStringAsync();
                        var cell = $"{caller.User} POST /{post} ({target.Scope} {target.Unit}{(form.Count == 0 ? ", empty form" : "")})";
                        var expected = int.Parse(expect.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                        var wrong = status != expected
                            || (status == 403 && response.Content.Headers.ContentType?.MediaType != "text/plain") // the page's 403, never the page
                            || (expect.Split(' ') is [_, var words] && !System.Net.WebUtility.HtmlDecode(text).Contains(words, StringComparison.Ordinal));
                        if (wrong)
                        {
                            failures.Add($"{cell}: answered {status} {response.Content.Headers.ContentType?.MediaType} {Shorten(text)}");
                        }

                        if (Fingerprint(host) is var now && now != before)
                        {
                            failures.Add($"{cell}: the database changed");
                            before = now;
                        }
                    }
                }
            }
        }

        output.WriteLine($"{posts.Count} page POST handlers, {Forms.Count} taught; {sent} refused requests sent; failures {failures.Count}");
        Assert.True(sent > 150, $"only {sent} requests sent");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient pages, string post, Target target, Dictionary<string, string> form, string token)
    {
        var split = post.IndexOf('?', StringComparison.Ordinal);
        var url = "/" + post[..split] + (split == post.Length - 1 ? "?" : "?handler=" + post[(split + 1)..] + "&");
        // The report pages take their unit and period from the query; the others would bind those names too.
        url += post.StartsWith("staff/reports/", StringComparison.Ordinal) ? $"unit={target.Unit}&from=2026-01-01&to=2026-12-31&rubric=zhuhui-2019" : $"unit={target.Unit}";
        var fields = new Dictionary<string, string>(form, StringComparer.Ordinal) { ["__RequestVerificationToken"] = token };
        HttpContent content = new FormUrlEncodedContent(fields);
        if (post == "staff/units?Stamp" && form.Count > 0)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in fields)
            {
                multipart.Add(new StringContent(value), name);
            }

            var png = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
            png.Headers.ContentType = new("image/png");
            multipart.Add(png, "stamp", "stamp.png");
            content = multipart;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        return await pages.SendAsync(request);
    }

    // A unit of the other district with an account, and one shift at each unit a target names.
    private static async Task SeedAsync(StaffTestHost host)
    {
        using var admin = await host.ApiAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/staff/users", new { userName = "xcviewer", displayName = "西城查看", password = NewPassword, role = "Viewer", unitCode = "YGS-XC" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        foreach (var (user, unit) in new[] { ("leader", "YGS"), ("dcadmin", "YGS-DC"), ("east", StaffTestHost.EastSchool), ("xcviewer", "YGS-XC"), ("west", StaffTestHost.WestSchool) })
        {
            var shift = await admin.PostAsJsonAsync("/api/staff/duty", new { from = "2026-06-10", userName = user, unitCode = unit, phone = "0734-8100101" });
            Assert.True(shift.IsSuccessStatusCode, await shift.Content.ReadAsStringAsync());
        }
    }

    /// <summary>What a refused page POST must leave alone: accounts, units, stamps, the roster and monthly reports.</summary>
    private static string Fingerprint(StaffTestHost host)
    {
        using var scope = host.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SunshineBot.Data.SunshineDbContext>();
        var text = new StringBuilder();
        foreach (var u in db.StaffUsers.AsNoTracking().OrderBy(u => u.UserName).ToList())
        {
            text.Append(CultureInfoJoin(u.UserName, u.DisplayName, u.PasswordHash, u.Role, u.UnitCode, u.Active, u.WeChatOpenId));
        }

        foreach (var u in db.Units.AsNoTracking().OrderBy(u => u.Code).ToList())
        {
            text.Append(CultureInfoJoin(u.Code, u.Name, u.ContactPhone, u.Active, u.StampImageRef, u.ParentCode));
        }

        foreach (var s in db.DutyRoster.AsNoTracking().OrderBy(s => s.Id).ToList())
        {
            text.Append(CultureInfoJoin(s.Id, s.Day, s.UserName, s.UnitCode, s.Phone));
        }

        text.Append(CultureInfoJoin(db.Set<MonthlyReportRow>().Count(), db.ManualScores.Count()));
        var stamps = scope.ServiceProvider.GetRequiredService<StampStore>().Folder;
        if (Directory.Exists(stamps))
        {
            text.AppendJoin(",", Directory.GetFiles(stamps).Order(StringComparer.Ordinal).Select(f => f + ":" + new FileInfo(f).Length));
        }

        return text.ToString();
    }

    private static string CultureInfoJoin(params object?[] values) =>
        string.Join("|", values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))) + "\n";

    // The page's error line when there is one (a refusal shown on the page), else the start of the answer.
    private static string Shorten(string text)
    {
        var error = System.Text.RegularExpressions.Regex.Match(text, "<p class=\"error\"[^>]*>(.*?)</p>", System.Text.RegularExpressions.RegexOptions.Singleline);
        var shown = error.Success ? System.Net.WebUtility.HtmlDecode(error.Groups[1].Value) : text;
        return shown.Length <= 160 ? shown : shown[..160] + "…";
    }
}
