using SunshineBot.Knowledge.Content;

namespace SunshineBot.Knowledge.Analysis;

/// <summary>
/// Maps each normalised synonym word to a concept number. Lines that share a word are one concept, so a
/// later line such as <c>教辅 同步训练</c> extends the 教辅 group instead of splitting it.
/// </summary>
internal static class SynonymConcepts
{
    public static Dictionary<string, int> Build(SynonymTable synonyms)
    {
        var parent = Enumerable.Range(0, synonyms.Groups.Count).ToArray();
        var firstGroupOfWord = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var group = 0; group < synonyms.Groups.Count; group++)
        {
            foreach (var word in synonyms.Groups[group].Select(ChineseNormalizer.Normalize).Where(w => w.Length > 0))
            {
                if (firstGroupOfWord.TryGetValue(word, out var other))
                {
                    parent[Find(parent, group)] = Find(parent, other);
                }
                else
                {
                    firstGroupOfWord.Add(word, group);
                }
            }
        }

        return firstGroupOfWord.ToDictionary(p => p.Key, p => Find(parent, p.Value), StringComparer.Ordinal);
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }
}
