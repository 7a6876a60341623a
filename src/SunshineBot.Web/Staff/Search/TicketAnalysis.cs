using System.Security.Cryptography;
using System.Text;
using SunshineBot.Knowledge.Analysis;
using SunshineBot.Knowledge.Loading;

namespace SunshineBot.Web.Staff.Search;

/// <summary>
/// The knowledge base's Chinese analysis (normalisation, unigrams and bigrams, the kb's synonym concepts), used for
/// tickets too, so staff and parents' words meet the same way. <see cref="Fingerprint"/> changes when the synonyms or
/// the document layout change: an index written under another fingerprint is rebuilt.
/// </summary>
public sealed class TicketAnalysis
{
    /// <summary>Raise when the fields of <see cref="TicketDocuments"/> change.</summary>
    private const string Layout = "tickets-v1";

    public TicketAnalysis(string kbPath)
    {
        var file = Path.Combine(kbPath, KbLoader.SynonymsFile);
        var lines = File.Exists(file) ? File.ReadAllLines(file) : [];
        var synonyms = KbLoader.ParseSynonyms(lines);
        var analysis = new ChineseAnalyzer(synonyms);
        Documents = ChineseLuceneAnalyzer.ForDocuments(analysis);
        Queries = ChineseLuceneAnalyzer.ForQuestions(analysis);
        var canonical = string.Join("\n", synonyms.Groups.Select(g => string.Join(" ", g)));
        Fingerprint = Layout + ":" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..16];
    }

    public ChineseLuceneAnalyzer Documents { get; }

    public ChineseLuceneAnalyzer Queries { get; }

    public string Fingerprint { get; }
}
