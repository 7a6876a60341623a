using SunshineBot.Conversations.Engine;
using SunshineBot.Conversations.Prompts;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Conversations.Flows;

/// <summary>
/// 我要咨询/求助/投诉/举报/建议: school, category, description, amount and date for fees, photos, anonymity for
/// reports, name and phone, a summary to confirm or edit, the duplicate guard, then the ticket number and deadline.
/// Args: "Complaint", "Consultation|question to pre-fill", "Complaint||school:CODE".
/// </summary>
public sealed partial class IntakeFlow : WaterfallFlow<IntakeForm>
{
    public override string Id => FlowIds.Intake;

    public override int Version => 1;

    protected override IReadOnlyList<FlowStep<IntakeForm>> Steps { get; } =
    [
        new("school", AskSchool, HandleSchoolAsync, f => f.SchoolCode is null && f.SchoolName is null),
        new("category", AskCategory, HandleCategory),
        new("description", AskDescription, HandleDescription, f => f.Description is null),
        new("amount", (_, _) => OutgoingMessage.Say("涉及多少钱？比如“120元”。不清楚可以回复“跳过”。", Skip), HandleAmount, f => f.IsFee),
        new("date", (_, _) => OutgoingMessage.Say("大概是哪天收的费或通知的？比如“11月20日”“昨天”。不记得可以回复“跳过”。", Skip), HandleDate, f => f.IsFee),
        new("photos", AskPhotos, HandlePhotos),
        new("anonymous", AskAnonymous, HandleAnonymous, f => f.Kind == TicketKind.Report),
        new("name", (_, _) => OutgoingMessage.Say("请问怎么称呼您？比如“张女士”。不想留可以回复“跳过”。", Skip), HandleName, f => !f.IsAnonymous),
        new("phone", (_, _) => OutgoingMessage.Say("请留一个手机号，方便答复和回访，我们会为您保密。"), HandlePhone, f => !f.IsAnonymous),
        new("confirm", AskConfirm, HandleConfirmAsync),
        new("duplicate", AskDuplicate, HandleDuplicateAsync, f => f.Similar is not null),
    ];

    private static readonly QuickReply Skip = new("跳过", "跳过");

    protected override async Task<IntakeForm> InitializeAsync(TurnContext turn, string? args)
    {
        var parts = (args ?? "").Split('|');
        var form = new IntakeForm { Kind = Enum.TryParse<TicketKind>(parts[0], out var kind) ? kind : TicketKind.Consultation };
        if (parts.Length > 1 && parts[1].Length >= turn.Services.Options.MinDescriptionLength)
        {
            form.Description = parts[1];
        }

        if (parts.Length > 2 && parts[2].StartsWith("school:", StringComparison.Ordinal))
        {
            form.SchoolCode = parts[2]["school:".Length..];
        }

        if (form.SchoolCode is null && turn.State.PrefillSchoolCode is { } prefill)
        {
            form.SchoolCode = prefill;
        }

        if (form.SchoolCode is not null)
        {
            form.SchoolName = (await turn.Services.Units.GetAsync(form.SchoolCode, turn.CancellationToken))?.Name;
            if (form.SchoolName is null)
            {
                form.SchoolCode = null;
            }
        }

        turn.Say(Intro(form.Kind) + (form.SchoolName is null ? "" : $"\n学校：{form.SchoolName}（不对的话，最后核对时可以改）。"));
        return form;
    }

    protected override string? RestartArgs(IntakeForm form) => form.Kind.ToString();

    protected override Task CompleteAsync(TurnContext turn, IntakeForm form) => Task.CompletedTask;

    private static string Intro(TicketKind kind) => kind switch
    {
        TicketKind.Complaint => "好的，我来帮您登记投诉。接下来问您几个问题，随时回复“返回”改上一个答案，回复“取消”放弃。",
        TicketKind.Report => "好的，我来帮您登记举报。您的身份信息会严格保密，也可以选择匿名。",
        TicketKind.Help => "好的，我来帮您登记求助。",
        TicketKind.Suggestion => "谢谢您愿意提建议，我来帮您登记。",
        _ => "好的，我来帮您登记咨询，工作人员会给您答复。",
    };

    private static OutgoingMessage AskSchool(TurnContext turn, IntakeForm form) =>
        OutgoingMessage.Say("是哪所学校（或幼儿园、单位）？输入名称里的几个字就行，比如“一小”“实验中学”。不清楚可以回复“不知道”。", new QuickReply("不知道", "unit:unknown"));

