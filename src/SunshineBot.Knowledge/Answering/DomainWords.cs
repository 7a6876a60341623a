using System.Text.RegularExpressions;
using SunshineBot.Knowledge.Analysis;

namespace SunshineBot.Knowledge.Answering;

/// <summary>
/// Matters next to ours that other bodies handle: online shops and sellers, landlords and property
/// managers, employers and wages, hospitals, banks, telecoms, games, gyms and beauty salons. Such a
/// message shares words with our entries (退货, 质量, 跑路, 收费) but is not ours: unless it also names a
/// school matter (<see cref="Pattern"/>: schools, kindergartens, tutoring, school fees and aid), it gets
/// "not sure" rather than a confident answer.
/// </summary>
public static partial class DomainWords
{
    /// <summary>True when the message names another body's matter and no school matter.</summary>
    public static bool IsOtherDomain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = ChineseNormalizer.Fold(text);
        return Other().IsMatch(folded) && !Pattern().IsMatch(folded);
    }

    [GeneratedRegex(
        "网购|网店|淘宝|京东|拼多多|商家|卖家|店家|商场|超市|快递|外卖|房东|租房|房租|中介|物业|开发商|交房|装修|健身|美容|美发|理发|驾校" +
        "|单位|工资|加班|社保|公积金|医院|医生|药店|银行|贷款|信用卡|运营商|话费|流量|套餐|宽带|游戏|充值|直播|停车|打车|出租车|交警|水费|电费|燃气|宅基地|邻居|村里|奶粉|彩票|股票",
        RegexOptions.CultureInvariant)]
    private static partial Regex Other();

    [GeneratedRegex(
        "学校|学生|老师|教师|班主任|校长|校服|校车|校外|校内|校方|全校|在校|住校|到校|返校|入校|离校|进校|校门|放学|上学|开学|毕业|年级|班级|班费|班上|班里|同学|家长|家委会|家长群" +
        "|课本|教材|教辅|练习|辅导|作业|考试|中考|高考|小升初|课后|上课|补课|补习|培训|兴趣班|特长班|托管|学费|杂费|保教|住宿费|伙食费|学平险|资助|助学|补助|奖学金" +
        "|入学|招生|转学|择校|借读|插班|学籍|高中|初中|小学|中职|职高|中专|职校|幼儿园|入园|退园|转园|大班|中班|小班|公办|民办|义务教育|研学|春游|秋游|夏令营|食堂|饭堂|宿舍|教育|教室|午休|晚自习|体育课|学期|寒假|暑假|娃" +
        "|工单|回访|阳光服务|教育局|教体局",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
