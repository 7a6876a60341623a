using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SunshineBot.Core.Ledger;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>台账 as .xlsx: a workbook Excel opens, the same columns and masking as the CSV, text never a formula.</summary>
public sealed class StaffLedgerXlsxTests
{
    private static readonly string[] Expected =
    [
        "工单号", "受理时间", "来访人姓名", "联系电话", "受理类型", "事件级别", "受理渠道", "受理部门", "受理人", "办理部门", "学校",
        "问题类别", "问题描述", "办结时限", "答复时间", "办结时间", "办结人", "拟办意见", "领导批示", "回访情况", "重办原因", "重办次数",
        "满意情况", "处理结果", "催办时间", "核实结论", "问题标签", "答复规范", "加盖公章",
    ];

    [Fact]
    public async Task ExportXlsx_Api_OpensWithTheLedgerColumnsMaskedAndTheUrgeTimes()
    {
        using var host = new StaffTestHost();
        var ticket = await host.FileComplaintAsync(description: "=HYPERLINK(\"http://evil.example\") 我是张三丰，电话13812345678");
        using var admin = await host.ApiAsync("admin");
        (await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/urge", new { note = "请尽快" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/urge", new { note = "再催" })).EnsureSuccessStatusCode();

        var response = await admin.GetAsync("/api/staff/tickets/export?format=xlsx");
        var rows = Sheet(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        Assert.Equal(Expected, rows[0]);
        Assert.Equal(Expected, LedgerColumns.All);
        var row = Assert.Single(rows, r => r[0] == ticket.Number);
        Assert.Equal("张**", row[2]);
        Assert.Equal("138****5678", row[3]);
        Assert.Equal("投诉", row[4]);
        Assert.Equal("=HYPERLINK(\"http://evil.example\") 我是张**，电话138****5678", row[12]);
        var urges = row[24].Split(';');
        Assert.Equal(2, urges.Length);
        Assert.All(urges, u => Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", u));
    }

    [Fact]
    public async Task ExportXlsx_UnknownFormat_IsRefusedInChinese()
    {
        using var host = new StaffTestHost();
        using var admin = await host.ApiAsync("admin");

        var response = await admin.GetAsync("/api/staff/tickets/export?format=pdf");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("csv 或 xlsx", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueuePage_ExcelLink_DownloadsTheFilteredWorkbook()
    {
        using var host = new StaffTestHost();
        await host.FileComplaintAsync();
        var consultation = await host.FileComplaintAsync(kind: Core.Tickets.TicketKind.Consultation);
        using var admin = await host.PagesAsync("admin");

        var page = await admin.GetPageAsync("/staff?kind=Consultation");
        var link = System.Text.RegularExpressions.Regex.Match(page, "<a href=\"([^\"]+)\" download>导出台账（Excel）</a>");
        Assert.True(link.Success, "no Excel ledger link on the queue");
        var url = WebUtility.HtmlDecode(link.Groups[1].Value);
        var rows = Sheet(await (await admin.Http.GetAsync(url)).Content.ReadAsByteArrayAsync());

        Assert.Equal("/staff?kind=Consultation&handler=Export&format=xlsx", url);
        Assert.Equal([consultation.Number], rows.Skip(1).Select(r => r[0]));
    }

    /// <summary>Reads the first sheet with the Open XML SDK directly (not the product's reader): inline strings only.</summary>
    private static List<string[]> Sheet(byte[] content)
    {
        using var stream = new MemoryStream(content);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single();
        Assert.Equal("台账", sheet.Name?.Value);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        Assert.Empty(part.Worksheet.Descendants<CellFormula>());
        return part.Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToArray())
            .ToList();
    }
}
