using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SunshineBot.Core.Tickets;
using SunshineBot.Core.Ledger;
using SunshineBot.Data.Ledger;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>台账 export: the queue's filters and scope, masked like the pages, safe to open in a spreadsheet.</summary>
public sealed class StaffLedgerExportTests
{
    [Fact]
    public async Task Export_Api_IsUtf8CsvWithBomAndMasksNameAndPhoneEvenInFreeText()
    {
        using var host = new StaffTestHost();
        var ticket = await host.FileComplaintAsync(description: "我是张三丰，电话138 1234 5678，另一位家长13698765432也被要求买教辅。");
        using var admin = await host.ApiAsync("admin");

        var response = await admin.GetAsync("/api/staff/tickets/export");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Contains("工单台账", response.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        var row = Assert.Single(Rows(text), r => r[0] == ticket.Number);
        Assert.Equal("张**", row[Column("来访人姓名")]);
        Assert.Equal("138****5678", row[Column("联系电话")]);
        Assert.Equal("我是张**，电话138****5678，另一位家长136****5432也被要求买教辅。", row[Column("问题描述")]);
        Assert.DoesNotContain("张三丰", text, StringComparison.Ordinal);
        Assert.DoesNotContain("138 1234 5678", text, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", text, StringComparison.Ordinal);
        Assert.DoesNotContain("13698765432", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_AfterAReveal_StillMasksAndAddsNoRevealEvent()
    {
        using var host = new StaffTestHost();
        var ticket = await host.FileComplaintAsync();
        using var leader = await host.ApiAsync("leader");
        (await leader.PostAsync($"/api/staff/tickets/{ticket.Number}/reveal", null)).EnsureSuccessStatusCode();

        var text = await leader.GetStringAsync("/api/staff/tickets/export");

        Assert.DoesNotContain("13812345678", text, StringComparison.Ordinal);
        Assert.DoesNotContain("张三丰", text, StringComparison.Ordinal);
        Assert.Equal(1, host.WithDb(db => db.TicketEvents.Count(e => e.Action == TicketAction.RevealContact)));
    }

    [Fact]
    public async Task Export_Handler_GetsOnlyTicketsDispatchedToTheirUnit()
    {
        using var host = new StaffTestHost();
        var east = await host.FileComplaintAsync();
        var west = await host.FileComplaintAsync(school: "西城区第一小学");
        var undispatched = await host.FileComplaintAsync();
        using var admin = await host.ApiAsync("admin");
        await admin.PostAsJsonAsync($"/api/staff/tickets/{east.Number}/dispatch", new { unitCode = StaffTestHost.EastSchool });
        await admin.PostAsJsonAsync($"/api/staff/tickets/{west.Number}/dispatch", new { unitCode = StaffTestHost.WestSchool });
        using var handler = await host.ApiAsync("east");

        var numbers = Rows(await handler.GetStringAsync("/api/staff/tickets/export")).Skip(1).Select(r => r[0]).ToList();
        var all = Rows(await admin.GetStringAsync("/api/staff/tickets/export")).Skip(1).Select(r => r[0]).ToList();

        Assert.Equal([east.Number], numbers);
        Assert.Equal(3, all.Count);
        Assert.Contains(undispatched.Number, all);
    }

    [Fact]
    public async Task Export_QueueFilters_SelectTheSameTicketsOnEveryPage()
    {
        using var host = new StaffTestHost(new() { ["Staff:PageSize"] = "5" });
        var complaints = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            complaints.Add((await host.FileComplaintAsync()).Number);
        }

        var consultation = await host.FileComplaintAsync(kind: TicketKind.Consultation, school: "西城区第二小学");
        using var admin = await host.ApiAsync("admin");

        var byKind = Rows(await admin.GetStringAsync("/api/staff/tickets/export?kind=Complaint&page=2")).Skip(1).Select(r => r[0]).Order().ToList();
        var bySchool = Rows(await admin.GetStringAsync("/api/staff/tickets/export?q=西城区第二")).Skip(1).Select(r => r[0]).ToList();
        var byNumber = Rows(await admin.GetStringAsync($"/api/staff/tickets/export?q={complaints[1].ToLowerInvariant()}")).Skip(1).Select(r => r[0]).ToList();
        var bad = await admin.GetAsync("/api/staff/tickets/export?due=someday");

        Assert.Equal(complaints.Order().ToList(), byKind);
        Assert.Equal([consultation.Number], bySchool);
        Assert.Equal([complaints[1]], byNumber);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("查询条件不正确", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Export_FormulaTypedByAParent_IsNeutralisedInTheCell()
    {
        using var host = new StaffTestHost();
        var ticket = await host.FileComplaintAsync(description: "=HYPERLINK(\"http://evil.example\",\"点我\") 学校乱收费");
        using var admin = await host.ApiAsync("admin");

        var text = await admin.GetStringAsync("/api/staff/tickets/export");

        var row = Assert.Single(Rows(text), r => r[0] == ticket.Number);
        Assert.Equal("'=HYPERLINK(\"http://evil.example\",\"点我\") 学校乱收费", row[Column("问题描述")]);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\") 学校乱收费\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+86 138", "'+86 138")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("说\"好\"", "\"说\"\"好\"\"\"")]
    [InlineData("第一行\n第二行", "\"第一行\n第二行\"")]
    [InlineData("普通文字", "普通文字")]
    public void Cell_DangerousOrSpecialText_IsNeutralisedAndQuoted(string field, string expected) =>
        Assert.Equal(expected, LedgerCsv.Cell(field));

    [Fact]
    public async Task QueuePage_ExportLink_KeepsTheFiltersAndDownloadsWithTheCookie()
    {
        using var host = new StaffTestHost();
        await host.FileComplaintAsync();
        var consultation = await host.FileComplaintAsync(kind: TicketKind.Consultation);
        using var admin = await host.PagesAsync("admin");

        var page = await admin.GetPageAsync("/staff?kind=Consultation&page=1");
        var link = System.Text.RegularExpressions.Regex.Match(page, "<a href=\"([^\"]+)\" download>导出台账</a>");
        Assert.True(link.Success, "no 导出台账 link on the queue");
        var url = System.Net.WebUtility.HtmlDecode(link.Groups[1].Value);
        var response = await admin.Http.GetAsync(url);
        var rows = Rows(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));

        Assert.Equal("/staff?kind=Consultation&handler=Export", url);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([consultation.Number], rows.Skip(1).Select(r => r[0]));
        Assert.Equal("张**", rows[1][Column("来访人姓名")]);
    }

    private static int Column(string name) => LedgerColumns.IndexOf(name);

    /// <summary>A small RFC 4180 reader (quoted fields, doubled quotes, line breaks inside quotes); the BOM dropped.</summary>
    private static List<string[]> Rows(string csv)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var text = csv.TrimStart('\uFEFF');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                rows.Add([.. fields]);
                fields.Clear();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.Empty(fields);
        Assert.All(rows, r => Assert.Equal(LedgerColumns.All.Count, r.Length));
        return rows;
    }
}
