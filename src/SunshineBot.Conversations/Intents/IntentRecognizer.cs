using System.Text.RegularExpressions;
using SunshineBot.Conversations.Engine;
using SunshineBot.Conversations.Prompts;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Conversations.Intents;

/// <summary>
/// Recognises a new intent before the text is read as an answer. Two rules keep a story from being mistaken for a
/// command: <see cref="Command"/> and <see cref="Start"/> only fire on a short imperative utterance (once polite
/// fillers are peeled off, nothing but the verb is left: "我想投诉一下", "要投诉学校", "投述"); a long text that
/// mentions 投诉 is an answer to the question asked. Only where no question is pending (the menu, a policy
/// question) does <see cref="InStory"/> read a whole story for the kind it asks for.
/// </summary>
public static partial class IntentRecognizer
{
    private static readonly string[] Prefixes =
    [
        "我还是想要", "我还是想", "我还是要", "还是想要", "还是想", "还是要", "那我想", "那我要", "我现在要", "我现在想", "我想要", "我需要", "我必须",
        "我就要", "请帮我", "麻烦你", "麻烦", "帮我", "给我", "我要", "我想", "我得", "我来", "想要", "需要", "还是", "那就", "那我", "现在", "直接",
        "不对", "不是", "算了", "改成", "改为", "换成", "还是改成", "我", "要", "想", "请", "那", "就", "去", "您好", "你好",
    ];

    private static readonly string[] Suffixes =
    [
        "这所学校", "这个学校", "他们学校", "一个问题", "一件事情", "个问题", "点问题", "些问题", "件事情", "一件事", "这件事", "一下子", "他们",
        "学校", "老师", "问题", "情况", "事情", "一下", "件事", "可以吗", "行吗", "好吗", "行不行", "吧", "啊", "呀", "哈", "呢", "了", "啦", "下", "个", "的",
    ];

    private static readonly Dictionary<string, StartIntent> Verbs = new(StringComparer.Ordinal)
    {
        ["投诉"] = File(TicketKind.Complaint), ["投述"] = File(TicketKind.Complaint), ["投拆"] = File(TicketKind.Complaint), ["投素"] = File(TicketKind.Complaint),
        ["头诉"] = File(TicketKind.Complaint), ["投苏"] = File(TicketKind.Complaint), ["偷诉"] = File(TicketKind.Complaint), ["告状"] = File(TicketKind.Complaint),
        ["举报"] = File(TicketKind.Report), ["举保"] = File(TicketKind.Report), ["举抱"] = File(TicketKind.Report), ["揭发"] = File(TicketKind.Report), ["检举"] = File(TicketKind.Report),
        ["咨询"] = File(TicketKind.Consultation), ["资询"] = File(TicketKind.Consultation), ["咨讯"] = File(TicketKind.Consultation), ["登记咨询"] = File(TicketKind.Consultation), ["提交咨询"] = File(TicketKind.Consultation),
        ["建议"] = File(TicketKind.Suggestion), ["提建议"] = File(TicketKind.Suggestion), ["提意见"] = File(TicketKind.Suggestion), ["提个建议"] = File(TicketKind.Suggestion), ["提点建议"] = File(TicketKind.Suggestion),
        ["提点意见"] = File(TicketKind.Suggestion), ["提个意见"] = File(TicketKind.Suggestion), ["有个建议"] = File(TicketKind.Suggestion), ["有建议"] = File(TicketKind.Suggestion),
        ["求助"] = File(TicketKind.Help), ["求救"] = File(TicketKind.Help), ["寻求帮助"] = File(TicketKind.Help),
        ["反映"] = new(StartKind.ChooseKind), ["反应"] = new(StartKind.ChooseKind), ["反馈"] = new(StartKind.ChooseKind), ["反映问题"] = new(StartKind.ChooseKind),
        ["查询进度"] = new(StartKind.Track), ["查进度"] = new(StartKind.Track), ["查询"] = new(StartKind.Track), ["进度"] = new(StartKind.Track), ["查看进度"] = new(StartKind.Track),
        ["查工单"] = new(StartKind.Track), ["查询工单"] = new(StartKind.Track), ["我的工单"] = new(StartKind.Track), ["办理进度"] = new(StartKind.Track), ["查一查"] = new(StartKind.Track),
        ["政策咨询"] = new(StartKind.Faq), ["问政策"] = new(StartKind.Faq),
    };

