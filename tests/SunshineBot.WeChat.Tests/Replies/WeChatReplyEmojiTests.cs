using SunshineBot.WeChat.Messages;
using SunshineBot.WeChat.Replies;

namespace SunshineBot.WeChat.Tests.Replies;

public sealed class WeChatReplyEmojiTests
{
    [Theory]
    [InlineData("😀家长反映：收费。\n下一行")]
    [InlineData("情况：每人交101元資料費。😀\n金额：101元")]
    public void Text_EmojiWithNothingElseToDrop_IsKeptWhole(string content)
    {
        var parsed = Assert.IsType<WeChatTextMessage>(WeChatMessageParser.Parse(WeChatReply.Text("o", "gh", 1, content)));
        Assert.Equal(content, parsed.Content);
    }
}
