using SunshineBot.Core.Deadlines;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Data.Seed;

/// <summary>
/// Synthetic tickets with the shapes real ones have, replayed through the workflow so their timelines are real: kinds
/// (consultations most), fee categories first, channels (WeChat first), a few urgent ones, term-start peaks
/// (February–March, September) and quiet holidays, most closed; some replies late and urged, a few sent back, most
/// parents satisfied. Deterministic for a given seed.
/// </summary>
public sealed class SyntheticTickets(DeadlinePolicy deadlines, IReadOnlyList<string> schools, int seed)
{
    private static readonly (TicketKind Value, int Weight)[] Kinds =
        [(TicketKind.Consultation, 45), (TicketKind.Complaint, 25), (TicketKind.Help, 12), (TicketKind.Report, 8), (TicketKind.Suggestion, 6), (TicketKind.Other, 4)];

    private static readonly (Channel Value, int Weight)[] Channels =
        [(Channel.WeChat, 40), (Channel.WebChat, 20), (Channel.Phone, 25), (Channel.WalkIn, 5), (Channel.Hotline12345, 10)];

    private static readonly (Severity Value, int Weight)[] Severities = [(Severity.Normal, 90), (Severity.Important, 8), (Severity.Urgent, 2)];

    private static readonly (TicketCategory Value, int Weight)[] Categories =
    [
        (TicketCategory.SupplementaryMaterials, 16), (TicketCategory.AfterSchoolService, 12), (TicketCategory.TuitionAndMiscFees, 10),
        (TicketCategory.Uniforms, 8), (TicketCategory.PaidTutoring, 8), (TicketCategory.CollectedOnBehalf, 6), (TicketCategory.BoardingAndMeals, 6),
        (TicketCategory.KindergartenFees, 5), (TicketCategory.AdmissionLinkedFees, 3), (TicketCategory.OtherFees, 4), (TicketCategory.Enrolment, 8),
        (TicketCategory.TeacherConduct, 5), (TicketCategory.CampusSafety, 3), (TicketCategory.Canteen, 3), (TicketCategory.Other, 3),
    ];

    // Relative volume by month: term starts (Feb–Mar, Sep) busiest, summer and the Spring Festival quiet.
    private static readonly int[] MonthWeight = [6, 9, 12, 8, 7, 6, 4, 6, 14, 9, 8, 7];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛"];

    private readonly Random _random = new(seed);
    private readonly Actor _clerk = new("seed", "中心受理员");
    private readonly Actor _unit = new("seed", "承办人");

    /// <summary>How many of <paramref name="total"/> tickets fall on each day from <paramref name="first"/> to <paramref name="last"/>.</summary>
    public static IEnumerable<(DateOnly Day, int Count)> Spread(DateOnly first, DateOnly last, int total, Func<DateOnly, bool> workingDay)
    {
        var days = new List<(DateOnly Day, double Weight)>();
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            days.Add((d, MonthWeight[d.Month - 1] * (workingDay(d) ? 1.0 : 0.35)));
        }

        var sum = days.Sum(d => d.Weight);
        var given = 0;
        var carried = 0.0;
        foreach (var (day, weight) in days)
        {
            carried += total * weight / sum;
            var count = Math.Min(9999, (int)Math.Round(carried) - given);
            given += count;
            yield return (day, count);
        }
    }

    /// <summary>One ticket received at <paramref name="at"/>, as far along as it would be at <paramref name="now"/>.</summary>
    public Ticket Create(string number, DateTimeOffset at, DateTimeOffset now)
    {
        var kind = Pick(Kinds);
        var category = Pick(Categories);
        var anonymous = kind == TicketKind.Report && _random.Next(3) == 0;
        var school = schools[(int)(schools.Count * Math.Pow(_random.NextDouble(), 1.6))];
        var intake = new TicketIntake
        {
            Kind = kind,
            Severity = Pick(Severities),
            Channel = Pick(Channels),
            Category = category,
            Description = $"{Labels.Of(category)}问题：学校{Describe(category)}，请核实处理。",
            VisitorName = anonymous ? null : Surnames[_random.Next(Surnames.Length)] + Given[_random.Next(Given.Length)],
            VisitorPhone = anonymous ? null : $"1{_random.Next(3, 10)}{_random.Next(100_000_000, 999_999_999)}",
            Anonymous = anonymous,
        };
        var t = Ticket.Receive(intake, number, _clerk, at, deadlines);
        var dispatchAt = at.AddMinutes(_random.Next(10, 240));
        if (dispatchAt > now)
        {
            return t;
        }

        t.Dispatch(_clerk, dispatchAt, school);
        var late = _random.Next(100) < 12;
        var replyAt = late
            ? t.FirstReplyDueAt.AddHours(_random.Next(2, 72))
            : at + (t.FirstReplyDueAt - at) * (0.2 + (0.75 * _random.NextDouble()));
        if (late && _random.Next(100) < 60)
        {
            t.Urge(_clerk, t.FirstReplyDueAt.AddMinutes(_random.Next(30, 90)), "请尽快答复");
        }

        if (replyAt > now)
        {
            return t;
        }

        Reply(t, replyAt);
        var revisitAt = replyAt.AddHours(_random.Next(4, 48));
        if (revisitAt > now)
        {
            return t;
        }

        var roll = _random.Next(100);
        if (roll < 4 && kind != TicketKind.Consultation)
        {
            t.RecordRevisit(Actor.System, revisitAt, Satisfaction.Unsatisfied, "家长表示问题未解决");
            t.SendBack(_clerk, revisitAt, "家长不满意，问题未解决", deadlines);
            replyAt = revisitAt.AddHours(_random.Next(8, 60));
            if (replyAt > now)
            {
                return t;
            }

            Reply(t, replyAt);
            revisitAt = replyAt.AddHours(_random.Next(4, 48));
            roll = 10 + _random.Next(90);
            if (revisitAt > now)
            {
                return t;
            }
        }

        var satisfaction = roll < 84 ? Satisfaction.Satisfied : roll < 94 ? Satisfaction.BasicallySatisfied : Satisfaction.NotReached;
        t.RecordRevisit(Actor.System, revisitAt, satisfaction, satisfaction == Satisfaction.NotReached ? "三次联系未接通" : null);
        t.Close(_clerk, revisitAt.AddMinutes(_random.Next(5, 120)), "已答复并回访，办结。");
        return t;
    }

    private void Reply(Ticket t, DateTimeOffset at)
    {
        t.Reply(_unit, at, "经核实，已按规定处理，现回复如下。", requireReview: false);
        t.RecordReplyConformity(Actor.System, at, _random.Next(100) < 93, _random.Next(100) < 96);
    }

    private T Pick<T>((T Value, int Weight)[] choices)
    {
        var roll = _random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if ((roll -= weight) < 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }

    private static string Describe(TicketCategory category) => category switch
    {
        TicketCategory.SupplementaryMaterials => "要求统一购买教辅资料",
        TicketCategory.AfterSchoolService => "课后服务强制参加并收费",
        TicketCategory.Uniforms => "要求每学期购买新校服",
        TicketCategory.PaidTutoring => "老师组织有偿补课",
        TicketCategory.TuitionAndMiscFees => "收取规定以外的杂费",
        _ => "存在不规范的情况",
    };
}
