using System.Runtime.InteropServices;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using SunshineBot.Knowledge.Analysis;

namespace SunshineBot.Knowledge.Indexing;

/// <summary>
/// The weighted term counts of one entry, built by analysing each of its fields once. A term's weighted
/// count is FTS5's column-weighted frequency (a match in a question variant counts four times, see
/// <see cref="KbIndexOptions"/>); its plain count is how often it occurs at all. Terms are pooled across
/// entries, so counting allocates nothing per token. Reused entry after entry; not thread-safe.
/// </summary>
internal sealed class WeightedTerms
{
    private readonly ChineseAnalyzer _analysis;
    private readonly Dictionary<string, int> _pool = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _texts = [];
    private readonly List<int> _touched = [];
    private int[] _plain = new int[1024];
    private int[] _weighted = new int[1024];
    private int[] _entries = new int[1024];

    public WeightedTerms(ChineseAnalyzer analysis)
    {
        _analysis = analysis;
        _lookup = _pool.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Forgets the previous entry's counts.</summary>
    public void Clear()
    {
        foreach (var id in _touched)
        {
            _plain[id] = 0;
            _weighted[id] = 0;
        }

        _touched.Clear();
    }

    /// <summary>Counts the tokens of one field value, each <paramref name="weight"/> times.</summary>
    public void Add(string text, int weight)
    {
        if (weight <= 0 || text.Length == 0)
        {
            return;
        }

        var sink = new Counter(this, weight);
        _analysis.AnalyzeDocument(text, ref sink);
    }

    /// <summary>How many of the entries counted so far hold the term (Lucene's document frequency, without asking it).</summary>
    public int DocumentFrequency(string term) => _pool.TryGetValue(term, out var id) ? _entries[id] : 0;

    /// <summary>A token stream of the counted terms: each term weighted-count times, the repeats at position increment 0.</summary>
    public TokenStream ToTokenStream() => new Stream(this);

    private void Count(ReadOnlySpan<char> token, int weight)
    {
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_lookup, token, out var exists);
        if (!exists)
        {
            id = _texts.Count;
            _texts.Add(token.ToString());
            if (id >= _plain.Length)
            {
                Array.Resize(ref _plain, _plain.Length * 2);
                Array.Resize(ref _weighted, _weighted.Length * 2);
                Array.Resize(ref _entries, _entries.Length * 2);
            }
        }

        if (_plain[id] == 0)
        {
            _touched.Add(id);
            _entries[id]++;
        }

        _plain[id]++;
        _weighted[id] += weight;
    }

    private readonly struct Counter(WeightedTerms terms, int weight) : ITokenSink
    {
        public void Add(ReadOnlySpan<char> token, int start, int end) => terms.Count(token, weight);
    }

    /// <summary>
    /// Emits a term plain-count times at increment 1 and the rest of its weighted count at increment 0: the
    /// field's term frequency is the weighted count, and its length without overlaps (the norm,
    /// <see cref="Fts5Similarity.ComputeNorm"/>) the entry's unweighted token count, as in FTS5.
    /// </summary>
    private sealed class Stream : TokenStream
    {
        private readonly WeightedTerms _terms;
        private readonly ICharTermAttribute _term;
        private readonly IPositionIncrementAttribute _position;
        private int _next;
        private int _emitted;
        private int _id = -1;

        public Stream(WeightedTerms terms)
        {
            _terms = terms;
            _term = AddAttribute<ICharTermAttribute>();
            _position = AddAttribute<IPositionIncrementAttribute>();
        }

        public override bool IncrementToken()
        {
            if (_id < 0 || _emitted >= _terms._weighted[_id])
            {
                if (_next >= _terms._touched.Count)
                {
                    return false;
                }

                _id = _terms._touched[_next++];
                _emitted = 0;
                _term.SetEmpty().Append(_terms._texts[_id]);
            }

            _position.PositionIncrement = _emitted < _terms._plain[_id] ? 1 : 0;
            _emitted++;
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _next = 0;
            _emitted = 0;
            _id = -1;
        }
    }
}
