using SunshineBot.Conversations.Services;
using SunshineBot.Core.Parents;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Conversations.Engine;

public enum GlobalCommand
{
    Menu,
    Cancel,
    Back,
    Restart,
    Human,
    Help,
}

/// <summary>Commands that work at any step: 菜单/主菜单, 取消, 返回, 重新开始, 人工, 帮助 (recognised by <see cref="Intents.IntentRecognizer.Command"/>).</summary>
public static class GlobalCommands
{
    public const string HelpText =
        "随时可以回复这些词：\n“菜单”回到主菜单；“取消”放弃正在填写的内容；“返回”回到上一个问题（已填的保留）；"
        + "“重新开始”从头填写；“人工”请工作人员来处理；“查询进度”查看您提交的事项。";

    /// <summary>Runs the command; false when it does not apply here and the text should go to the flow.</summary>
    internal static async Task<bool> RunAsync(TurnContext turn, GlobalCommand command, ConversationEngine engine)
    {
        var frame = turn.State.Top;
        switch (command)
        {
            case GlobalCommand.Menu when frame is not null && engine.FlowOf(frame)?.UnsavedWork(frame) is { } work:
                IntentSwitch.AskToLeave(turn, work, "回到主菜单", IntentSwitch.ToMenu);
                return true;
            case GlobalCommand.Menu:
                turn.ShowMenu(frame is null ? null : "已回到主菜单。");
                return true;
            case GlobalCommand.Cancel:
                turn.ShowMenu(frame is null ? "现在没有正在办理的事项。" : "好的，已取消，刚才填写的内容没有提交。");
                return true;
            case GlobalCommand.Back when frame is not null && engine.FlowOf(frame) is { } flow:
                await flow.BackAsync(turn, frame);
                return true;
            case GlobalCommand.Restart when frame is not null && engine.FlowOf(frame) is { } flow:
                await flow.RestartAsync(turn, frame);
                return true;
            case GlobalCommand.Back or GlobalCommand.Restart:
                turn.ShowMenu(Menu.Welcome);
                return true;
            case GlobalCommand.Human:
                await HandOverAsync(turn);
                return true;
            case GlobalCommand.Help:
                turn.Say(HelpText);
                if (frame is not null && engine.FlowOf(frame) is { } current)
                {
                    // Ask the current question again so the parent knows where they are.
                    await current.RepeatAsync(turn, frame);
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>人工: a consultation for a person, carrying the conversation so far.</summary>
    private static async Task HandOverAsync(TurnContext turn)
    {
        var transcript = string.Join("\n", turn.State.Transcript);
        var description = "家长在对话中请求人工服务。最近的对话记录：\n" + transcript;
        if (description.Length > turn.Services.Options.MaxDescriptionLength)
        {
            description = description[..turn.Services.Options.MaxDescriptionLength];
        }

        var intake = new TicketIntake
        {
            Kind = TicketKind.Consultation,
            Channel = ChannelOf(turn.Message.Channel),
            Category = TicketCategory.Other,
            Description = description,
            FiledBy = turn.Message.UserId,
        };
        turn.State.Stack.Clear();
        try
        {
            var filed = await turn.Services.Tickets.FileAsync(new IntakeRequest(intake, []), turn.CancellationToken);
            turn.State.HandedOverTicket = filed.Number;
            turn.Say($"已为您转给工作人员（工单号 {filed.Number}）。工作人员上班时间会在这里回复您，最迟 {Texts.Date(filed.ReplyDueAt)} 前答复。"
                + "请接着把情况说一说，您发来的文字和图片都会补充到这个工单里。");
        }
        catch (DomainException e)
        {
            turn.Say("转人工没有成功：" + e.Message + " 您可以稍后再试，或拨打教育局的服务电话。");
        }
    }

    internal static Channel ChannelOf(ParentChannel channel) => channel.ToTicketChannel();
}
