using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SunshineBot.Knowledge.Analysis;

/// <summary>
/// The Lucene face of <see cref="ChineseAnalyzer"/>: reads the whole field, analyses it as a document (all
/// tokens, repeats kept) or as a question (filler removed), and hands the tokens on in order of their start
/// offset, so a highlighter can walk them. Offsets point into the original text.
/// </summary>
internal sealed class ChineseTokenizer : Tokenizer
{
    private readonly ChineseAnalyzer _analysis;
    private readonly bool _query;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly List<Token> _tokens = [];
    private char[] _chars = new char[256];
    private int _charCount;
    private int _next;
    private int _length;

    public ChineseTokenizer(TextReader input, ChineseAnalyzer analysis, bool query)
        : base(input)
    {
        _analysis = analysis;
        _query = query;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        if (_next >= _tokens.Count)
        {
            return false;
        }

        var token = _tokens[_next++];
        _term.CopyBuffer(_chars, token.At, token.Length);
        _offset.SetOffset(CorrectOffset(token.Start), CorrectOffset(token.End));
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        var text = m_input.ReadToEnd() ?? ""; // Lucene's reusable reader gives null for an empty value
        _tokens.Clear();
        _charCount = 0;
        _next = 0;
        _length = text.Length;
        var sink = new Collector(this);
        if (_query)
        {
            _analysis.AnalyzeQuery(text, ref sink);
        }
        else
        {
            _analysis.AnalyzeDocument(text, ref sink);
        }

        // Synonym concepts come out first; a stable sort by start keeps each offset's tokens in their order.
        var ordered = _tokens.OrderBy(t => t.Start).ToArray();
        _tokens.Clear();
        _tokens.AddRange(ordered);
    }

    public override void End()
    {
        base.End();
        var end = CorrectOffset(_length);
        _offset.SetOffset(end, end);
    }

    private void Add(ReadOnlySpan<char> token, int start, int end)
    {
        if (_charCount + token.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + token.Length));
        }

        token.CopyTo(_chars.AsSpan(_charCount));
        _tokens.Add(new Token(_charCount, token.Length, start, end));
        _charCount += token.Length;
    }

    private readonly record struct Token(int At, int Length, int Start, int End);

    private readonly struct Collector(ChineseTokenizer tokenizer) : ITokenSink
    {
        public void Add(ReadOnlySpan<char> token, int start, int end) => tokenizer.Add(token, start, end);
    }
}
