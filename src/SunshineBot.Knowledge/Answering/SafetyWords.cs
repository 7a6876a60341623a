using System.Text.RegularExpressions;
using SunshineBot.Knowledge.Analysis;

namespace SunshineBot.Knowledge.Answering;

/// <summary>
/// Words that say a child may be in danger now: injury, violence, self-harm, food poisoning, a child missing.
/// A message with one of them gets the emergency answer first, whatever else it asks (a fee question in the
/// same message is still offered after it). Matched on the normalised text (simplified, half-width).
/// </summary>
public static partial class SafetyWords
{
    /// <summary>The first safety phrase in the text, or null.</summary>
    /// <remarks>
    /// An injury alone (摔伤, 骨折) in a message about compensation is an injury that is over and a dispute
    /// about who pays: that goes to the ordinary answers. Violence, self-harm, poisoning, bleeding and a
    /// missing child always count.
    /// </remarks>
    public static string? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = ChineseNormalizer.Fold(text);
        var match = Pattern().Match(folded);
        if (match.Success)
        {
            return match.Value;
        }

        var injury = Injury().Match(folded);
        return injury.Success && !Dispute().IsMatch(folded) ? injury.Value : null;
    }

    // Injury | violence | self-harm | food poisoning | missing. Kept to phrases that do not occur in fee
    // questions: 打 alone is not here (打电话, 打12345), nor 住院 (a child off sick asks about a refund).
    [GeneratedRegex(
        "流血|出血|头破|头都破|破了相|昏迷|晕倒|休克|抢救|急救|打120" +
        "|被[^ ]{0,8}打[了伤破哭]|被[^ ]{0,6}打|挨打|殴打|打伤|打人|围殴|打架|耳光|扇了|体罚|霸凌|欺凌|持刀|用刀|拿刀|刀子|性侵|猥亵" +
        "|自杀|轻生|不想活|活不下去|寻死|想死|割腕|割手腕|自残|跳楼|跳河|结束生命" +
        "|食物中毒|中毒|上吐下泻|集体腹泻|拉肚子|腹泻|呕吐|吐了|馊|变质|发霉" +
        "|失踪|走失|联系不上孩子|找不到孩子|没回家|没到家|还没到家",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex("受伤|受了伤|骨折|缝了?[几0-9一二三四五六七八九十]*针|淤青|青一块紫一块|烫伤|摔伤", RegexOptions.CultureInvariant)]
    private static partial Regex Injury();

    [GeneratedRegex("赔偿|索赔|赔钱|赔多少|谈不拢|打官司|起诉|责任险", RegexOptions.CultureInvariant)]
    private static partial Regex Dispute();
}
