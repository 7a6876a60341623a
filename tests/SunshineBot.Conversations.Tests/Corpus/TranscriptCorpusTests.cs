using SunshineBot.Core.Parents;
using SunshineBot.Conversations.Services;
using SunshineBot.Conversations.Tests.Support;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Conversations.Tests.Corpus;

/// <summary>
/// Every corpus conversation, through the engine, once as the web chat sends it (buttons tapped) and once as
/// WeChat does (no buttons: the numbers of the numbered lines typed), each reaching its expected outcome.
/// </summary>
public sealed class TranscriptCorpusTests
{
    private static readonly IReadOnlyList<CorpusConversation> All = CorpusConversation.LoadAll();

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var conversation in All)
        {
            data.Add(conversation.Id, "webchat");
            data.Add(conversation.Id, "wechat");
        }

        return data;
    }

    [Fact]
    public void Corpus_HasAtLeast150ConversationsWithUniqueIds()
    {
        Assert.True(All.Count >= 150, $"the corpus has {All.Count} conversations");
        Assert.Equal(All.Count, All.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(All, c => Assert.True(c.Expect.Kind is not null || c.Expect.Answer is not null || c.Expect.Reply is not null || c.Expect.Revisit is not null, c.Id + " has no expected outcome"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Conversation_OnEitherChannel_ReachesItsExpectedOutcome(string id, string channel)
    {
        var conversation = All.Single(c => c.Id == id);
        var t = NewTranscript(channel).Enter();
        var log = new List<string>();
        foreach (var line in conversation.Says)
        {
            Say(t, line, channel, log);
            log.Add("  客服：" + t.LastText.Replace("\n", " ", StringComparison.Ordinal));
        }

        var transcript = string.Join("\n", log);
        var expect = conversation.Expect;
        foreach (var filed in t.Desk.Filed)
        {
            // Never a number or one character where a name is meant (a WeChat option number misread).
            Assert.False(filed.Intake.SchoolName is { } school && school.Trim().Length <= 1 || filed.Intake.SchoolName?.All(char.IsAsciiDigit) == true, transcript);
            Assert.False(filed.Intake.VisitorName is { Length: <= 1 }, transcript);
        }

        if (expect.Reply is { } reply)
        {
            Assert.True(t.LastText.Contains(reply, StringComparison.Ordinal), $"expected “{reply}” last.\n{transcript}");
        }

        if (expect.Answer is { } answer)
        {
            Assert.True(answer == t.Knowledge.LastShown, $"expected answer {answer}, shown {t.Knowledge.LastShown}.\n{transcript}");
        }

        if (expect.Revisit is { } revisit)
        {
            Assert.True(t.Desk.Revisits.Any(r => r.Satisfaction.ToString() == revisit), $"expected a revisit {revisit}.\n{transcript}");
        }

        if (expect.Kind is null)
        {
            return;
        }

        if (expect.Kind == "none")
        {
            Assert.True(t.Desk.Filed.Count == 0 && t.Desk.Linked.Count == 0, "expected nothing filed.\n" + transcript);
            return;
        }

        if (expect.Linked is { } linked)
        {
            Assert.True(t.Desk.Linked.Any(l => l.Number == linked), $"expected a link to {linked}.\n{transcript}");
            return;
        }

        Assert.True(t.Desk.Filed.Count == 1, $"expected one ticket, got {t.Desk.Filed.Count}.\n{transcript}");
        var intake = t.Desk.Filed[0].Intake;
        Check(Enum.Parse<TicketKind>(expect.Kind), intake.Kind, "kind", transcript);
        if (expect.School is { } s)
        {
            var actual = s == "-" ? (intake.SchoolUnitCode is null && intake.SchoolName is null ? "-" : intake.SchoolName) : s.StartsWith("YGS-", StringComparison.Ordinal) ? intake.SchoolUnitCode : intake.SchoolName;
            Check(s, actual, "school", transcript);
        }

        if (expect.Category is { } category)
        {
            Check(Enum.Parse<TicketCategory>(category), intake.Category, "category", transcript);
        }

        if (expect.Amount is { } amount)
        {
            Check(amount, intake.FeeAmount, "amount", transcript);
        }

        if (expect.Description is { } words)
        {
            Assert.True(intake.Description.Contains(words, StringComparison.Ordinal), $"description “{intake.Description}” lacks “{words}”.\n{transcript}");
        }

        if (expect.Confidential is { } confidential)
        {
            Check(confidential, intake.Confidential, "confidential", transcript);
        }

        if (expect.Anonymous is { } anonymous)
        {
            Check(anonymous, intake.Anonymous, "anonymous", transcript);
        }

        if (expect.Urgent is { } urgent)
        {
            Check(urgent, intake.Severity == Severity.Urgent, "urgent", transcript);
        }

        if (expect.Photos is { } photos)
        {
            Check(photos, t.Desk.Filed[0].Photos.Count, "photos", transcript);
        }
    }

    private static Transcript NewTranscript(string channel)
    {
        var t = new Transcript { Channel = channel == "wechat" ? ParentChannel.WeChat : ParentChannel.WebChat, UserId = channel == "wechat" ? "o-parent" : "device-9" };
        foreach (var (key, entry) in ExtraEntries)
        {
            t.Knowledge.Entries[key] = entry;
        }

        return t;
    }

    private static void Say(Transcript t, string line, string channel, List<string> log)
    {
        if (line.StartsWith('=') && line.Length > 1)
        {
            var label = line[1..];
            var offered = t.Offered;
            var index = offered.ToList().FindIndex(c => c.Label == label);
            Assert.True(index >= 0, $"no button “{label}” among [{string.Join(" | ", offered.Select(c => c.Label))}].\n{string.Join("\n", log)}");
            var number = (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            log.Add($"家长（{(channel == "wechat" ? number : "点")}）：{label}");
            if (channel == "wechat")
            {
                t.Send(number);
            }
            else
            {
                t.Tap(offered[index].Value);
            }

            return;
        }

        log.Add("家长：" + line);
        switch (line)
        {
            case "[图片]":
                t.Photo();
                break;
            case "[回访]":
                t.StartRevisit("YG20261101-0001");
                break;
            case "[等31分钟]":
                t.Wait(TimeSpan.FromMinutes(31));
                break;
            default:
                t.Send(line);
                break;
        }
    }

    private static void Check<T>(T expected, T actual, string what, string transcript) =>
        Assert.True(EqualityComparer<T>.Default.Equals(expected, actual), $"{what}: expected {expected}, got {actual}.\n{transcript}");

    /// <summary>Answers the corpus asks for beyond the shared fake's (keyed by a word the question contains).</summary>
    private static readonly (string Key, (string Id, string Title, string Answer) Entry)[] ExtraEntries =
    [
        ("课后服务", ("after-school-service-voluntary", "课后服务必须参加吗？", "课后服务由家长自愿选择，学校不得强制或变相强制。被强制的可以回复“我要投诉”。")),
        ("托管", ("after-school-service-voluntary", "课后服务必须参加吗？", "课后服务由家长自愿选择，学校不得强制或变相强制。")),
        ("补课", ("paid-tutoring-banned", "老师能收费补课吗？", "在职教师不得组织或参与有偿补课。发现的可以回复“我要举报”。")),
        ("择校费", ("admission-fees-banned", "入学要交择校费吗？", "义务教育阶段不得收取择校费、借读费。")),
        ("保险", ("insurance-voluntary", "学校代收的保险必须买吗？", "学生保险由家长自愿购买，学校不得强制代收。")),
        ("保教费", ("kindergarten-fees", "幼儿园保教费怎么收？", "按当地物价部门核定的标准收取，须公示。")),
        ("学杂费", ("tuition-standard", "今年的学杂费标准是多少？", "义务教育阶段免收学杂费。")),
        ("进度", ("how-to-track", "怎么查办理进度？", "回复“查询进度”即可。")),
    ];
}
