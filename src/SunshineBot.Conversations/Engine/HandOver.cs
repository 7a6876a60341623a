using SunshineBot.Conversations.Prompts;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Conversations.Engine;

/// <summary>
/// After 人工 the parent usually explains: their next words and pictures at the menu go onto the ticket 人工 filed,
/// so the staff member who takes it reads the whole matter. Starting anything else (a command, 我要投诉, a menu
/// pick) or half an hour of silence ends this.
/// </summary>
internal static class HandOver
{
    public static async Task<bool> AddAsync(TurnContext turn, string number, Reply reply)
    {
        if (reply.Choice is not null || reply.Location is not null || (reply.Image is null && (reply.Text.Length == 0
            || Greetings.IsGreeting(reply.Value) || Greetings.IsThanks(reply.Value))))
        {
            return false;
        }

        IReadOnlyList<IncomingImage> photos = reply.Image is { } image ? [image] : [];
        try
        {
            await turn.Services.Tickets.AddToAsync(number, turn.Message.UserId, reply.Text, photos, turn.CancellationToken);
        }
        catch (DomainException)
        {
            turn.State.HandedOverTicket = null;
            return false;
        }

        turn.Say(reply.Image is not null
            ? $"收到图片，已补充到工单 {number}。"
            : $"已补充到工单 {number}，工作人员会一并看到。还有要补充的可以接着发，回复“菜单”可以办理别的事。");
        return true;
    }
}
