using System.Globalization;
using System.Text;
using SunshineBot.Knowledge.Content;

namespace SunshineBot.Knowledge.Analysis;

/// <summary>
/// Turns Chinese text into search tokens: normalisation, overlapping bigrams (and unigrams) for CJK runs,
/// whole words for Latin letters and digits, and one concept token per synonym group found. Documents and
/// queries go through the same steps, so the index only has to count the tokens. Every token carries the
/// offsets of the original text it came from (normalisation keeps one character per character), which the
/// Lucene tokenizer (<see cref="ChineseTokenizer"/>) hands on to the highlighter. Thread-safe.
/// </summary>
public sealed class ChineseAnalyzer
{
    /// <summary>Concept tokens look like <c>syn12</c>: plain ASCII, never a Chinese bigram.</summary>
    public const string SynonymTokenPrefix = "syn";

    private readonly PhraseMatcher _synonyms;
    private readonly PhraseMatcher _stopWords;
    private readonly Dictionary<int, string> _conceptTokens;

    public ChineseAnalyzer(SynonymTable synonyms, ChineseAnalyzerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(synonyms);
        Options = options ?? new ChineseAnalyzerOptions();
        var concepts = Options.Synonyms ? SynonymConcepts.Build(synonyms) : [];
        _synonyms = new PhraseMatcher(concepts);
        _conceptTokens = concepts.Values.Distinct().ToDictionary(g => g, g => SynonymTokenPrefix + g.ToString(CultureInfo.InvariantCulture));
        _stopWords = new PhraseMatcher(Options.QueryStopWords
            ? StopWords.Default.Select(ChineseNormalizer.Normalize).Distinct(StringComparer.Ordinal).ToDictionary(w => w, _ => 0, StringComparer.Ordinal)
            : []);
    }

    public ChineseAnalyzerOptions Options { get; }

    /// <summary>Tokens of a document field, in order and with repeats (term frequency matters to bm25).</summary>
    public List<string> AnalyzeDocument(string text)
    {
        var sink = new ListSink(new List<string>(text.Length * 2));
        AnalyzeDocument(text, ref sink);
        return sink.Tokens;
    }

    /// <summary>The tokens of <see cref="AnalyzeDocument(string)"/>, handed over as spans: no string per token.</summary>
    internal void AnalyzeDocument<TSink>(string text, ref TSink sink)
        where TSink : struct, ITokenSink
    {
        var normalized = ChineseNormalizer.Fold(text);
        AddSynonymTokens(normalized, ref sink);
        AddTextTokens(normalized, ref sink);
    }

