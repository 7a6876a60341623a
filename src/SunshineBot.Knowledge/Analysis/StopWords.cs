namespace SunshineBot.Knowledge.Analysis;

/// <summary>
/// Filler that parents type around a question and that says nothing about which answer they need.
/// Removed from queries only, so bigrams do not form across them (学校的校服 → 学校 | 校服).
/// </summary>
public static class StopWords
{
    public static IReadOnlyList<string> Default { get; } =
    [
        "请问一下", "请问", "我想问一下", "我想问问", "我想问", "想问一下", "想问问", "想问", "问一下", "问问",
        "我想了解", "想了解一下", "了解一下", "咨询一下", "我想咨询", "想咨询", "一下",
        "你好", "您好", "老师好", "谢谢", "麻烦", "那个", "这个", "就是说", "就是",
        "怎么回事", "怎么办", "怎么样", "怎么", "咋办", "咋整", "咋", "什么", "啥",
        "为什么", "为啥", "是不是", "是否", "有没有", "能不能", "可不可以", "行不行", "对不对", "合不合理",
        "的", "了", "吗", "呢", "啊", "吧", "呀", "嘛", "哦", "哈", "呗", "么", "嗯", "诶", "哎",
        "我们", "你们", "我", "你", "他", "她",
    ];
}
