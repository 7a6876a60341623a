using SunshineBot.Knowledge.Analysis;

namespace SunshineBot.Knowledge.Indexing;

/// <summary>
/// Collects the analysed fields of each entry, one entry after another, and lays the postings out in flat
/// arrays. Tokens arrive as spans and are interned at once, so building allocates per term, not per token.
/// </summary>
internal sealed class InvertedIndexBuilder(bool distinctTokensPerField)
{
    private readonly TermDictionary _terms = new();
    private readonly List<int> _entryStarts = [0];
    private readonly List<int> _entryLengths = [];
    private readonly List<int> _touched = [];
    private int[] _pendingTerms = new int[4096];
    private float[] _pendingFrequencies = new float[4096];
    private int _pendingCount;
    private float[] _frequency = new float[1024];
    private int[] _entryMark = new int[1024];
    private int[] _fieldMark = new int[1024];
    private int _entryStamp = 1;
    private int _fieldStamp;
    private float _weight;
    private int _length;

    public int Intern(ReadOnlySpan<char> token)
    {
        var id = _terms.GetOrAdd(token);
        if (id >= _frequency.Length)
        {
            var size = _frequency.Length * 2;
            Array.Resize(ref _frequency, size);
            Array.Resize(ref _entryMark, size);
            Array.Resize(ref _fieldMark, size);
        }

        return id;
    }

    /// <summary>Adds one field of the current entry; each occurrence of a term counts <paramref name="weight"/>.</summary>
    public void AddField(ChineseAnalyzer analyzer, string text, double weight)
    {
        _fieldStamp++;
        _weight = (float)weight;
        var sink = new Sink(this);
        analyzer.AnalyzeDocument(text, ref sink);
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
        foreach (var term in _touched)
        {
            if (_pendingCount == _pendingTerms.Length)
            {
                Array.Resize(ref _pendingTerms, _pendingCount * 2);
                Array.Resize(ref _pendingFrequencies, _pendingCount * 2);
            }

            _pendingTerms[_pendingCount] = term;
            _pendingFrequencies[_pendingCount++] = _frequency[term];
            _frequency[term] = 0;
        }

        _touched.Clear();
        _entryStarts.Add(_pendingCount);
        _entryLengths.Add(_length);
        _length = 0;
        _entryStamp++;
    }

    public InvertedIndex Build()
    {
        var entryCount = _entryLengths.Count;
        var offsets = new int[_terms.Count + 1];
        for (var i = 0; i < _pendingCount; i++)
        {
            offsets[_pendingTerms[i] + 1]++;
        }

        for (var term = 0; term < _terms.Count; term++)
        {
            offsets[term + 1] += offsets[term];
        }

        long totalLength = 0;
        foreach (var length in _entryLengths)
        {
            totalLength += length;
        }

        var averageLength = entryCount == 0 ? 1 : Math.Max(1e-9, (double)totalLength / entryCount);
        var next = offsets[..^1];
        var entries = new int[_pendingCount];
        var weights = new float[_pendingCount];
        for (var entry = 0; entry < entryCount; entry++)
        {
            var norm = InvertedIndex.K1 * (1 - InvertedIndex.B + (InvertedIndex.B * _entryLengths[entry] / averageLength));
            for (var i = _entryStarts[entry]; i < _entryStarts[entry + 1]; i++)
            {
                double f = _pendingFrequencies[i];
                var at = next[_pendingTerms[i]]++;
                entries[at] = entry;
                weights[at] = (float)(f * (InvertedIndex.K1 + 1) / (f + norm));
            }
        }

        return new InvertedIndex(_terms, entryCount, offsets, entries, weights);
    }

    private void Add(ReadOnlySpan<char> token)
    {
        var term = Intern(token);
        if (distinctTokensPerField && _fieldMark[term] == _fieldStamp)
        {
            return;
        }

        _fieldMark[term] = _fieldStamp;
        _length++;
        if (_entryMark[term] != _entryStamp)
        {
            _entryMark[term] = _entryStamp;
            _touched.Add(term);
        }

        _frequency[term] += _weight;
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