    private static readonly Dictionary<string, GlobalCommand> Commands = new(StringComparer.Ordinal)
    {
        ["菜单"] = GlobalCommand.Menu, ["主菜单"] = GlobalCommand.Menu, ["menu"] = GlobalCommand.Menu, ["回到菜单"] = GlobalCommand.Menu, ["返回菜单"] = GlobalCommand.Menu,
        ["回到主菜单"] = GlobalCommand.Menu, ["返回主菜单"] = GlobalCommand.Menu, ["回主菜单"] = GlobalCommand.Menu, ["看菜单"] = GlobalCommand.Menu, ["首页"] = GlobalCommand.Menu,
        ["取消"] = GlobalCommand.Cancel, ["退出"] = GlobalCommand.Cancel, ["不办了"] = GlobalCommand.Cancel, ["不填了"] = GlobalCommand.Cancel, ["不想填"] = GlobalCommand.Cancel,
        ["不投诉"] = GlobalCommand.Cancel, ["不举报"] = GlobalCommand.Cancel, ["取消登记"] = GlobalCommand.Cancel, ["撤销"] = GlobalCommand.Cancel, ["放弃"] = GlobalCommand.Cancel,
        ["返回"] = GlobalCommand.Back, ["上一步"] = GlobalCommand.Back, ["上一个"] = GlobalCommand.Back, ["回上一步"] = GlobalCommand.Back, ["返回上一步"] = GlobalCommand.Back,
        ["重新开始"] = GlobalCommand.Restart, ["重来"] = GlobalCommand.Restart, ["重新填"] = GlobalCommand.Restart, ["重新填写"] = GlobalCommand.Restart, ["从头开始"] = GlobalCommand.Restart,
        ["人工"] = GlobalCommand.Human, ["转人工"] = GlobalCommand.Human, ["人工客服"] = GlobalCommand.Human, ["人工服务"] = GlobalCommand.Human, ["找人工"] = GlobalCommand.Human,
        ["真人"] = GlobalCommand.Human, ["找真人"] = GlobalCommand.Human, ["工作人员"] = GlobalCommand.Human, ["找工作人员"] = GlobalCommand.Human, ["客服"] = GlobalCommand.Human,
        ["帮助"] = GlobalCommand.Help, ["help"] = GlobalCommand.Help, ["怎么用"] = GlobalCommand.Help, ["使用说明"] = GlobalCommand.Help,
    };

    private static readonly Dictionary<string, GlobalCommand> CommandValues = new(StringComparer.Ordinal)
    {
        ["cmd:menu"] = GlobalCommand.Menu, ["cmd:cancel"] = GlobalCommand.Cancel, ["cmd:back"] = GlobalCommand.Back,
        ["cmd:restart"] = GlobalCommand.Restart, ["cmd:human"] = GlobalCommand.Human, ["cmd:help"] = GlobalCommand.Help,
    };

    /// <summary>A global command: a tapped command button, or a short utterance that is only the command.</summary>
    public static GlobalCommand? Command(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Choice is { } choice)
        {
            return CommandValues.TryGetValue(choice, out var tapped) ? tapped : null;
        }

        var text = reply.Folded.Trim();
        if (text is "?" or "？")
        {
            return GlobalCommand.Help;
        }

