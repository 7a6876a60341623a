using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Web.Tests.Staff;

public sealed class StaffPagesTests
{
    private static readonly byte[] TinyPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Queue_NotSignedIn_RedirectsToLogin()
    {
        using var host = new StaffTestHost();
        using var client = host.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/staff");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Login_PostWithoutAntiforgeryToken_IsRejected()
    {
        using var host = new StaffTestHost();
        using var client = host.App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var response = await client.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "admin", ["Password"] = StaffTestHost.AdminPassword }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("sunshine.staff=", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("?handler=Dispatch")]
    [InlineData("?handler=Act")]
    [InlineData("?handler=Reveal")]
    public async Task TicketForm_SignedInPostWithoutAntiforgeryToken_IsRejectedAndChangesNothing(string handler)
    {
        using var host = new StaffTestHost();
        var ticket = await host.FileComplaintAsync();
        using var admin = await host.PagesAsync("admin");

        var response = await admin.Http.PostAsync($"/staff/tickets/{ticket.Number}{handler}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["unitCode"] = StaffTestHost.EastSchool, ["action"] = "AddNote", ["text"] = "备注",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(host.WithDb(db => db.TicketEvents.Where(e => e.TicketId == ticket.Id).ToList()));
    }

    [Fact]
    public async Task Logout_PostWithoutAntiforgeryToken_KeepsTheSession()
    {
        using var host = new StaffTestHost();
        using var admin = await host.PagesAsync("admin");

        var response = await admin.Http.PostAsync("/staff/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/staff")).StatusCode);
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsAMessageAndSetsNoCookie()
    {
        using var host = new StaffTestHost();
        using var client = new StaffTestHost.PageClient(host.App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false }));

        var response = await client.PostFormAsync("/staff/login", "/staff/login", new() { ["UserName"] = "admin", ["Password"] = "wrong-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("用户名或密码不正确", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_Success_SetsASecureHttpOnlyStrictCookie()
    {
        using var host = new StaffTestHost();
        using var client = new StaffTestHost.PageClient(host.App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false }));

        var response = await client.PostFormAsync("/staff/login", "/staff/login", new() { ["UserName"] = "admin", ["Password"] = StaffTestHost.AdminPassword });

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), v => v.StartsWith("sunshine.staff=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TicketPage_Handler_SeesMaskedContactUntilRevealWhichIsAudited()
    {
        using var host = new StaffTestHost();
        var ticket = await host.FileComplaintAsync();
        using (var admin = await host.ApiAsync("admin"))
        {
            await admin.PostAsync($"/api/staff/tickets/{ticket.Number}/dispatch", System.Net.Http.Json.JsonContent.Create(new { unitCode = StaffTestHost.EastSchool }));
        }

        using var east = await host.PagesAsync("east");
        var page = await east.GetPageAsync($"/staff/tickets/{ticket.Number}");
        var revealed = await east.PostFormAsync($"/staff/tickets/{ticket.Number}", $"/staff/tickets/{ticket.Number}?handler=Reveal", []);
        var html = await revealed.Content.ReadAsStringAsync();

        Assert.Contains("张**", page, StringComparison.Ordinal);
        Assert.Contains("138****5678", page, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", page, StringComparison.Ordinal);
        Assert.Contains("13812345678", html, StringComparison.Ordinal);
        Assert.Contains("no-store", revealed.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Contains(TicketAction.RevealContact, host.WithDb(db => db.TicketEvents.Where(e => e.Action == TicketAction.RevealContact).Select(e => e.Action).ToList()));
    }

    [Fact]
    public async Task TicketPage_OtherUnitsTicket_Is404()
    {
        using var host = new StaffTestHost();
        var ticket = await host.FileComplaintAsync();
        using var west = await host.PagesAsync("west");

        var response = await west.Http.GetAsync($"/staff/tickets/{ticket.Number}");
        var print = await west.Http.GetAsync($"/staff/tickets/{ticket.Number}/print");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, print.StatusCode);
    }

    [Fact]
    public async Task ReplyForm_ThinReply_ShowsTheReasonAndKeepsTheTicket()
    {
        using var host = new StaffTestHost();
        host.SetStamp(StaffTestHost.EastSchool);
        var ticket = await host.FileComplaintAsync();
        using var admin = await host.PagesAsync("admin");
        var url = $"/staff/tickets/{ticket.Number}";
        var dispatched = await admin.PostFormAsync(url, url + "?handler=Dispatch", new() { ["unitCode"] = StaffTestHost.EastSchool });
        Assert.Equal(HttpStatusCode.Redirect, dispatched.StatusCode);
        using var east = await host.PagesAsync("east");

        var replied = await east.PostFormAsync(url, url + "?handler=Reply", new() { ["ReplyBody"] = "已转班主任处理。" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, replied.StatusCode);
        Assert.Contains("套话", await replied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(TicketStatus.Dispatched, host.WithDb(db => db.Tickets.Single(t => t.Number == ticket.Number).Status));
    }

    [Fact]
    public async Task Queue_Admin_ShowsCountsAndTheNewTicket()
    {
        using var host = new StaffTestHost();
        var ticket = await host.FileComplaintAsync();
        using var admin = await host.PagesAsync("admin");

        var page = await admin.GetPageAsync("/staff");
        var print = await admin.GetPageAsync($"/staff/tickets/{ticket.Number}/print");

        Assert.Contains(ticket.Number, page, StringComparison.Ordinal);
        Assert.Contains("待交办", page, StringComparison.Ordinal);
        Assert.Contains("阳光服务受理工单", print, StringComparison.Ordinal);
        Assert.Contains("投诉 ☑", print, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", print, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StampUpload_PngAcceptedAndNonImageRefused()
    {
        using var host = new StaffTestHost();
        using var admin = await host.PagesAsync("admin");

        var bad = await UploadAsync(admin, "fake.png", "not an image"u8.ToArray());
        var good = await UploadAsync(admin, "stamp.png", TinyPng);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("PNG或JPEG", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.True(File.Exists(Path.Combine(host.DataPath, "stamps", StaffTestHost.EastSchool + ".png")));
        var image = await admin.Http.GetAsync($"/staff/files/stamps/{StaffTestHost.EastSchool}");
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UsersPage_Handler_IsForbidden()
    {
        using var host = new StaffTestHost();
        using var east = await host.PagesAsync("east");

        var response = await east.Http.GetAsync("/staff/users");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> UploadAsync(StaffTestHost.PageClient client, string name, byte[] bytes)
    {
        var page = await client.GetPageAsync("/staff/units");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(System.Net.WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new StringContent(StaffTestHost.EastSchool), "code" },
            { new ByteArrayContent(bytes), "stamp", name },
        };
        return await client.Http.PostAsync("/staff/units?handler=Stamp", form);
    }
}
