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

    private static KbContent Content(params KbEntry[] entries) => new(entries, [], SynonymTable.Empty, []);
}
