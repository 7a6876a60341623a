using SunshineBot.Knowledge.Analysis;
using SunshineBot.Knowledge.Content;
using SunshineBot.Knowledge.Indexing;

namespace SunshineBot.Knowledge.Tests.Indexing;

public sealed class KbIndexTests
{
    [Fact]
    public void Search_TwoCharacterWord_MatchesOnlyEntriesContainingIt()
    {
        var content = Content(
            new() { Id = "a", Title = "校服", Questions = ["校服"], Sources = [], Answer = "校服的事" },
            new() { Id = "b", Title = "服务", Questions = ["学生服务"], Sources = [], Answer = "服务的事" });
        var index = KbIndexBuilder.Build(content, new() { Unigrams = false });

        var hits = index.Search("校服", 5);

        Assert.Equal("a", Assert.Single(hits).Entry.Id);
    }

    [Fact]
    public void Search_SameWordInQuestionOrAnswer_QuestionVariantRanksFirst()
    {
        var content = Content(
            new() { Id = "in-answer", Title = "费用", Questions = ["收费问题"], Sources = [], Answer = "午餐费按月收取" },
            new() { Id = "in-question", Title = "费用", Questions = ["午餐费"], Sources = [], Answer = "按月收取" },
            new() { Id = "other", Title = "其他", Questions = ["别的问题"], Sources = [], Answer = "无关内容" });
        var index = KbIndexBuilder.Build(content);

        var hits = index.Search("午餐费", 5);

        Assert.Equal(["in-question", "in-answer"], hits.Select(h => h.Entry.Id));
    }

    [Fact]
    public void Search_Bm25_MatchesTheFts5Formula()
    {
        // bm25 = idf × f(k1+1) / (f + k1(1 − b + b·|d|/avgdl)), f counted with the field weight.
        var content = Content(
            new() { Id = "a", Title = "", Questions = ["ab"], Sources = [], Answer = "" },
            new() { Id = "b", Title = "", Questions = ["cd cd"], Sources = [], Answer = "" },
            new() { Id = "c", Title = "", Questions = ["ef"], Sources = [], Answer = "" });
        var index = KbIndexBuilder.Build(content, new() { Unigrams = false, QueryStopWords = false }, new() { QuestionWeight = 2 });

        var hit = Assert.Single(index.Search("cd", 5));

        // Entry b has 2 tokens, the average is 4/3; cd is in 1 of 3 entries; f = 2 occurrences × weight 2.
        var idf = Math.Log((3 - 1 + 0.5) / (1 + 0.5));
        var expected = idf * 4 * 2.2 / (4 + (1.2 * (0.25 + (0.75 * 2 / (4.0 / 3)))));
        Assert.Equal(expected, hit.Score, 5);
    }

    [Fact]
    public void Search_UnknownWordsOnly_NoHits()
    {
        var index = KbIndexBuilder.Build(Content(new KbEntry { Id = "a", Title = "校服", Questions = ["校服"], Sources = [], Answer = "校服" }));

        Assert.Empty(index.Search("天气", 5));
        Assert.Equal(1.0, index.UnknownShare("天气"));
    }

    [Fact]
    public void Search_ManyCommonTerms_LuceneRankingEqualsBruteForceBm25()
    {
        // A small alphabet makes every character common: long postings, many ties, every entry a candidate.
        var random = new Random(7);
        const string alphabet = "学校收费服务课后教辅校服午餐补课家长老师投诉举报";
        string Text(int length) => new([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);
        var entries = Enumerable.Range(0, 400).Select(i => new KbEntry
        {
            Id = "e" + i, Title = Text(6), Questions = [Text(8), Text(10)], Sources = [], Answer = Text(random.Next(20, 80)),
        }).ToArray();
        var content = Content(entries);
        var index = KbIndexBuilder.Build(content);
        var analyzer = index.Analyzer;

        for (var q = 0; q < 50; q++)
        {
            var question = Text(random.Next(4, 30));

            var hits = index.Search(question, 10);

            var expected = BruteForceBm25(entries, analyzer, index.Options, analyzer.AnalyzeQuery(question)).Take(10).ToList();
            Assert.Equal(expected.Select(e => e.Id).Order(StringComparer.Ordinal), hits.Select(h => h.Entry.Id).Order(StringComparer.Ordinal));
            foreach (var hit in hits)
            {
                Assert.True(Math.Abs(expected.Single(e => e.Id == hit.Entry.Id).Score - hit.Score) < 1e-5 * Math.Max(1, hit.Score), $"{question}: {hit.Entry.Id} {hit.Score} vs {expected.Single(e => e.Id == hit.Entry.Id).Score}");
            }
        }
    }

    private static List<(string Id, double Score)> BruteForceBm25(KbEntry[] entries, ChineseAnalyzer analyzer, KbIndexOptions options, List<string> query)
    {
        var fields = entries.Select(e => new[]
        {
            (analyzer.AnalyzeDocument(string.Join("\n", e.Questions)), options.QuestionWeight),
            (analyzer.AnalyzeDocument(e.Title), options.TitleWeight),
            (analyzer.AnalyzeDocument(string.Join("\n", e.Tags)), options.TagWeight),
            (analyzer.AnalyzeDocument(e.Answer), options.AnswerWeight),
        }).ToArray();
        var lengths = fields.Select(f => f.Sum(x => x.Item1.Count)).ToArray();
        var frequency = query.ToDictionary(t => t, t => fields.Count(f => f.Any(x => x.Item1.Contains(t))));
        var average = lengths.Average();
        var scored = new List<(string Id, double Score)>();
        for (var i = 0; i < entries.Length; i++)
        {
            double score = 0;
            var matched = false;
            foreach (var term in query)
            {
                var df = frequency[term];
                var f = fields[i].Sum(x => x.Item1.Count(t => t == term) * x.Item2);
                if (f == 0)
                {
                    continue;
                }

                matched = true;
                var idf = Math.Max(1e-6, Math.Log((entries.Length - df + 0.5) / (df + 0.5)));
                score += idf * f * 2.2 / (f + (1.2 * (0.25 + (0.75 * lengths[i] / average))));
            }

            if (matched)
            {
                scored.Add((entries[i].Id, score));
            }
        }

        return scored.OrderByDescending(s => s.Score).ToList();
    }

    private static KbContent Content(params KbEntry[] entries) => new(entries, [], SynonymTable.Empty, []);
}
