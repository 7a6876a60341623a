using SunshineBot.Conversations.Engine;
using SunshineBot.WeChat.Replies;

namespace SunshineBot.Web.WeChat;

/// <summary>
/// What of a turn goes into the one passive reply WeChat allows: the <see cref="Count"/> first replies, joined into
/// <see cref="Text"/>; the rest go through the outbox. Zero means the webhook answers "success" and everything goes
/// through the outbox.
/// </summary>
public sealed record WeChatPassiveReply(int Count, string? Text)
{
    public const string Separator = "\n\n";

    public static readonly WeChatPassiveReply None = new(0, null);

    /// <summary>
    /// The turn's text replies from the first on, joined while they fit one text reply (<see cref="WeChatReply.MaxTextBytes"/>):
    /// an FAQ answer and its "did this help?" follow-up arrive as one message, in order, with no customer-service call.
    /// A reply that is a picture (<paramref name="isPicture"/>) ends the passive part; a first reply that is a picture,
    /// or too long on its own, makes the whole turn go through the outbox.
    /// </summary>
    public static WeChatPassiveReply Plan(IReadOnlyList<OutgoingMessage> replies, Func<OutgoingMessage, bool> isPicture)
    {
        ArgumentNullException.ThrowIfNull(replies);
        ArgumentNullException.ThrowIfNull(isPicture);
        string? text = null;
        var count = 0;
        foreach (var reply in replies)
        {
            if (isPicture(reply))
            {
                break;
            }

            var joined = text is null ? WeChatText.Of(reply) : text + Separator + WeChatText.Of(reply);
            if (!WeChatReply.FitsText(joined))
            {
                break;
            }

            text = joined;
            count++;
        }

        return count == 0 ? None : new WeChatPassiveReply(count, text);
    }
}
