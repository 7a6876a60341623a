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
        new("amount", AskAmount, HandleAmount, f => f.IsFee, Optional: true),
        new("date", AskDate, HandleDate, f => f.IsFee, Optional: true),
        new("photos", AskPhotos, HandlePhotos, TakesImages: true),
        new("anonymous", AskAnonymous, HandleAnonymous, f => f.Kind == TicketKind.Report && f.Anonymous is null),
        new("confidential", AskConfidential, HandleConfidential, f => f.Kind is not (TicketKind.Report or TicketKind.Consultation) && f.Confidential is null),
        new("name", (_, _) => OutgoingMessage.Say("请问怎么称呼您？比如“张女士”。不想留可以回复“跳过”。", Skip), HandleName, f => !f.IsAnonymous),
        new("phone", (_, _) => OutgoingMessage.Say("请留一个手机号，方便答复和回访，我们会为您保密。"), HandlePhone, f => !f.IsAnonymous && f.Phone is null),
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

        turn.Say(Intro(form.Kind) + (form.SchoolName is null ? "" : $"\n学校：{form.SchoolName}（不对的话，最后核对时可以改）。")
            + (form.Description is null ? "" : "\n您刚才说的情况已经记下，作为问题描述。"));
        form.Urgent = form.Description is not null && IsUrgent(turn, TextNormalizer.Fold(form.Description));
        HeldPhotosNotice(turn);
        return form;
    }

    protected override string? RestartArgs(IntakeForm form) => form.Kind.ToString();

    /// <summary>"匿名" or "要保密" said early (the intro mentions them): kept, and the question on screen asked again.</summary>
    protected override bool Intercept(TurnContext turn, IntakeForm form, string step, Reply reply)
    {
        var key = TextNormalizer.Key(reply.Value);
        if (reply.Choice is not null || key.Length > 6 || step is "anonymous" or "confidential" or "confirm")
        {
            return false;
        }

        if (form.Kind == TicketKind.Report && form.Anonymous is null && key is "匿名" or "我要匿名" or "要匿名" or "匿名举报" or "我要匿名举报")
        {
            (form.Anonymous, form.Name, form.Phone) = (true, null, null);
            turn.Say("好的，按匿名举报登记，不记录您的姓名和电话。");
            return true;
        }

        if (form.Kind is not (TicketKind.Report or TicketKind.Consultation) && form.Confidential is null && key is "保密" or "要保密" or "请保密" or "帮我保密" or "需要保密")
        {
            form.Confidential = true;
            turn.Say("好的，这件事会为您保密，只有负责办理的工作人员能看到。");
            return true;
        }

        return false;
    }

    protected override string? UnsavedWork(DialogFrame frame, IntakeForm form) =>
        frame.History.Count > 0 || form.Description is not null ? Labels.Of(form.Kind) : null;

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
            return await PickSchoolAsync(turn, form, reply.Choice[5..]);
        }

        var text = reply.Text;
        var key = TextNormalizer.Key(text);
        if (form.ConfirmingSchool && YesNo.Recognize(reply.Value) is { } keep)
        {
            return await PickSchoolAsync(turn, form, keep ? "keep" : "retype");
        }

        form.ConfirmingSchool = false;
        if (Parsers.IsSkip(text) || key is "不知道" or "其他" or "不清楚" or "不晓得" or "不知道是哪个" or "忘了")
        {
            return StepOutcome.Next;
        }

        if (key is "都不是" or "没有" or "不是" or "算了" or "没找到")
        {
            return StepOutcome.Retry("好的，请直接输入学校的名称；不清楚可以回复“不知道”。");
        }

        if (key.Length <= 1 || key.All(char.IsAsciiDigit))
        {
            return StepOutcome.Retry("请输入学校名称里的几个字，比如“一小”“实验中学”；不清楚可以回复“不知道”。");
        }

        if (text.Length > 60)
        {
            return StepOutcome.Retry("学校名称太长了，请只输入名称。");
        }

        var candidates = await turn.Services.Units.FindAsync(reply.Folded, 5, turn.CancellationToken);
        if (candidates.Count == 0 && form.PendingSchoolText is { } earlier && key.Length <= 6)
        {
            // "东城的" after the candidates for "一小": the two together name the school.
            var narrowed = await turn.Services.Units.FindAsync(key.TrimEnd('的', '那', '个', '边') + TextNormalizer.Key(earlier), 5, turn.CancellationToken);
            if (narrowed.Count == 1)
            {
                text = earlier;
                candidates = narrowed;
            }
        }

        var exact = candidates.FirstOrDefault(c => TextNormalizer.Key(c.Name) == TextNormalizer.Key(text));
        if (exact is not null || candidates.Count == 1)
        {
            var unit = exact ?? candidates[0];
            (form.SchoolCode, form.SchoolName, form.PendingSchoolText) = (unit.Code, unit.Name, null);
            turn.Say($"好的，{unit.Name}。");
            return StepOutcome.Next;
        }

        form.PendingSchoolText = text;
        if (candidates.Count == 0)
        {
            form.ConfirmingSchool = true;
            turn.Say(OutgoingMessage.Say($"名录里没有找到“{text}”。要按您写的这个名称记录吗？",
                new QuickReply("就按这个名称记录", "unit:keep"), new QuickReply("重新输入", "unit:retype"), new QuickReply("不知道", "unit:unknown")));
            return StepOutcome.Stay;
        }

        var choices = candidates.Select(c => new QuickReply(c.Name, "unit:" + c.Code)).Append(new QuickReply("都不是", "unit:other")).ToArray();
        turn.Say(OutgoingMessage.Say("找到几所名字相近的，是哪一所？", choices));
        return StepOutcome.Stay;
    }

    private static async Task<StepOutcome> PickSchoolAsync(TurnContext turn, IntakeForm form, string code)
    {
        form.ConfirmingSchool = code == "other" && form.PendingSchoolText is not null;
        switch (code)
        {
            case "unknown":
                form.PendingSchoolText = null;
                return StepOutcome.Next;
            case "keep" when form.PendingSchoolText is { } typed:
                (form.SchoolName, form.PendingSchoolText) = (typed, null);
                turn.Say($"好的，学校按“{typed}”记录。");
                return StepOutcome.Next;
            case "other" when form.PendingSchoolText is { } typed:
                turn.Say(OutgoingMessage.Say($"要按您写的“{typed}”记录吗？",
                    new QuickReply("就按这个名称记录", "unit:keep"), new QuickReply("重新输入", "unit:retype"), new QuickReply("不知道", "unit:unknown")));
                return StepOutcome.Stay;
            case "keep" or "other" or "retype":
                form.PendingSchoolText = null;
                return StepOutcome.Retry("好的，请重新输入学校名称，写全称更容易找到。");
        }

        var unit = await turn.Services.Units.GetAsync(code, turn.CancellationToken);
        if (unit is null)
        {
            return StepOutcome.Retry("没有找到这个单位，请重新输入名称。");
        }

        (form.SchoolCode, form.SchoolName, form.PendingSchoolText) = (unit.Code, unit.Name, null);
        return StepOutcome.Next;
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
        var picked = ChoiceRecognizer.Match(reply.Value, all) ?? CategoryWords.Guess(reply.Folded);
        if (picked is null || !Enum.TryParse<TicketCategory>(picked.Value[4..], out var category))
        {
            return Task.FromResult(StepOutcome.Retry("没有对上选项，请点一下按钮，或回复1到15的数字。"));
        }

        form.Category = category;
        KeepStoryFromCategoryAnswer(turn, form, reply);
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
        if (TextNormalizer.Key(text).Length < options.MinDescriptionLength || TextNormalizer.Key(text).All(char.IsAsciiDigit))
        {
            return Task.FromResult(StepOutcome.Retry($"写得有点少（至少{options.MinDescriptionLength}个字），请再具体一点。"));
        }

        if (text.Length > options.MaxDescriptionLength)
        {
            return Task.FromResult(StepOutcome.Retry($"内容太长了（最多{options.MaxDescriptionLength}字），请精简一下，细节可以用照片补充。"));
        }

        form.Description = text;
        form.Urgent = IsUrgent(turn, reply.Folded);

        return Task.FromResult(StepOutcome.Next);
    }

    private static bool IsUrgent(TurnContext turn, string folded)
    {
        var urgent = turn.Services.Options.UrgentKeywords.Any(k => folded.Contains(k, StringComparison.Ordinal));
        if (urgent)
        {
            turn.Say("您说的情况可能涉及学生的人身安全，我们会按“重大特急件”处理，提交后立即通知值班工作人员。如果现在就有危险，请马上拨打110或120。");
        }

        return urgent;
    }
}
