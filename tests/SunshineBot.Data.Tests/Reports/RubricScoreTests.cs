using SunshineBot.Core.Calendar;
using SunshineBot.Core.Reports;
using SunshineBot.Core.Scoring;
using SunshineBot.Core.Tickets;
using SunshineBot.Data.Calendar;
using SunshineBot.Data.Reports;

namespace SunshineBot.Data.Tests.Reports;

/// <summary>
/// The shipped rubrics (rubrics/*.yaml) on small fixtures, against score sheets computed by hand. March 2026 has no
/// holiday; a ticket received Monday 2 March 09:00 is due a reply on Thursday 5 March 09:00 (3 working days).
/// </summary>
public sealed class RubricScoreTests
{
    private static readonly WorkingDayCalendar Calendar = CalendarFile.Load(CalendarFile.ResolvePath(null, "."));
    private static readonly ReportPeriod March = ReportPeriod.Of(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), Calendar, At(6, 1, 9));

    private static readonly TicketFact Good = new(
        "T0", TicketKind.Complaint, Severity.Normal, Channel.WeChat, TicketCategory.Uniforms, TicketStatus.Closed, "S1", "S1",
        At(3, 2, 9), At(3, 5, 9), At(3, 3, 10), At(3, 11, 9), At(3, 4, 9), 0, 0, Satisfaction.Satisfied, null, true, true, []);

    private static readonly TicketFact NeverReplied = Good with { Status = TicketStatus.Dispatched, FirstRepliedAt = null, ClosedAt = null, Satisfaction = null, ReplyFollowsTemplate = null, ReplyHasStamp = null };

    [Fact]
    public void Zhuhui_FloorCapZeroBelowAndManual_MatchTheHandSheet()
    {
        TicketFact[] facts =
        [
            Good with { Number = "Z1", RedoCount = 3, Faults = [FaultKind.ComplaintAgainstCentre] },
            Good with { Number = "Z2", FirstRepliedAt = At(3, 6, 9), RedoCount = 3, ReplyFollowsTemplate = false, Satisfaction = Satisfaction.Unsatisfied },
            Good with { Number = "Z3", FirstRepliedAt = At(3, 6, 9), UrgeCount = 1, ReplyHasStamp = false },
            NeverReplied with { Number = "Z4" }, NeverReplied with { Number = "Z5" }, NeverReplied with { Number = "Z6" },
        ];
        ManualEntry[] entries = [Entry("zhuhui-2019", "二.2(2)", 5, "良好"), Entry("zhuhui-2019", "三.3", 3, "省级表彰")];

        var sheet = Score("zhuhui-2019", facts, entries);

        // 一.1: 2 + 5 + 3×10 = 37 off 30 → 0 (扣完为止). 一.2: one off-template, one unstamped → 8.
        Assert.Equal(0m, Item(sheet, "一.1").Points);
        Assert.Equal(37m, Item(sheet, "一.1").Deductions.Single().Points);
        Assert.Equal(["Z4", "Z5", "Z6", "Z3", "Z2"], Item(sheet, "一.1").Deductions.Single().Tickets);
        Assert.Equal(8m, Item(sheet, "一.2").Points);
        // 一.3: redo 6 redos × 2 = 12, capped at 10; satisfaction 2/3 = 66.7 % < 85 % → the other 10 → 0.
        var redo = Item(sheet, "一.3").Deductions;
        Assert.Equal([10m, 10m], redo.Select(d => d.Points));
        Assert.Contains("上限10分", redo[0].Reason, StringComparison.Ordinal);
        Assert.Equal(["Z2"], redo[1].Tickets);
        Assert.Equal(2m, Item(sheet, "二.2(1)").Points);
        Assert.True(Item(sheet, "二.2(2)").Manual);
        Assert.Equal(5m, Item(sheet, "二.2(2)").Points);
        Assert.Equal(0m, Item(sheet, "二.2(3)").Points);
        // 0 + 8 + 0 + 5 + 5 + 2 + 5 + 0 + 5 + 5 + 3
        Assert.Equal(38m, sheet.Score);
        Assert.Equal(100m, sheet.Max);
    }

    [Theory]
    [InlineData(93, 100, 16)]   // 2 whole points short → −4
    [InlineData(187, 200, 18)]  // 93.5 %: 1.5 short, whole points only → −2
    [InlineData(95, 100, 20)]
    [InlineData(85, 100, 10)]   // 85 % is not below 85 %: 10 points short → −20, capped at 10
    [InlineData(84, 100, 10)]   // below 85 %: this half scores zero (−10)
    public void Zhuhui_SatisfactionPerPointBelow95_WholePointsOnly(int satisfied, int revisited, int expected)
    {
        var facts = Enumerable.Range(0, revisited)
            .Select(i => Good with { Number = $"S{i}", Satisfaction = i < satisfied ? Satisfaction.Satisfied : Satisfaction.Unsatisfied }).ToArray();

        var item = Item(Score("zhuhui-2019", facts, []), "一.3");

        Assert.Equal(expected, item.Points);
    }

    [Fact]
    public void Weifang_PerKindDeductionsAndNoFloorOnItem5_MatchTheHandSheet()
    {
        TicketFact[] facts =
        [
            Good with { Number = "W1", Finding = Finding.Substantiated, RedoCount = 1 },
            Good with { Number = "W2", RedoCount = 2, FirstRepliedAt = At(3, 9, 9) },
            Good with { Number = "W3", Kind = TicketKind.Help },
            Good with { Number = "W4", Kind = TicketKind.Suggestion, ReplyFollowsTemplate = false, Faults = [FaultKind.ReplyContradictsFacts, FaultKind.ReplyContradictsFacts] },
            NeverReplied with { Number = "W5", Kind = TicketKind.Consultation },
        ];

        var sheet = Score("weifang-2020", facts, [Entry("weifang-2020", "1.9", -4, "被约谈两次")]);

        Assert.Equal(-5m, Item(sheet, "5").Points);        // −3 −1 −0.5 −0.5
        Assert.Equal(1m, Item(sheet, "2.1").Points);        // −1 (once) −2 (twice)
        Assert.Equal(0m, Item(sheet, "2.2").Points);        // 3 redos
        Assert.Equal(1m, Item(sheet, "2.3").Points);        // W2 late, W5 never
        Assert.Equal(5m, Item(sheet, "2.4").Points);        // −1 template, −2 × 2 faults
        Assert.Equal(-4m, Item(sheet, "1.9").Points);
        // 1.1-1.7 full 60, 1.8 0, 1.9 −4, 1.10 5; 2.x 7; 3.x 0; 4 0; 5 −5
        Assert.Equal(63m, sheet.Score);
    }

    [Fact]
    public void Changzhou_DaysLateFaultsRatesAndBonusCap_MatchTheHandSheet()
    {
        var bulk = Enumerable.Range(0, 98).Select(i => Good with { Number = $"B{i}", Satisfaction = i < 87 ? Satisfaction.Satisfied : Satisfaction.Unsatisfied });
        TicketFact[] named =
        [
            // Consultation due Wednesday 4 March 09:00, replied and closed Friday 6 March: 3 days late, closed late.
            Good with { Number = "C1", Kind = TicketKind.Consultation, FirstReplyDueAt = At(3, 4, 9), DueAt = At(3, 4, 9), FirstRepliedAt = At(3, 6, 10), ClosedAt = At(3, 6, 11) },
            Good with { Number = "C2", Faults = [FaultKind.BuckPassing, FaultKind.ReplyTooThin, FaultKind.LeakedInformation] },
            NeverReplied with { Number = "C3" },
        ];
        var kb = new KbFacts(300, 200, 100, 12);
        ManualEntry[] entries = [Entry("changzhou-12345", "Ⅲ-15", 5, "创新工作机制"), Entry("changzhou-12345", "Ⅲ-16", 2, "市级集体荣誉两项")];

        var sheet = ScoreRubric.Unit(Rubric("changzhou-12345"), new ScoredUnit("S1", "一中", "/S1/"), [.. named, .. bulk], kb, March, Calendar, new ReportOptions(), entries);

        Assert.Equal(5m, Item(sheet, "Ⅲ-4").Points);        // −2 C1 late closure, −2 C3 missing, −6 three faults
        Assert.Equal(0m, Item(sheet, "Ⅲ-8").Points);        // C1 3 days, C3 19 working days to 31 March: −44
        Assert.Equal(44m, Item(sheet, "Ⅲ-8").Deductions.Single().Points);
        Assert.Equal(3m, Item(sheet, "Ⅲ-9").Points);        // 89/100 → 1 point short → −2
        Assert.Equal(5m, Item(sheet, "Ⅲ-10").Points);       // 100/101 = 99.0 %
        Assert.Equal(3m, Item(sheet, "Ⅲ-12(2)").Points);    // 12 % error → 2 points over → −2
        Assert.Equal(0m, Item(sheet, "Ⅲ-14(2)").Points);
        // manual 55 + 5 + 0 + 3 + 5 + 3 + bonus 7 capped at 5
        Assert.Equal(76m, sheet.Score);
        Assert.Equal(100m, sheet.Max);
    }

    [Fact]
    public void Changzhou_AllRepliesOnTime_EarnsTheComputedBonus()
    {
        var sheet = Score("changzhou-12345", [Good with { Number = "A1" }, Good with { Number = "A2" }], []);

        Assert.Equal(1m, Item(sheet, "Ⅲ-14(2)").Points);
        Assert.Equal(96m, sheet.Score);
    }

    [Fact]
    public void Hunan_ThresholdsAllOrNothing_MatchTheHandSheet()
    {
        var ten = Enumerable.Range(0, 10).Select(i => Good with { Number = $"H{i}", Satisfaction = i < 9 ? Satisfaction.Satisfied : Satisfaction.Unsatisfied }).ToArray();
        var nine = ten.Select(f => f with { Satisfaction = f.Number is "H0" or "H1" ? Satisfaction.Unsatisfied : f.Satisfaction }).ToArray();

        var met = Score("hunan-2014", ten, [Entry("hunan-2014", "(五)2", 3, "省级媒体报道")]);
        var missed = Score("hunan-2014", nine, []);

        Assert.Equal(4m, Item(met, "(四)1").Points);        // 90 % is 90 % or more
        Assert.Equal(5m, Item(met, "(四)5").Points);
        Assert.Equal(79m, met.Score);                      // 67 manual + 4 + 5 + bonus 3
        Assert.Equal(0m, Item(missed, "(四)1").Points);     // 80 %
        Assert.Equal(72m, missed.Score);
    }

    [Theory]
    [InlineData("zhuhui-2019")]
    [InlineData("changzhou-12345")]
    [InlineData("hunan-2014")]
    [InlineData("weifang-2020")]
    public void Tree_EveryUnit_EqualsTheUnitScoredOnItsWholeSubtree(string rubric)
    {
        ScoredUnit[] units =
        [
            new("C", "市局", "/C/"), new("D1", "一区", "/C/D1/"), new("S1", "一中", "/C/D1/S1/"), new("S2", "二中", "/C/D1/S2/"),
            new("D2", "二区", "/C/D2/"), new("S3", "三中", "/C/D2/S3/"),
        ];
        var random = new Random(20261201);
        var own = units.ToDictionary(u => u.Code, u => Enumerable.Range(0, u.Code == "S2" ? 0 : 40).Select(i => Varied(random, $"{u.Code}-{i}", u.Code)).ToList());
        var kb = new KbFacts(100, 60, 40, 5);
        ManualEntry[] entries = [];

        var tree = ScoreRubric.Tree(Rubric(rubric), units, own, kb, March, Calendar, new ReportOptions(), entries);

        Assert.Equal(units.Select(u => u.Code), tree.Select(t => t.Code));
        foreach (var (unit, sheet) in units.Zip(tree))
        {
            var subtree = units.Where(u => u.Path.StartsWith(unit.Path, StringComparison.Ordinal)).SelectMany(u => own[u.Code]).ToList();
            var alone = ScoreRubric.Unit(Rubric(rubric), unit, subtree, kb, March, Calendar, new ReportOptions(), entries);
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(alone), System.Text.Json.JsonSerializer.Serialize(sheet));
        }

        Assert.Contains(tree[0].Items, i => i.Deductions.Any(d => d.Tickets.Count > 0));
    }

    /// <summary>A ticket late or not, redone, urged, faulted, unhappy or not, by the dice.</summary>
    private static TicketFact Varied(Random random, string number, string unit)
    {
        var replied = random.Next(4) switch { 0 => (DateTimeOffset?)null, 1 => At(3, 9, 10), _ => At(3, 3, 10) };
        var closed = replied is null || random.Next(3) == 0 ? (DateTimeOffset?)null : At(3, 12, 9);
        return Good with
        {
            Number = number, UnitCode = unit, Kind = random.Next(3) == 0 ? TicketKind.Consultation : TicketKind.Complaint,
            Status = closed is null ? TicketStatus.Dispatched : TicketStatus.Closed, FirstRepliedAt = replied, ClosedAt = closed,
            RedoCount = random.Next(5) == 0 ? random.Next(1, 3) : 0, UrgeCount = random.Next(4) == 0 ? 1 : 0,
            Satisfaction = closed is null ? null : random.Next(5) == 0 ? Satisfaction.Unsatisfied : Satisfaction.Satisfied,
            ReplyFollowsTemplate = replied is null ? null : random.Next(6) != 0, ReplyHasStamp = replied is null ? null : random.Next(7) != 0,
            Faults = random.Next(6) == 0 ? [FaultKind.ComplaintAgainstCentre, FaultKind.BuckPassing] : [],
        };
    }

    [Fact]
    public void Parse_UnknownCondition_IsRefusedNamingTheItem()
    {
        const string yaml = "id: x\ntitle: t\nrounding: none\nitems:\n  - id: \"1\"\n    title: a\n    points: 1\n    rounding: none\n    rules:\n      - tickets: { cases: [ { when: [late-ish], points: 1 } ] }\n";

        var error = Assert.Throws<FormatException>(() => RubricFile.Parse(yaml, "x.yaml"));

        Assert.Contains("item 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("late-ish", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShippedRubrics_AllFour_LoadWithTheirRuleBookNumbering()
    {
        Assert.Equal(["changzhou-12345", "hunan-2014", "weifang-2020", "zhuhui-2019"], RubricFile.Ids());
        Assert.Equal(100m, Rubric("zhuhui-2019").Max);
        Assert.Contains(Rubric("changzhou-12345").Items, i => i.Id == "Ⅲ-8");
    }

    private static UnitScore Score(string rubric, IReadOnlyList<TicketFact> facts, IReadOnlyList<ManualEntry> entries) =>
        ScoreRubric.Unit(Rubric(rubric), new ScoredUnit("S1", "一中", "/S1/"), facts, KbFacts.None, March, Calendar, new ReportOptions(), entries);

    private static Rubric Rubric(string id) => RubricFile.Find(id) ?? throw new InvalidOperationException(id);

    private static ItemScore Item(UnitScore sheet, string id) => sheet.Items.Single(i => i.Id == id);

    private static ManualEntry Entry(string rubric, string item, decimal score, string note) =>
        new(rubric, item, "S1", March.From, March.To, score, note, "王主任", At(4, 1, 9));

    private static DateTimeOffset At(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));
}
