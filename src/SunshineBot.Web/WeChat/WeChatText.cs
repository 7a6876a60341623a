using System.Text;
using SunshineBot.Conversations.Engine;

namespace SunshineBot.Web.WeChat;

/// <summary>
/// Engine replies as WeChat text. WeChat text has no buttons, so quick replies become numbered lines ("回复数字：")
/// — the engine accepts the numbers.
/// </summary>
public static class WeChatText
{
    /// <summary>Engine wording that talks about buttons, as it reads where there are only numbers.</summary>
    private static readonly (string Buttons, string Numbers)[] Wording =
    [
        ("点下面的按钮或回复数字", "回复数字"),
        ("点按钮或回复数字", "回复数字"),
        ("请点一下按钮，或回复", "请回复"),
        ("点一下就能看。", "回复数字就能看。"),
        ("没问题请点“确认提交”；要改哪一项就点对应的按钮。", "没问题请回复 1（确认提交）；要改哪一项就回复对应的数字。"),
        ("请点“确认提交”，或者点要修改的那一项。", "请回复 1 确认提交，或者回复要修改的那一项的数字。"),
    ];

    public static string Of(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = new StringBuilder(message.Kind switch
        {
            OutgoingKind.Link when message.Link is { } link => $"{link.Title}\n{link.Description}\n{link.Url}".Trim(),
            OutgoingKind.Image => message.Text ?? "[图片]",
            _ => message.Text ?? "",
        });
        foreach (var (buttons, numbers) in Wording)
        {
            text.Replace(buttons, numbers);
        }

        var choices = message.Choices;
        // The menu text already lists its items by number.
        if (choices.Count > 0 && !text.ToString().Contains($"1. {choices[0].Label}", StringComparison.Ordinal))
        {
            text.Append("\n\n回复数字：");
            for (var i = 0; i < choices.Count; i++)
            {
                text.Append('\n').Append(i + 1).Append(". ").Append(choices[i].Label);
            }
        }

        return text.ToString();
    }

    /// <summary>The text sent with a picture: the message's text and numbered choices, or null when it has neither.</summary>
    public static string? CaptionOf(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return string.IsNullOrWhiteSpace(message.Text) && message.Choices.Count == 0
            ? null
            : Of(message with { Kind = OutgoingKind.Text, Text = message.Text ?? "" }).Trim();
    }
}
