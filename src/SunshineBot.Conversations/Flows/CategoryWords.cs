using SunshineBot.Conversations.Engine;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Conversations.Flows;

/// <summary>Words parents use for a category when they type instead of tapping ("练习册" → 教辅资料).</summary>
internal static class CategoryWords
{
    private static readonly (string Word, TicketCategory Category)[] Words =
    [
        ("学费", TicketCategory.TuitionAndMiscFees), ("杂费", TicketCategory.TuitionAndMiscFees),
        ("教辅", TicketCategory.SupplementaryMaterials), ("练习册", TicketCategory.SupplementaryMaterials), ("资料", TicketCategory.SupplementaryMaterials), ("辅导书", TicketCategory.SupplementaryMaterials),
        ("校服", TicketCategory.Uniforms), ("托管", TicketCategory.AfterSchoolService), ("延时", TicketCategory.AfterSchoolService), ("课后", TicketCategory.AfterSchoolService),
        ("补课", TicketCategory.PaidTutoring), ("补习", TicketCategory.PaidTutoring), ("辅导班", TicketCategory.PaidTutoring),
        ("代收", TicketCategory.CollectedOnBehalf), ("保险", TicketCategory.CollectedOnBehalf), ("择校", TicketCategory.AdmissionLinkedFees),
        ("借读", TicketCategory.AdmissionLinkedFees), ("赞助", TicketCategory.AdmissionLinkedFees), ("幼儿园", TicketCategory.KindergartenFees), ("保教费", TicketCategory.KindergartenFees),
        ("住宿", TicketCategory.BoardingAndMeals), ("伙食", TicketCategory.BoardingAndMeals), ("餐费", TicketCategory.BoardingAndMeals),
        ("招生", TicketCategory.Enrolment), ("入学", TicketCategory.Enrolment), ("师德", TicketCategory.TeacherConduct), ("老师", TicketCategory.TeacherConduct),
        ("安全", TicketCategory.CampusSafety), ("欺凌", TicketCategory.CampusSafety), ("食堂", TicketCategory.Canteen), ("饭菜", TicketCategory.Canteen),
        ("收费", TicketCategory.OtherFees), ("乱收费", TicketCategory.OtherFees),
    ];

    public static QuickReply? Guess(string text)
    {
        foreach (var (word, category) in Words)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                return new QuickReply(Labels.Of(category), "cat:" + category);
            }
        }

        return null;
    }
}