    /// <summary>
    /// Distinct tokens of a question, filler words removed. Where a filler word and a synonym start at the
    /// same place, the longer wins and filler wins ties: 请问 is filler here, not the 咨询 concept.
    /// </summary>
    public List<string> AnalyzeQuery(string text)
    {
        var sink = new ListSink([]);
        AnalyzeQuery(text, ref sink);
        return sink.Tokens.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The tokens of <see cref="AnalyzeQuery(string)"/> as spans, repeats not removed.</summary>
    internal void AnalyzeQuery<TSink>(string text, ref TSink sink)
        where TSink : struct, ITokenSink
    {
        var normalized = ChineseNormalizer.Fold(text);
        var kept = _stopWords.ReplaceMatchesWithSpace(normalized, out var removed);
        AddSynonymTokens(normalized, ref sink, removed);
        AddTextTokens(kept, ref sink);
    }

    private void AddSynonymTokens<TSink>(string normalized, ref TSink sink, bool[]? removed = null)
        where TSink : struct, ITokenSink
    {
        foreach (var (start, length, group) in _synonyms.FindMatches(normalized))
        {
            if (removed is null || !removed[start])
            {
                sink.Add(_conceptTokens[group], start, start + length);
            }
        }
    }

    private void AddTextTokens<TSink>(string normalized, ref TSink sink)
        where TSink : struct, ITokenSink
    {
        var start = 0;
        while (start < normalized.Length)
        {
            var c = normalized[start];
            if (c == ' ')
            {
                start++;
                continue;
            }

            var cjk = ChineseNormalizer.IsCjk(c);
            var end = start + 1;
            while (end < normalized.Length && normalized[end] != ' ' && ChineseNormalizer.IsCjk(normalized[end]) == cjk)
            {
                end++;
            }

            var run = normalized.AsSpan(start, end - start);
            if (cjk)
            {
                AddCjkTokens(run, start, ref sink);
            }
            else
            {
                sink.Add(run, start, end);
            }

            start = end;
        }
    }

    private void AddCjkTokens<TSink>(ReadOnlySpan<char> run, int offset, ref TSink sink)
        where TSink : struct, ITokenSink
    {
        if (run.Length == 1)
        {
            sink.Add(run, offset, offset + 1);
            return;
        }

        for (var i = 0; i < run.Length; i++)
        {
            if (Options.Unigrams)
            {
                sink.Add(run.Slice(i, 1), offset + i, offset + i + 1);
            }

            if (i + 1 < run.Length)
            {
                sink.Add(run.Slice(i, 2), offset + i, offset + i + 2);
            }
        }
    }

    private readonly struct ListSink(List<string> tokens) : ITokenSink
    {
        public List<string> Tokens { get; } = tokens;

        public void Add(ReadOnlySpan<char> token, int start, int end) => Tokens.Add(token.ToString());
    }

    /// <summary>Forward longest-match over a small phrase dictionary, without allocating per position.</summary>
    private sealed class PhraseMatcher
    {
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private readonly int _maxLength;

        // Most characters start no phrase: one lookup by first character skips them.
        private readonly Dictionary<char, int> _longestFrom = [];

        public PhraseMatcher(Dictionary<string, int> phrases)
        {
            var clean = phrases.Where(p => p.Key.Length > 0).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            _lookup = clean.GetAlternateLookup<ReadOnlySpan<char>>();
            _maxLength = clean.Count == 0 ? 0 : clean.Keys.Max(k => k.Length);
            foreach (var phrase in clean.Keys)
            {
                _longestFrom.TryGetValue(phrase[0], out var longest);
                _longestFrom[phrase[0]] = Math.Max(longest, phrase.Length);
            }
        }

        public List<(int Start, int Length, int Value)> FindMatches(string text)
        {
            var found = new List<(int, int, int)>();
            var i = 0;
            while (i < text.Length && _maxLength > 0)
            {
                var length = LongestAt(text, i, out var value);
                if (length > 0)
                {
                    found.Add((i, length, value));
                    i += length;
                }
                else
                {
                    i++;
                }
            }

            return found;
        }

        /// <param name="removed">Per position of <paramref name="text"/>: whether a match covered it.</param>
        public string ReplaceMatchesWithSpace(string text, out bool[] removed)
        {
            removed = new bool[text.Length];
            if (_maxLength == 0)
            {
                return text;
            }

            var builder = new StringBuilder(text.Length);
            var i = 0;
            while (i < text.Length)
            {
                var length = LongestAt(text, i, out _);
                if (length > 0)
                {
                    // One space per character removed: offsets into the original text stay valid.
                    builder.Append(' ', length);
                    Array.Fill(removed, true, i, length);
                    i += length;
                }
                else
                {
                    builder.Append(text[i]);
                    i++;
                }
            }

            return builder.ToString();
        }

        private int LongestAt(string text, int start, out int value)
        {
            if (!_longestFrom.TryGetValue(text[start], out var longest))
            {
                value = 0;
                return 0;
            }

            for (var length = Math.Min(longest, text.Length - start); length > 0; length--)
            {
                if (_lookup.TryGetValue(text.AsSpan(start, length), out value))
                {
                    return length;
                }
            }

            value = 0;
            return 0;
        }
    }
}
