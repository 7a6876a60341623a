using SunshineBot.Core.Tickets;

namespace SunshineBot.Core.Parents;

/// <summary>The channels a parent talks to the bot on. Each has one adapter and one sender in the host.</summary>
public enum ParentChannel
{
    WebChat,
    WeChat,
}

/// <summary>
/// Where a parent is reached: the channel and the parent's identity in it (a web-chat device id, a WeChat OpenID).
/// Everything that writes to a parent (a turn's replies, a staff reply, a revisit survey) is addressed with it.
/// </summary>
public readonly record struct ParentAddress(ParentChannel Channel, string Id)
{
    /// <summary>The parent who filed <paramref name="ticket"/> over a chat channel, or null (phone, walk-in, 12345).</summary>
    public static ParentAddress? Of(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return ticket.FiledBy is { Length: > 0 } id && ParentChannels.FromTicket(ticket.Channel) is { } channel ? new ParentAddress(channel, id) : null;
    }

    public override string ToString() => $"{Channel.Key()}:{Id}";
}

/// <summary>The one place that knows how a parent channel is written down and which 受理渠道 it is.</summary>
public static class ParentChannels
{
    /// <summary>The stable key stored in the database ("webchat", "wechat").</summary>
    public static string Key(this ParentChannel channel) => channel switch
    {
        ParentChannel.WeChat => "wechat",
        _ => "webchat",
    };

    /// <summary>The channel of a stored key, or null for anything else.</summary>
    public static ParentChannel? Parse(string? key) => key switch
    {
        "wechat" => ParentChannel.WeChat,
        "webchat" => ParentChannel.WebChat,
        _ => null,
    };

    /// <summary>The ticket's 受理渠道 for a parent on this channel.</summary>
    public static Channel ToTicketChannel(this ParentChannel channel) => channel switch
    {
        ParentChannel.WeChat => Channel.WeChat,
        _ => Channel.WebChat,
    };

    /// <summary>The parent channel of a ticket's 受理渠道, or null when it is not a chat channel.</summary>
    public static ParentChannel? FromTicket(Channel channel) => channel switch
    {
        Channel.WeChat => ParentChannel.WeChat,
        Channel.WebChat => ParentChannel.WebChat,
        _ => null,
    };
}
