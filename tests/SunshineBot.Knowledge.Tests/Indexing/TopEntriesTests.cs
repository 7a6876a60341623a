using System.Globalization;
using SunshineBot.Knowledge.Content;
using SunshineBot.Knowledge.Indexing;

namespace SunshineBot.Knowledge.Tests.Indexing;

/// <summary>Pruning common query terms must not change the bm25 top hits or their scores.</summary>
public sealed class TopEntriesTests
{
    // Few distinct characters: every single character and many bigrams sit in most entries, as at 10,000 entries.
    private const string Alphabet = "学校收费孩子老师家长课本服务退钱班级补课校服午餐中小";

    [Fact]
    public void Search_ManyCommonTerms_PrunedHitsEqualEveryPostingWalked()
    {
        var content = Generated(2_000, seed: 7);
        var pruned = KbIndexBuilder.Build(content);
        var plain = KbIndexBuilder.Build(content, options: new KbIndexOptions { PruneCommonTerms = false });
        var random = new Random(11);

        for (var q = 0; q < 40; q++)
        {
            var question = Text(random, random.Next(12, 40));

            var expected = plain.Search(question, 10);
            var actual = pruned.Search(question, 10);

            Assert.Equal(expected.Select(h => h.Entry.Id), actual.Select(h => h.Entry.Id));
            Assert.Equal(expected.Select(h => Math.Round(h.Score, 3)), actual.Select(h => Math.Round(h.Score, 3)));
            Assert.Equal(expected.Select(h => h.Coverage), actual.Select(h => h.Coverage));
        }
    }

    private static KbContent Generated(int count, int seed)
    {
        var random = new Random(seed);
        var entries = Enumerable.Range(0, count).Select(i => new KbEntry
        {
            Id = "e" + i.ToString(CultureInfo.InvariantCulture),
            Title = Text(random, 8),
            Questions = [Text(random, 10), Text(random, 12)],
            Sources = [],
            Answer = Text(random, 30),
        }).ToList();
        return new KbContent(entries, [], SynonymTable.Empty, []);
    }

    private static string Text(Random random, int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
}
