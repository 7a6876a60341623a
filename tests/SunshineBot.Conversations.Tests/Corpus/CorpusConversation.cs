using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SunshineBot.Conversations.Tests.Corpus;

/// <summary>
/// One parent conversation of the corpus (Corpus/*.yaml). <see cref="Says"/> is what the parent sends, one line a
/// message: plain text is typed; "=标签" picks the button with that label (tapped in the web chat, its number typed
/// on WeChat); "[图片]" sends a photo; "[等31分钟]" lets time pass; "[回访]" starts the revisit survey.
/// </summary>
public sealed class CorpusConversation
{
    public string Id { get; set; } = "";

    /// <summary>What the conversation is about, for whoever reads a failure.</summary>
    public string? Note { get; set; }

    public List<string> Says { get; set; } = [];

    public CorpusExpectation Expect { get; set; } = new();

    public override string ToString() => Id;

    public static IReadOnlyList<CorpusConversation> LoadAll()
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        var folder = Path.Combine(AppContext.BaseDirectory, "Corpus");
        return Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal)
            .SelectMany(file => deserializer.Deserialize<List<CorpusConversation>>(File.ReadAllText(file)) ?? [])
            .ToList();
    }
}

/// <summary>
/// The outcome a conversation must reach. <see cref="Kind"/> "none" means nothing is filed; <see cref="School"/>
/// is a unit code, "-" for none, or the free text recorded; <see cref="Answer"/> is the knowledge-base entry shown last.
/// </summary>
public sealed class CorpusExpectation
{
    public string? Kind { get; set; }

    public string? School { get; set; }

    public string? Category { get; set; }

    public decimal? Amount { get; set; }

    public string? Answer { get; set; }

    /// <summary>A fragment the filed description contains (the parent's words kept as written).</summary>
    public string? Description { get; set; }

    public bool? Confidential { get; set; }

    public bool? Anonymous { get; set; }

    public bool? Urgent { get; set; }

    public int? Photos { get; set; }

    /// <summary>The ticket the matter was added to instead of filing a new one (the duplicate guard).</summary>
    public string? Linked { get; set; }

    /// <summary>The satisfaction recorded by a revisit ("[回访]" starts one).</summary>
    public string? Revisit { get; set; }

    /// <summary>A fragment the bot's last replies contain.</summary>
    public string? Reply { get; set; }
}
