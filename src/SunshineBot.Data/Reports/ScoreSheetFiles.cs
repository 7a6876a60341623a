using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SunshineBot.Core.Scoring;
using SunshineBot.Data.Ledger;

namespace SunshineBot.Data.Reports;

/// <summary>
/// The score sheet as the issue's JSON (<c>{"rubric","from","to","units":[{"code","name","score","max","items":[{"id",
/// "title","points","max","manual","deductions":[{"points","reason","tickets"}]}]}]}</c>) and as an .xlsx, one line per
/// deduction. The CLI and the staff API write the same bytes.
/// </summary>
public static class ScoreSheetFiles
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
    };

    public static object ToJson(ScoreSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return new SheetDto(sheet.Rubric, Day(sheet.From), Day(sheet.To), sheet.Units.Select(u => new UnitDto(
            u.Code, u.Name, u.Score, u.Max, u.Items.Select(i => new ItemDto(
                i.Id, i.Title, i.Points, i.Max, i.Manual, i.Deductions.Select(d => new DeductionDto(d.Points, d.Reason, d.Tickets)).ToArray())).ToArray())).ToArray());
    }

    public static string WriteJson(ScoreSheet sheet) => JsonSerializer.Serialize(ToJson(sheet), Json);

    public static byte[] WriteXlsx(ScoreSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        string[] header = ["单位代码", "单位名称", "总分", "满分", "项目编号", "项目", "得分", "分值", "人工评分", "扣分", "扣分原因", "工单号"];
        var rows = new List<IReadOnlyList<string>>();
        foreach (var u in sheet.Units)
        {
            foreach (var i in u.Items)
            {
                string[] item = [u.Code, u.Name, N(u.Score), N(u.Max), i.Id, i.Title, N(i.Points), N(i.Max), i.Manual ? "是" : "否"];
                if (i.Deductions.Count == 0)
                {
                    rows.Add([.. item, "", i.Manual ? i.Note ?? "" : "", ""]);
                }

                foreach (var d in i.Deductions)
                {
                    rows.Add([.. item, N(d.Points), d.Reason, string.Join(";", d.Tickets)]);
                }
            }
        }

        return LedgerXlsx.Write(header, rows);
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string N(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);

    private sealed record SheetDto(string Rubric, string From, string To, IReadOnlyList<UnitDto> Units);

    private sealed record UnitDto(string Code, string Name, decimal Score, decimal Max, IReadOnlyList<ItemDto> Items);

    private sealed record ItemDto(string Id, string Title, decimal Points, decimal Max, bool Manual, IReadOnlyList<DeductionDto> Deductions);

    private sealed record DeductionDto(decimal Points, string Reason, IReadOnlyList<string> Tickets);
}
