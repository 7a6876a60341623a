namespace SunshineBot.Knowledge.Content;

/// <summary>
/// Groups of words that mean the same thing to a parent (教辅 练习册 辅导书). The first word of a group is
/// its canonical word; analysis maps every member to one concept so that index and query meet.
/// </summary>
public sealed class SynonymTable
{
    public SynonymTable(IEnumerable<IReadOnlyList<string>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        Groups = groups.Where(g => g.Count > 0).ToList();
    }

    public static SynonymTable Empty { get; } = new([]);

    public IReadOnlyList<IReadOnlyList<string>> Groups { get; }
}
