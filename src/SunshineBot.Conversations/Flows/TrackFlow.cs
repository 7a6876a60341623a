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
    ];

    protected override async Task<TrackForm> InitializeAsync(TurnContext turn, string? args)
    {
        var tickets = await turn.Services.Tickets.ListForAsync(turn.Message.UserId, turn.CancellationToken);
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
        var number = TicketNumber.Normalize(reply.Text);
        if (number is null)
        {
            return Task.FromResult(StepOutcome.Retry("工单号的格式是 YG + 8位日期 + - + 序号，比如 YG20261122-0017，请再核对一下。"));
        }

        form.Number = number;
        return Task.FromResult(StepOutcome.Next);
    }

    private static async Task<StepOutcome> HandleLast4Async(TurnContext turn, TrackForm form, Reply reply)
    {
        var digits = ContactInfo.NormalizePhone(reply.Text);
        if (digits.Length != 4)
        {
            return StepOutcome.Retry("请输入4位数字。");
        }

        var ticket = await turn.Services.Tickets.FindAsync(form.Number!, digits, turn.CancellationToken);
        turn.Say(ticket is null
            ? "没有查到。请核对工单号和手机号后4位；匿名举报只能在提交时的对话里查询。"
            : Describe(ticket));
        return StepOutcome.Done;
    }
}
