using SunshineBot.Conversations.Engine;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Conversations.Intents;

/// <summary>What the parent wants to start: a form of one kind, a choice of kind (反映), progress, or a policy question.</summary>
public enum StartKind
{
    File,
    ChooseKind,
    Track,
    Faq,
}

/// <summary>A new flow the parent asked for; <see cref="Description"/> is their own words when they told the story too.</summary>
public sealed record StartIntent(StartKind What, TicketKind? Kind = null, string? Description = null)
{
    public string FlowId => What switch
    {
        StartKind.File => FlowIds.Intake,
        StartKind.ChooseKind => FlowIds.Kind,
        StartKind.Track => FlowIds.Track,
        _ => FlowIds.Faq,
    };

    public string? Args => What switch
    {
        StartKind.File => Description is null ? Kind.ToString() : $"{Kind}|{Description}",
        StartKind.ChooseKind => Description,
        _ => null,
    };

    /// <summary>How the bot names it to the parent ("登记投诉", "查询进度").</summary>
    public string Label => What switch
    {
        StartKind.File => "登记" + Labels.Of(Kind!.Value),
        StartKind.ChooseKind => "反映问题",
        StartKind.Track => "查询进度",
        _ => "政策咨询",
    };

    /// <summary>Encoded in the conversation state while the parent confirms leaving a half-filled form.</summary>
    public string Encode() => $"{What}|{Kind}|{Description}";

    public static StartIntent? Decode(string? text)
    {
        var parts = (text ?? "").Split('|', 3);
        if (parts.Length < 3 || !Enum.TryParse<StartKind>(parts[0], out var what))
        {
            return null;
        }

        TicketKind? kind = Enum.TryParse<TicketKind>(parts[1], out var k) ? k : null;
        return new StartIntent(what, kind, parts[2].Length == 0 ? null : parts[2]);
    }
}
