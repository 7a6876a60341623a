namespace SunshineBot.Conversations.Engine;

/// <summary>Configuration section <c>Conversations</c>.</summary>
public sealed class ConversationOptions
{
    public const string Section = "Conversations";

    /// <summary>A half-finished form left alone this long is dropped with a notice at the next message.</summary>
    public TimeSpan FormExpiry { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Words that raise a ticket to 重大特急件 (safety, bullying, violence, self-harm, food poisoning ...).</summary>
    public List<string> UrgentKeywords { get; set; } =
    [
        "欺凌", "霸凌", "打人", "殴打", "被打", "暴力", "体罚", "自杀", "自残", "轻生", "跳楼", "割腕", "不想活",
        "食物中毒", "中毒", "拉肚子", "呕吐", "性侵", "猥亵", "骚扰", "失踪", "走失", "受伤", "流血", "火灾", "踩踏", "溺水", "安全隐患", "危房",
        "推倒", "打伤", "摔伤", "撞伤", "头破", "撞破", "磕破", "骨折", "骨裂", "缝针", "出血", "晕倒", "昏迷", "住院",
    ];

    public int MaxDescriptionLength { get; set; } = 2000;

    public int MinDescriptionLength { get; set; } = 10;

    public int MaxPhotos { get; set; } = 6;

    /// <summary>How far back the duplicate guard looks for the same parent, kind and school.</summary>
    public int DuplicateWindowDays { get; set; } = 7;

    public int TranscriptLines { get; set; } = 20;
}
