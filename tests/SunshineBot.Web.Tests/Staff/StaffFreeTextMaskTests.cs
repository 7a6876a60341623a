using System.Net.Http.Json;
using System.Text.Json;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>A phone number or the complainant's name typed into the description is masked like the fields until revealed.</summary>
public sealed class StaffFreeTextMaskTests
{
    private const string Description = "我是张三丰，电话13812345678，另一位家长13698765432也被要求买教辅。";

    [Fact]
    public async Task TicketApi_NotRevealed_DescriptionMasked_RevealedShowsItAsWritten()
    {
        using var host = new StaffTestHost();
        var ticket = await host.FileComplaintAsync(description: Description);
        using var leader = await host.ApiAsync("leader");

        var shown = await leader.GetFromJsonAsync<JsonElement>($"/api/staff/tickets/{ticket.Number}");
        Assert.Equal("我是张**，电话138****5678，另一位家长136****5432也被要求买教辅。", shown.GetProperty("description").GetString());

        var revealed = await (await leader.PostAsync($"/api/staff/tickets/{ticket.Number}/reveal", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Description, revealed.GetProperty("description").GetString());
    }

    [Fact]
    public async Task QueueDetailAndPrintPages_NotRevealed_ShowNoPhoneOrName()
    {
        using var host = new StaffTestHost();
        var ticket = await host.FileComplaintAsync(description: Description);
        using var admin = await host.PagesAsync("admin");

        foreach (var url in new[] { "/staff", $"/staff/tickets/{ticket.Number}", $"/staff/tickets/{ticket.Number}/print" })
        {
            var html = await admin.GetPageAsync(url);
            Assert.DoesNotContain("13812345678", html, StringComparison.Ordinal);
            Assert.DoesNotContain("13698765432", html, StringComparison.Ordinal);
            Assert.DoesNotContain("张三丰", html, StringComparison.Ordinal);
        }
    }
}
