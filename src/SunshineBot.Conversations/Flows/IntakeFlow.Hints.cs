using System.Globalization;
using SunshineBot.Conversations.Engine;
using SunshineBot.Conversations.Prompts;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Conversations.Flows;

/// <summary>
/// What the parent already told us is offered back, not asked again: a story typed as the answer to "哪方面的"
/// becomes the description, and an amount or a day in the description is offered at the amount and date steps
/// (a "对" takes it; anything else is read as the answer).
/// </summary>
public sealed partial class IntakeFlow
{
    private static void KeepStoryFromCategoryAnswer(TurnContext turn, IntakeForm form, Reply reply)
    {
        var options = turn.Services.Options;
        if (reply.Choice is not null || form.Description is not null || reply.Text.Length > options.MaxDescriptionLength
            || TextNormalizer.Key(reply.Text).Length < Math.Max(options.MinDescriptionLength, 10))
        {
            return;
        }

        form.Description = reply.Text;
        form.Urgent = IsUrgent(turn, reply.Folded);
        turn.Say($"按“{Labels.Of(form.Category!.Value)}”登记。您说的情况已经记下，作为问题描述（最后核对时可以改）。");
    }

    private static OutgoingMessage AskAmount(TurnContext turn, IntakeForm form) =>
        StoryHints.Amount(form.Description) is { } amount
            ? OutgoingMessage.Say($"涉及多少钱？您前面提到 {Money(amount)}，是这个数就回复“对”，不是请直接写金额。", new QuickReply(Money(amount), Money(amount)), Skip)
            : OutgoingMessage.Say("涉及多少钱？比如“120元”。不清楚可以回复“跳过”。", Skip);

    private static OutgoingMessage AskDate(TurnContext turn, IntakeForm form)
    {
        if (StoryHints.Date(form.Description, Texts.Today(turn.Now)) is { } hint)
        {
            var day = hint.Date.ToString("M月d日", CultureInfo.InvariantCulture);
            return OutgoingMessage.Say($"大概是哪天收的费或通知的？您前面提到“{hint.Words}”，也就是 {day}，对的话回复“对”。", new QuickReply(day, day), Skip);
        }

        return OutgoingMessage.Say("大概是哪天收的费或通知的？比如“11月20日”“昨天”。不记得可以回复“跳过”。", Skip);
    }

    private static Task<StepOutcome> HandleAmount(TurnContext turn, IntakeForm form, Reply reply)
    {
        if (Parsers.IsSkip(reply.Value))
        {
            form.Amount = null;
            return Task.FromResult(StepOutcome.Next);
        }

        form.Amount = YesNo.Recognize(reply.Value) == true ? StoryHints.Amount(form.Description) : Parsers.Amount(reply.Folded);
        return Task.FromResult(form.Amount is null ? StepOutcome.Retry("没看懂金额，请输入数字，比如“120元”，或回复“跳过”。") : StepOutcome.Next);
    }

    private static Task<StepOutcome> HandleDate(TurnContext turn, IntakeForm form, Reply reply)
    {
        if (Parsers.IsSkip(reply.Value))
        {
            form.IncidentDate = null;
            return Task.FromResult(StepOutcome.Next);
        }

        var today = Texts.Today(turn.Now);
        form.IncidentDate = YesNo.Recognize(reply.Value) == true ? StoryHints.Date(form.Description, today)?.Date : Parsers.Date(reply.Folded, today);
        return Task.FromResult(form.IncidentDate is null ? StepOutcome.Retry("没看懂日期，请写成“11月20日”这样，或回复“跳过”。") : StepOutcome.Next);
    }

    private static string Money(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture) + "元";
}
