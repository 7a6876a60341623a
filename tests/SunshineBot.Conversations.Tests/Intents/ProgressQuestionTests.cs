using SunshineBot.Conversations.Intents;
using SunshineBot.Conversations.Prompts;

namespace SunshineBot.Conversations.Tests.Intents;

/// <summary>A parent asking after their own matter in their own words starts the progress lookup; questions about complaining do not.</summary>
public sealed class ProgressQuestionTests
{
    [Theory]
    [InlineData("我的投诉怎么样了")]
    [InlineData("我的投诉怎么样了？")]
    [InlineData("上次反映的事有结果了吗")]
    [InlineData("我之前投诉的那个事情处理得怎么样")]
    [InlineData("工单到哪一步了")]
    [InlineData("投诉有回复了吗")]
    [InlineData("我举报的有进展吗")]
    [InlineData("我反映的问题怎么还没答复")]
    [InlineData("你好 请问我的投诉有消息了吗")]
    public void AsksProgress_ParentAsksAfterTheirMatter_True(string text) =>
        Assert.True(IntentRecognizer.AsksProgress(TextNormalizer.Fold(text)));

    [Theory]
    [InlineData("怎么投诉")]
    [InlineData("投诉有用吗")]
    [InlineData("投诉电话是多少")]
    [InlineData("我的孩子如何择校")]
    [InlineData("我的问题怎么办")]
    [InlineData("学校收费的结果怎么查")]
    [InlineData("校服必须在学校买吗")]
    [InlineData("上次反映的收费问题一直没有结果，这次学校又让每人交两百元的资料费")]
    public void AsksProgress_QuestionAboutSomethingElse_False(string text) =>
        Assert.False(IntentRecognizer.AsksProgress(TextNormalizer.Fold(text)));
}