    private static async Task<StepOutcome> HandleSchoolAsync(TurnContext turn, IntakeForm form, Reply reply)
    {
        if (reply.Choice?.StartsWith("unit:", StringComparison.Ordinal) == true)
        {
            var code = reply.Choice[5..];
            if (code == "unknown")
            {
                return StepOutcome.Next;
            }

            if (code == "other")
            {
                form.SchoolName = form.PendingSchoolText;
                return form.SchoolName is null ? StepOutcome.Retry("请直接输入学校的名称。") : StepOutcome.Next;
            }

            var unit = await turn.Services.Units.GetAsync(code, turn.CancellationToken);
            if (unit is null)
            {
                return StepOutcome.Retry("没有找到这个单位，请重新输入名称。");
            }

            (form.SchoolCode, form.SchoolName) = (unit.Code, unit.Name);
            return StepOutcome.Next;
        }

        var text = reply.Text;
        if (text.Length == 0 || Parsers.IsSkip(text) || TextNormalizer.Key(text) is "不知道" or "其他" or "不清楚")
        {
            return StepOutcome.Next;
        }

        if (text.Length > 60)
        {
            return StepOutcome.Retry("学校名称太长了，请只输入名称。");
        }

        var candidates = await turn.Services.Units.FindAsync(text, 5, turn.CancellationToken);
        var exact = candidates.FirstOrDefault(c => TextNormalizer.Key(c.Name) == TextNormalizer.Key(text));
        if (exact is not null || candidates.Count == 1)
        {
            var unit = exact ?? candidates[0];
            (form.SchoolCode, form.SchoolName) = (unit.Code, unit.Name);
            turn.Say($"好的，{unit.Name}。");
            return StepOutcome.Next;
        }

        if (candidates.Count == 0)
        {
            form.SchoolName = text;
            turn.Say($"名录里没有找到“{text}”，已按您写的名称记录。");
            return StepOutcome.Next;
        }

        form.PendingSchoolText = text;
        var choices = candidates.Select(c => new QuickReply(c.Name, "unit:" + c.Code)).Append(new QuickReply("都不是", "unit:other")).ToArray();
        turn.Say(OutgoingMessage.Say("找到几所名字相近的，是哪一所？", choices));
        return StepOutcome.Stay;
    }

    private static OutgoingMessage AskCategory(TurnContext turn, IntakeForm form)
    {
        var all = TicketCategories.FeeItems.Concat(TicketCategories.NonFeeItems).ToList();
        var list = string.Join("\n", all.Select((c, i) => $"{i + 1}. {Labels.Of(c)}"));
        return OutgoingMessage.Say("是关于哪方面的？点按钮或回复数字（1–10 是收费问题）：\n" + list, all.Select(c => new QuickReply(Labels.Of(c), "cat:" + c)).ToArray());
    }

    private static Task<StepOutcome> HandleCategory(TurnContext turn, IntakeForm form, Reply reply)
    {
        var all = TicketCategories.FeeItems.Concat(TicketCategories.NonFeeItems).Select(c => new QuickReply(Labels.Of(c), "cat:" + c)).ToList();
        var picked = ChoiceRecognizer.Match(reply.Value, all) ?? CategoryWords.Guess(reply.Text);
        if (picked is null || !Enum.TryParse<TicketCategory>(picked.Value[4..], out var category))
        {
            return Task.FromResult(StepOutcome.Retry("没有对上选项，请点一下按钮，或回复1到15的数字。"));
        }

        form.Category = category;
        return Task.FromResult(StepOutcome.Next);
    }

    private static OutgoingMessage AskDescription(TurnContext turn, IntakeForm form) => OutgoingMessage.Say(
        form.Kind == TicketKind.Suggestion
            ? "请写下您的建议，说得越具体越好。"
            : "请把情况说一说：什么时候、哪个年级班级、收了多少钱或发生了什么、是谁通知或要求的。写得越具体，办得越快（至少10个字）。");

    private static Task<StepOutcome> HandleDescription(TurnContext turn, IntakeForm form, Reply reply)
    {
        var options = turn.Services.Options;
        var text = reply.Text;
        if (reply.Image is not null)
        {
            return Task.FromResult(StepOutcome.Retry("照片稍后可以上传，这一步请先用文字说一说情况。"));
        }

        if (text.Length < options.MinDescriptionLength)
        {
            return Task.FromResult(StepOutcome.Retry($"写得有点少（至少{options.MinDescriptionLength}个字），请再具体一点。"));
        }

        if (text.Length > options.MaxDescriptionLength)
        {
            return Task.FromResult(StepOutcome.Retry($"内容太长了（最多{options.MaxDescriptionLength}字），请精简一下，细节可以用照片补充。"));
        }

        form.Description = text;
        form.Urgent = options.UrgentKeywords.Any(k => text.Contains(k, StringComparison.Ordinal));
        if (form.Urgent)
        {
            turn.Say("您说的情况可能涉及学生的人身安全，我们会按“重大特急件”处理，提交后立即通知值班工作人员。如果现在就有危险，请马上拨打110或120。");
        }

        return Task.FromResult(StepOutcome.Next);
    }

    private static Task<StepOutcome> HandleAmount(TurnContext turn, IntakeForm form, Reply reply)
    {
        if (Parsers.IsSkip(reply.Value))
        {
            form.Amount = null;
            return Task.FromResult(StepOutcome.Next);
        }

        form.Amount = Parsers.Amount(reply.Text);
        return Task.FromResult(form.Amount is null ? StepOutcome.Retry("没看懂金额，请输入数字，比如“120元”，或回复“跳过”。") : StepOutcome.Next);
    }

    private static Task<StepOutcome> HandleDate(TurnContext turn, IntakeForm form, Reply reply)
    {
        if (Parsers.IsSkip(reply.Value))
        {
            form.IncidentDate = null;
            return Task.FromResult(StepOutcome.Next);
        }

        form.IncidentDate = Parsers.Date(reply.Text, Texts.Today(turn.Now));
        return Task.FromResult(form.IncidentDate is null ? StepOutcome.Retry("没看懂日期，请写成“11月20日”这样，或回复“跳过”。") : StepOutcome.Next);
    }
}