        var key = TextNormalizer.Key(text);
        return key.Length is 0 or > 12 ? null : Peel(key, c => Commands.ContainsKey(c)) is { } core ? Commands[core] : null;
    }

    /// <summary>A flow to start: a tapped menu button, or a short imperative ("我想投诉一下", "举報", "查进度").</summary>
    public static StartIntent? Start(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Choice is { } choice)
        {
            return Menu.Items.FirstOrDefault(i => i.Value == choice) is { } item ? FromMenu(item) : null;
        }

        var key = TextNormalizer.Key(reply.Folded);
        if (key.Length is > 0 and <= 12 && Peel(key, Verbs.ContainsKey) is { } core)
        {
            return Verbs[core];
        }

        return AsksProgress(reply.Folded) ? new StartIntent(StartKind.Track) : null;
    }

    /// <summary>
    /// The parent asks how their own matter is going, in their words ("我的投诉怎么样了", "上次反映的事有结果了吗",
    /// "工单到哪一步了"): a question about a matter of theirs (a possessive or "上次…的"), or a ticket's status
    /// asked in the perfect ("…了吗", "到哪一步了"). "怎么投诉" or "投诉有用吗" stay questions for the knowledge base.
    /// Only a short message counts: a longer one is a story ("上次反映的事一直没回复，这次又…") and is answered as one.
    /// </summary>
    public static bool AsksProgress(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        return folded.Trim().Length <= 24 && (OwnMatterStatus().IsMatch(folded) || TicketStatusPerfect().IsMatch(folded));
    }

    /// <summary>
    /// A story told where no question is pending ("学校乱收费，我要反映"): the kind it asks for, with the story as
    /// the description; null when it reads as a question about complaining ("怎么投诉") or names no kind.
    /// </summary>
    public static StartIntent? InStory(string asWritten)
    {
        var folded = TextNormalizer.Fold(asWritten);
        var strong = Imperative().Match(folded);
        var kind = strong.Success ? KindOf(strong.Groups["verb"].Value) : Suggesting().IsMatch(folded) ? File(TicketKind.Suggestion) : null;
        if (kind is null && !Question().IsMatch(folded))
        {
            kind = Mention().Match(folded) is { Success: true } mention ? KindOf(mention.Value) : null;
        }

        return kind is null ? null : kind with { Description = asWritten };
    }

    private static StartIntent? KindOf(string verb) => verb switch
    {
        "投诉" or "投述" or "告状" => File(TicketKind.Complaint),
        "举报" or "检举" or "揭发" => File(TicketKind.Report),
        "求助" => File(TicketKind.Help),
        _ when verb.Contains("建议", StringComparison.Ordinal) || verb == "提意见" => File(TicketKind.Suggestion),
        "反映" or "反应" or "曝光" => new StartIntent(StartKind.ChooseKind),
        _ => null,
    };

    private static StartIntent FromMenu(Menu.Item item) => item.FlowId switch
    {
        FlowIds.Intake => File(Enum.Parse<TicketKind>(item.Args!)),
        FlowIds.Track => new StartIntent(StartKind.Track),
        _ => new StartIntent(StartKind.Faq),
    };

    private static StartIntent File(TicketKind kind) => new(StartKind.File, kind);

    /// <summary>Strips polite prefixes and tails until what is left is a known word, or nothing known is left.</summary>
    private static string? Peel(string key, Func<string, bool> known)
    {
        var current = key;
        for (var guard = 0; guard < 8; guard++)
        {
            if (known(current))
            {
                return current;
            }

            var prefix = Prefixes.FirstOrDefault(p => current.Length > p.Length && current.StartsWith(p, StringComparison.Ordinal));
            if (prefix is not null && known(current[prefix.Length..]))
            {
                return current[prefix.Length..];
            }

            var suffix = Suffixes.FirstOrDefault(s => current.Length > s.Length && current.EndsWith(s, StringComparison.Ordinal));
            if (prefix is null && suffix is null)
            {
                return null;
            }

            current = prefix is not null ? current[prefix.Length..] : current[..^suffix!.Length];
        }

        return null;
    }

    [GeneratedRegex("(要|想|得|必须|准备|打算|需要|我来|帮我|给我)(去|来|向你们|跟你们|和你们|找你们)?(?<verb>投诉|投述|举报|检举|揭发|反映|反应|求助|提建议|提意见|曝光|告状)")]
    private static partial Regex Imperative();

    [GeneratedRegex("投诉|投述|举报|检举")]
    private static partial Regex Mention();

    [GeneratedRegex("(我的|我们的|我家的|我(刚才|之前|上次|上回|前几天|前两天|昨天|上周)?(反映|反应|投诉|举报|提交|登记|报|问)的|(之前|上次|上回|刚才)(的|那个|那件)?)(投诉|举报|工单|单子|事情?|问题|申请|求助|咨询|建议)?.{0,6}(怎么样了|怎样了|咋样了|如何了|怎么样啦|进展|进度|结果|回复|答复|回音|消息|动静|处理得|处理了|处理到|办得|办了|办到|到哪)")]
    private static partial Regex OwnMatterStatus();

    [GeneratedRegex("(投诉|举报|工单|单子|反映的(事情?|问题)).{0,4}(怎么样了|怎样了|咋样了|如何了|到哪(一步|儿)?了|处理了(吗|没)|办了(吗|没)|(有|出)(结果|回复|答复|进展|回音)了|有没有(结果|回复|答复|进展|回音)|还没(有)?(回复|答复|处理|结果|人管))")]
    private static partial Regex TicketStatusPerfect();

    [GeneratedRegex("我有(个|一个|点|几个|条)建议|我的建议是|我建议|提(个|一个|点)建议")]
    private static partial Regex Suggesting();

    [GeneratedRegex("怎么|怎样|如何|哪里|哪儿|在哪|能不能|能否|可不可以|可以吗|行吗|吗|\\?|多少|电话|流程|渠道|方式|有没有用|有用吗")]
    private static partial Regex Question();
}
