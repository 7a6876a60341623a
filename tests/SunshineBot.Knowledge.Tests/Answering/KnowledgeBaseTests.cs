using SunshineBot.Knowledge.Answering;
using SunshineBot.Knowledge.Content;

namespace SunshineBot.Knowledge.Tests.Answering;

public sealed class KnowledgeBaseTests : IDisposable
{
    private readonly KnowledgeBase _kb = new(new KnowledgeBaseOptions(), SampleKb.Create());

    public void Dispose() => _kb.Dispose();

    [Theory]
    [InlineData("学校让买练习册是强制的吗", "materials-voluntary")]
    [InlineData("學校強制買校服嗎", "uniform-must-buy")]
    [InlineData("校服一套五百多太贵了", "uniform-price")]
    [InlineData("我告状了多少天能有答复", "service-time-complaint")]
    [InlineData("举报能不能匿名", "service-anonymous")]
    public void Ask_ParentsWording_AnswersWithTheRightEntry(string question, string expected)
    {
        var answer = _kb.Ask(question);

        Assert.True(answer.Answered, $"not answered; ranked {string.Join(", ", answer.Ranked.Select(h => h.Entry.Id))}");
        Assert.Equal(expected, answer.Best!.Entry.Id);
    }

    [Fact]
    public void Ask_Answered_CarriesCitationsAndAlternatives()
    {
        var answer = _kb.Ask("校服必须买吗");

        Assert.Equal(new KbCitation("关于进一步加强中小学生校服管理工作的意见", "教政法〔2015〕4号，2015年6月15日"), Assert.Single(answer.Citations));
        Assert.InRange(answer.Alternatives.Count, 1, 2);
        Assert.DoesNotContain(answer.Alternatives, h => h.Entry.Id == "uniform-must-buy");
    }

    [Theory]
    [InlineData("明天天气怎么样")]
    [InlineData("帮我写作文")]
    [InlineData("数学题怎么解")]
    [InlineData("附近有什么好吃的火锅店")]
    public void Ask_OutOfScope_NotAnswered(string question)
    {
        var answer = _kb.Ask(question);

        Assert.False(answer.Answered);
        Assert.Null(answer.Best);
        Assert.Empty(answer.Citations);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("？？！")]
    [InlineData("请问")]
    public void Ask_NothingToSearch_Empty(string question)
    {
        Assert.Equal(KbAnswerStatus.Empty, _kb.Ask(question).Status);
    }

    [Fact]
    public void Ask_VeryLongInput_ClippedAndHandled()
    {
        var question = string.Concat(Enumerable.Repeat("校服必须买吗", 1000));

        var answer = _kb.Ask(question);

        Assert.Equal(500, answer.Question.Length);
        Assert.Equal("uniform-must-buy", answer.Ranked[0].Entry.Id);
    }

    [Fact]
    public void Ask_WithLog_RecordsEveryQuestionAndAnswer()
    {
        var log = new ListLog();
        using var kb = new KnowledgeBase(new KnowledgeBaseOptions(), SampleKb.Create(), log: log);

        kb.Ask("校服必须买吗");
        kb.Ask("明天天气怎么样");

        Assert.Equal(["校服必须买吗", "明天天气怎么样"], log.Records.Select(r => r.Question));
        Assert.True(log.Records[0].Answer.Answered);
    }

    [Fact]
    public void Search_FtsSyntaxInQuestion_TreatedAsText()
    {
        var hits = _kb.Search("校服 AND \"OR\" NEAR(*) -", 3);

        Assert.StartsWith("uniform-", hits[0].Entry.Id, StringComparison.Ordinal);
    }

    private sealed class ListLog : IKbAnswerLog
    {
        public List<(string Question, KbAnswer Answer)> Records { get; } = [];

        public void Record(string question, KbAnswer answer) => Records.Add((question, answer));
    }
}
