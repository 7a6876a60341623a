using SunshineBot.Knowledge.Content;

namespace SunshineBot.Knowledge.Tests;

/// <summary>A small synthetic knowledge base built in memory: five topics a parent might ask about.</summary>
internal static class SampleKb
{
    public static KbContent Create(string answerSuffix = "")
    {
        KbPolicy[] policies =
        [
            new() { Id = "materials", Name = "中小学教辅材料管理办法", Number = "新广出发〔2015〕45号", Date = new DateOnly(2015, 8, 3) },
            new() { Id = "uniforms", Name = "关于进一步加强中小学生校服管理工作的意见", Number = "教政法〔2015〕4号", Date = new DateOnly(2015, 6, 15) },
            new() { Id = "service", Name = "教育阳光服务工作指南", Issuer = "本平台整理" },
        ];
        KbEntry[] entries =
        [
            Entry("materials-voluntary", "学校让买教辅资料，必须买吗？", ["老师让买教辅必须买吗", "不买辅导书行不行", "教辅是不是自愿的"],
                "不是必须的。购买教辅由家长自愿决定，学校不能强制或变相强制。", "materials"),
            Entry("uniform-must-buy", "学校要求买校服，必须买吗？", ["校服一定要买吗", "不买校服可以吗", "学校强制买校服"],
                "不是必须的。是否购买校服由家长和学生自愿决定，学校不能强制购买。", "uniforms"),
            Entry("uniform-price", "校服太贵了怎么办？", ["校服价格太高", "一套校服要五百多", "校服多少钱合理"],
                "校服价格应当公开，可以向当地价格主管部门反映。", "uniforms"),
            Entry("service-time-complaint", "投诉以后多久有答复？", ["投诉多久有结果", "多少天回复我", "几个工作日处理完"],
                "投诉自受理起3个工作日内首次答复，7个工作日内办结。", "service"),
            Entry("service-anonymous", "举报可以匿名吗？", ["可以不写真名举报吗", "匿名举报行不行", "举报会不会泄露我的信息"],
                "可以匿名举报。实名举报的，举报人信息严格保密。", "service"),
        ];
        return new KbContent(
            entries.Select(e => e with { Answer = e.Answer + answerSuffix }).ToList(),
            policies,
            new SynonymTable([["教辅", "练习册", "辅导书"], ["投诉", "告状"]]),
            []);
    }

    private static KbEntry Entry(string id, string title, string[] questions, string answer, string source) => new()
    {
        Id = id,
        Title = title,
        Questions = questions,
        Sources = [source],
        Tags = [],
        Reviewed = new DateOnly(2026, 10, 1),
        Answer = answer,
    };
}
