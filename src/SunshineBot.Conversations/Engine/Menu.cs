namespace SunshineBot.Conversations.Engine;

/// <summary>The main menu: what the bot offers, with the flow each item starts.</summary>
public static class Menu
{
    public sealed record Item(string Label, string Value, string FlowId, string? Args);

    public static IReadOnlyList<Item> Items { get; } =
    [
        new("政策咨询", "menu:faq", FlowIds.Faq, null),
        new("我要咨询", "menu:consult", FlowIds.Intake, "Consultation"),
        new("我要求助", "menu:help", FlowIds.Intake, "Help"),
        new("我要投诉", "menu:complain", FlowIds.Intake, "Complaint"),
        new("我要举报", "menu:report", FlowIds.Intake, "Report"),
        new("我要建议", "menu:suggest", FlowIds.Intake, "Suggestion"),
        new("查询进度", "menu:track", FlowIds.Track, null),
    ];

    public static OutgoingMessage Message(string? lead = null)
    {
        var numbered = string.Join("\n", Items.Select((item, i) => $"{i + 1}. {item.Label}"));
        var text = (lead is null ? "" : lead + "\n\n") + "请问需要办理什么？点下面的按钮或回复数字：\n" + numbered
            + "\n\n也可以直接把问题发给我，比如“学校让买练习册是必须的吗”。";
        return OutgoingMessage.Say(text, Items.Select(i => new QuickReply(i.Label, i.Value)).ToArray());
    }

    public const string Welcome = "您好！这里是教育阳光服务，可以解答收费政策，也可以受理咨询、求助、投诉、举报和建议。";

    /// <summary>The item the parent picked, by number, value, label or a close enough label ("投诉" → 我要投诉).</summary>
    public static Item? Find(string input)
    {
        var match = Prompts.ChoiceRecognizer.Match(input, Items.Select(i => new QuickReply(i.Label, i.Value)).ToList());
        if (match is not null)
        {
            return Items.First(i => i.Value == match.Value);
        }

        return input switch
        {
            "咨询" => Items[1],
            "求助" => Items[2],
            "投诉" => Items[3],
            "举报" => Items[4],
            "建议" => Items[5],
            "进度" or "查进度" or "查询" or "查询工单" => Items[6],
            _ => null,
        };
    }
}

/// <summary>Stable flow ids: they are saved with conversations, so never rename one.</summary>
public static class FlowIds
{
    public const string Faq = "faq";
    public const string Intake = "intake";
    public const string Track = "track";
    public const string Revisit = "revisit";
    public const string Kind = "kind";
    public const string Supplement = "supplement";
}
