using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SunshineBot.Knowledge.Analysis;

namespace SunshineBot.Web.Staff.Search;

/// <summary>
/// A staff member's search words as a Lucene query over the tickets' text: every bigram the words make must occur
/// (a synonym concept stands in for the bigrams of its word, so 练习册 finds 教辅), single characters only add to
/// the score unless they stand alone. A word shaped like a ticket number also matches numbers that contain it.
/// </summary>
public static class TicketQuery
{
    public static Query? Parse(TicketAnalysis analysis, string text)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var words = (text ?? "").Trim();
        if (words.Length == 0)
        {
            return null;
        }

        var tokens = Tokens(analysis.Queries, words);
        var concepts = tokens.Where(t => IsConcept(t.Term)).ToList();
        bool Covered(Token t) => concepts.Any(c => c.Start <= t.Start && t.End <= c.End && !IsConcept(t.Term));
        var body = new BooleanQuery();
        foreach (var group in tokens.GroupBy(t => t.Term, StringComparer.Ordinal))
        {
            var token = group.First();
            var single = token.End - token.Start == 1 && ChineseNormalizer.IsCjk(token.Term[0]);
            var standalone = !single || !tokens.Any(o => o.End - o.Start == 2 && o.Start <= token.Start && token.End <= o.End);
            var required = standalone && group.All(Covered) is false;
            body.Add(new TermQuery(new Term(TicketDocuments.All, token.Term)), required ? Occur.MUST : Occur.SHOULD);
        }

        var query = new BooleanQuery();
        if (body.Clauses.Any(c => c.Occur == Occur.MUST))
        {
            query.Add(body, Occur.SHOULD);
        }

        if (LooksLikeNumber(words))
        {
            query.Add(new WildcardQuery(new Term(TicketDocuments.Number, "*" + words.ToUpperInvariant() + "*")) { Boost = 10 }, Occur.SHOULD);
        }

        return query.Clauses.Count == 0 ? null : query;
    }

    private static bool LooksLikeNumber(string words) =>
        words.Length is >= 3 and <= 24 && words.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && words.Any(char.IsAsciiDigit);

    private static bool IsConcept(string term) =>
        term.StartsWith(ChineseAnalyzer.SynonymTokenPrefix, StringComparison.Ordinal)
        && term.Length > ChineseAnalyzer.SynonymTokenPrefix.Length
        && term.AsSpan(ChineseAnalyzer.SynonymTokenPrefix.Length).ContainsAnyExceptInRange('0', '9') is false;

    private static List<Token> Tokens(ChineseLuceneAnalyzer analyzer, string text)
    {
        var tokens = new List<Token>();
        using var stream = analyzer.GetTokenStream(TicketDocuments.All, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(new Token(term.ToString(), offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }

    private readonly record struct Token(string Term, int Start, int End);
}
