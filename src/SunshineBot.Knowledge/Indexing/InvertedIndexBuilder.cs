using SunshineBot.Knowledge.Analysis;

namespace SunshineBot.Knowledge.Indexing;

/// <summary>
/// Collects the analysed fields of each entry, one entry after another, and lays the postings out in flat
/// arrays. Tokens arrive as spans and are interned at once, so building allocates per term, not per token.
/// </summary>
internal sealed class InvertedIndexBuilder
{
    private readonly double[] _fieldWeights;
    private readonly bool _perFieldLength;
    private readonly bool _distinctTokensPerField;
    private readonly TermDictionary _terms = new();
    private readonly List<int> _entryStarts = [0];
    private readonly List<int> _fieldLengths = [];
    private readonly List<int> _touched = [];
    private int[] _pendingTerms = new int[4096];
    private int[] _pendingCounts = new int[4096];
    private byte[] _pendingFields = new byte[4096];
    private int _pendingCount;
    private int[] _count = new int[1024];
    private int _field = -1;
    private int _length;

    /// <param name="fieldWeights">The weight of each field, in the order the fields of an entry are added.</param>
    /// <param name="perFieldLength">
    /// BM25F: normalise each field by its own average length before weighting and saturating, instead of
    /// normalising the weighted count by the length of the whole entry (FTS5's <c>bm25()</c>).
    /// </param>
    public InvertedIndexBuilder(double[] fieldWeights, bool perFieldLength, bool distinctTokensPerField)
    {
        _fieldWeights = fieldWeights;
        _perFieldLength = perFieldLength;
        _distinctTokensPerField = distinctTokensPerField;
    }

    private int FieldCount => _fieldWeights.Length;

    public int Intern(ReadOnlySpan<char> token)
    {
        var id = _terms.GetOrAdd(token);
        if (id >= _count.Length)
        {
            Array.Resize(ref _count, _count.Length * 2);
        }

        return id;
    }

    /// <summary>Adds the next field of the current entry.</summary>
    public void AddField(ChineseAnalyzer analyzer, string text)
    {
        _field++;
        var sink = new Sink(this);
        analyzer.AnalyzeDocument(text, ref sink);
        EndField();
    }

    /// <summary>
    /// The sorted, distinct term ids of a question variant as a question is analysed, without its single CJK
    /// characters unless it has nothing else (the rule of <see cref="KbIndex.CoverageTokens"/>).
    /// </summary>
    public int[] InternVariant(ChineseAnalyzer analyzer, string variant)
    {
        var sink = new VariantSink(this, [], []);
        analyzer.AnalyzeQuery(variant, ref sink);
        var ids = sink.Meaningful.Count > 0 ? sink.Meaningful : sink.Single;
        return ids.Distinct().Order().ToArray();
    }

    public void EndEntry()
    {
        while (_field < FieldCount - 1)
        {
            _field++;
            EndField();
        }

        _entryStarts.Add(_pendingCount);
        _field = -1;
    }

    public InvertedIndex Build()
    {
        var entryCount = _entryStarts.Count - 1;
        var offsets = new int[_terms.Count + 1];
        var mark = new int[_terms.Count];
        Array.Fill(mark, -1);
        for (var entry = 0; entry < entryCount; entry++)
        {
            for (var i = _entryStarts[entry]; i < _entryStarts[entry + 1]; i++)
            {
                if (mark[_pendingTerms[i]] != entry)
                {
                    mark[_pendingTerms[i]] = entry;
                    offsets[_pendingTerms[i] + 1]++;
                }
            }
        }

        for (var term = 0; term < _terms.Count; term++)
        {
            offsets[term + 1] += offsets[term];
        }

        var averageField = new double[FieldCount];
        for (var i = 0; i < _fieldLengths.Count; i++)
        {
            averageField[i % FieldCount] += _fieldLengths[i];
        }

        var averageEntry = Math.Max(1e-9, averageField.Sum() / Math.Max(1, entryCount));
        for (var f = 0; f < FieldCount; f++)
        {
            averageField[f] = Math.Max(1e-9, averageField[f] / Math.Max(1, entryCount));
        }

        var next = offsets[..^1];
        var entries = new int[offsets[^1]];
        var weights = new float[offsets[^1]];
        var sum = new double[_terms.Count];
        var norm = new double[FieldCount];
        for (var entry = 0; entry < entryCount; entry++)
        {
            double entryLength = 0;
            for (var f = 0; f < FieldCount; f++)
            {
                var length = _fieldLengths[(entry * FieldCount) + f];
                entryLength += length;
                norm[f] = _perFieldLength ? 1 - InvertedIndex.B + (InvertedIndex.B * length / averageField[f]) : 1;
            }

            var saturation = _perFieldLength ? InvertedIndex.K1 : InvertedIndex.K1 * (1 - InvertedIndex.B + (InvertedIndex.B * entryLength / averageEntry));
            for (var i = _entryStarts[entry]; i < _entryStarts[entry + 1]; i++)
            {
                var field = _pendingFields[i];
                sum[_pendingTerms[i]] += _fieldWeights[field] * _pendingCounts[i] / norm[field];
            }

            for (var i = _entryStarts[entry]; i < _entryStarts[entry + 1]; i++)
            {
                var term = _pendingTerms[i];
                if (mark[term] == -1 - entry)
                {
                    continue; // already written: the term was in an earlier field of this entry
                }

                mark[term] = -1 - entry;
                var f = sum[term];
                var at = next[term]++;
                entries[at] = entry;
                weights[at] = (float)(f * (InvertedIndex.K1 + 1) / (f + saturation));
                sum[term] = 0;
            }
        }

        return new InvertedIndex(_terms, entryCount, offsets, entries, weights);
    }

    private void Add(ReadOnlySpan<char> token)
    {
        var term = Intern(token);
        if (_count[term] == 0)
        {
            _touched.Add(term);
        }
        else if (_distinctTokensPerField)
        {
            return;
        }

        _count[term]++;
        _length++;
    }

    private void EndField()
    {
        foreach (var term in _touched)
        {
            if (_pendingCount == _pendingTerms.Length)
            {
                var size = _pendingCount * 2;
                Array.Resize(ref _pendingTerms, size);
                Array.Resize(ref _pendingCounts, size);
                Array.Resize(ref _pendingFields, size);
            }

            _pendingTerms[_pendingCount] = term;
            _pendingCounts[_pendingCount] = _count[term];
            _pendingFields[_pendingCount++] = (byte)_field;
            _count[term] = 0;
        }

        _touched.Clear();
        _fieldLengths.Add(_length);
        _length = 0;
    }

    private readonly struct Sink(InvertedIndexBuilder builder) : ITokenSink
    {
        public void Add(ReadOnlySpan<char> token) => builder.Add(token);
    }

    private readonly struct VariantSink(InvertedIndexBuilder builder, List<int> meaningful, List<int> single) : ITokenSink
    {
        public List<int> Meaningful => meaningful;

        public List<int> Single => single;

        public void Add(ReadOnlySpan<char> token)
        {
            var id = builder.Intern(token);
            (token.Length > 1 || !ChineseNormalizer.IsCjk(token[0]) ? meaningful : single).Add(id);
        }
    }
}
