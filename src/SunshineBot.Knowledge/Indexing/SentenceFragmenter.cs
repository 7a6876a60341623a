using System.Buffers;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Search.Highlight;

namespace SunshineBot.Knowledge.Indexing;

/// <summary>
/// Cuts a passage into its sentences for Lucene's highlighter: a new fragment starts at the first token
/// after a full stop, semicolon, question or exclamation mark. Our tokens overlap (unigrams inside
/// bigrams), so a fixed-size fragmenter could only break at punctuation anyway; this one says which.
/// </summary>
internal sealed class SentenceFragmenter : IFragmenter
{
    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create("。；！？;!?\n");

    private string _text = "";
    private IOffsetAttribute? _offset;
    private int _last;

    public void Start(string originalText, TokenStream tokenStream)
    {
        _text = originalText;
        _offset = tokenStream.AddAttribute<IOffsetAttribute>();
        _last = 0;
    }

    public bool IsNewFragment()
    {
        var start = _offset!.StartOffset;
        var isNew = start > _last && _text.AsSpan(_last, Math.Min(start, _text.Length) - _last).IndexOfAny(SentenceEnds) >= 0;
        _last = Math.Max(_last, Math.Min(start, _text.Length));
        return isNew;
    }
}
