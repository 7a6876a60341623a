namespace SunshineBot.Knowledge.Indexing;

/// <summary>
/// Term → id. Almost every term is one or two Chinese characters, so those skip string hashing: a single
/// character indexes an array, two characters pack into one int key. Longer terms (Latin words, digits,
/// synonym concepts) go through an ordinary string dictionary. Lookups by span allocate nothing.
/// </summary>
internal sealed class TermDictionary
{
    private readonly int[] _single = new int[char.MaxValue + 1];
    private readonly Dictionary<int, int> _pairs = [];
    private readonly Dictionary<string, int> _longer = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _longerBySpan;

    public TermDictionary()
    {
        Array.Fill(_single, -1);
        _longerBySpan = _longer.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count { get; private set; }

    /// <summary>The term's id, or -1.</summary>
    public int Find(ReadOnlySpan<char> token) => token.Length switch
    {
        0 => -1,
        1 => _single[token[0]],
        2 => _pairs.TryGetValue(Pair(token), out var id) ? id : -1,
        _ => _longerBySpan.TryGetValue(token, out var id) ? id : -1,
    };

    /// <summary>The term's id; a new term gets the next id.</summary>
    public int GetOrAdd(ReadOnlySpan<char> token)
    {
        var id = Find(token);
        if (id >= 0 || token.Length == 0)
        {
            return id;
        }

        id = Count++;
        switch (token.Length)
        {
            case 1:
                _single[token[0]] = id;
                break;
            case 2:
                _pairs.Add(Pair(token), id);
                break;
            default:
                _longerBySpan[token] = id;
                break;
        }

        return id;
    }

    private static int Pair(ReadOnlySpan<char> token) => (token[0] << 16) | token[1];
}
