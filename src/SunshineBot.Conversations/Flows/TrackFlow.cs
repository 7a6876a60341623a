using System.Text;
using SunshineBot.Conversations.Engine;
using SunshineBot.Conversations.Prompts;
using SunshineBot.Conversations.Services;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Conversations.Flows;

public sealed class TrackForm
{
    public bool Shown { get; set; }

    public string? Number { get; set; }

    public bool Found { get; set; }

    public bool? Bind { get; set; }
}

/// <summary>
/// 查询进度: the parent's tickets by channel identity; otherwise by ticket number and the last four digits of the
/// phone given at intake. Shows status, deadline and the latest official reply in full.
/// </summary>
public sealed class TrackFlow : WaterfallFlow<TrackForm>
{
    public override string Id => FlowIds.Track;

    public override int Version => 1;

    protected override IReadOnlyList<FlowStep<TrackForm>> Steps { get; } =
    [
        new("number", (_, _) => OutgoingMessage.Say("这个对话里还没有您提交的事项。如果是在别处（电话、其他手机）提交的，请输入工单号，比如 YG20261122-0017。"), HandleNumber, f => !f.Shown),
        new("last4", (_, _) => OutgoingMessage.Say("请输入受理时留的手机号的后4位。"), HandleLast4Async, f => !f.Shown),
        new("bind", (_, _) => OutgoingMessage.Say("要把这个手机号绑定到这里吗？绑定后，用这个号码提交的事项（电话、其他设备提交的）都能在这里直接查看。", new QuickReply("绑定", "bind:yes"), new QuickReply("不用了", "bind:no")), HandleBind, f => f.Found),
        new("phone", (_, _) => OutgoingMessage.Say("为了确认是您本人，请输入完整的手机号。"), HandlePhoneAsync, f => f.Bind == true),
    ];

    protected override async Task<TrackForm> InitializeAsync(TurnContext turn, string? args)
    {
        var tickets = await turn.Services.Tickets.ListForAsync(turn.Message.UserId, turn.State.BoundPhone, turn.CancellationToken);
        if (tickets.Count == 0)
        {
            return new TrackForm();
        }

        turn.Say($"您在这里提交过 {tickets.Count} 件事项{(tickets.Count > 5 ? "，下面是最近的5件" : "")}：");
        foreach (var ticket in tickets.Take(5))
        {
            turn.Say(Describe(ticket));
        }

        return new TrackForm { Shown = true };
    }

    protected override Task CompleteAsync(TurnContext turn, TrackForm form) => Task.CompletedTask;

    public static string Describe(TicketSummary ticket)
    {
        var sb = new StringBuilder($"【{ticket.Number}】{Labels.Of(ticket.Kind)}");
        if (ticket.SchoolName is not null)
        {
            sb.Append(" · ").Append(ticket.SchoolName);
        }

        sb.Append("\n状态：").Append(Texts.Status(ticket.Status));
        sb.Append("\n受理时间：").Append(Texts.DateTime(ticket.ReceivedAt));
        if (ticket.DueAt is { } due && ticket.Status is TicketStatus.Received or TicketStatus.Dispatched or TicketStatus.PendingReview)
        {
            sb.Append("\n答复期限：").Append(Texts.Date(due)).Append('前');
        }

        if (ticket.LatestReply is { } reply)
        {
            sb.Append("\n\n正式答复（").Append(ticket.RepliedAt is { } at ? Texts.DateTime(at) : "").Append("）：\n").Append(reply);
        }

        return sb.ToString();
    }

    private static Task<StepOutcome> HandleNumber(TurnContext turn, TrackForm form, Reply reply)
    {
        var number = TicketNumber.Normalize(reply.Folded);
        if (number is null && (Parsers.IsSkip(reply.Value) || TextNormalizer.Key(reply.Value).Contains("不知道", StringComparison.Ordinal) || TextNormalizer.Key(reply.Value).Contains("忘了", StringComparison.Ordinal)))
        {
            turn.Say("没有工单号也没关系：用这个对话提交的事项，回复“查询进度”就能直接看到；在别处提交的，可以回复“人工”，请工作人员帮您查。");
            return Task.FromResult(StepOutcome.Done);
        }

        if (number is null && AnotherMatter.Looks(reply.Value))
        {
            return LeaveForAsync(turn, reply);
        }

        if (number is null)
        {
            return Task.FromResult(StepOutcome.Retry("工单号的格式是 YG + 8位日期 + - + 序号，比如 YG20261122-0017，请再核对一下。"));
        }

        form.Number = number;
        return Task.FromResult(StepOutcome.Next);
    }

    private static async Task<StepOutcome> HandleLast4Async(TurnContext turn, TrackForm form, Reply reply)
    {
        var digits = ContactInfo.NormalizePhone(reply.Folded);
        if (digits.Length != 4 && AnotherMatter.Looks(reply.Value))
        {
            return await LeaveForAsync(turn, reply);
        }

        if (digits.Length != 4)
        {
            return StepOutcome.Retry("请输入4位数字。");
        }

        var ticket = await turn.Services.Tickets.FindAsync(form.Number!, digits, turn.CancellationToken);
        if (ticket is null)
        {
            turn.Say("没有查到。请核对工单号和手机号后4位；匿名举报只能在提交时的对话里查询。");
            return StepOutcome.Done;
        }

        turn.Say(Describe(ticket));
        form.Found = true;
        return StepOutcome.Next;
    }

    private static Task<StepOutcome> HandleBind(TurnContext turn, TrackForm form, Reply reply)
    {
        form.Bind = reply.Choice switch { "bind:yes" => true, "bind:no" => false, _ => YesNo.Recognize(reply.Value) ?? (TextNormalizer.Key(reply.Value) == "绑定" ? true : null) };
        if (form.Bind is null && AnotherMatter.Looks(reply.Value))
        {
            return LeaveForAsync(turn, reply);
        }

        if (form.Bind is null)
        {
            return Task.FromResult(StepOutcome.Retry("请选“绑定”或“不用了”。"));
        }

        if (form.Bind == false)
        {
            turn.Say("好的。需要时随时回复“查询进度”。");
        }

        return Task.FromResult(StepOutcome.Next);
    }

    /// <summary>Something else said instead of the code or number asked for: that is answered, the lookup ends.</summary>
    private static async Task<StepOutcome> LeaveForAsync(TurnContext turn, Reply reply)
    {
        await turn.NewTurnAsync(turn.State.Top!, reply);
        return StepOutcome.Done;
    }

    private static async Task<StepOutcome> HandlePhoneAsync(TurnContext turn, TrackForm form, Reply reply)
    {
        var phone = ContactInfo.NormalizePhone(reply.Folded);
        if (!ContactInfo.IsMobile(phone) || !await turn.Services.Tickets.PhoneMatchesAsync(form.Number!, phone, turn.CancellationToken))
        {
            turn.Say("手机号和这件事项登记的不一致，没有绑定。");
            return StepOutcome.Done;
        }

        turn.State.BoundPhone = phone;
        turn.Say($"已绑定 {ContactInfo.MaskPhone(phone)}。以后回复“查询进度”，这个号码提交的事项都会显示在这里。");
        return StepOutcome.Done;
    }
}
