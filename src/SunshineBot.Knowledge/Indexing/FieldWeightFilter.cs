using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace SunshineBot.Knowledge.Indexing;

/// <summary>
/// Repeats every token <c>weight</c> times, the repeats at position increment 0: a match in a question variant
/// (weight 4) counts four times in the term frequency, while <see cref="Fts5Similarity"/> leaves the repeats
/// out of the entry's length. This is how FTS5 weighs columns, expressed in one Lucene field.
/// </summary>
internal sealed class FieldWeightFilter : TokenFilter
{
    private readonly int _weight;
    private readonly IPositionIncrementAttribute _position;
    private AttributeSource.State? _state;
    private int _left;

    public FieldWeightFilter(TokenStream input, int weight)
        : base(input)
    {
        _weight = weight;
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_left > 0)
        {
            RestoreState(_state);
            _position.PositionIncrement = 0;
            _left--;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (_weight > 1)
        {
            _state = CaptureState();
            _left = _weight - 1;
        }

        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _left = 0;
        _state = null;
    }
}
