using SunshineBot.Conversations.Engine;
using SunshineBot.Conversations.Services;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Conversations.Tests.Support;

/// <summary>In-memory knowledge base: a question containing a key gets that entry.</summary>
internal sealed class FakeKnowledge : IKnowledgeAnswers
{
    public Dictionary<string, (string Id, string Title, string Answer)> Entries { get; } = new(StringComparer.Ordinal)
    {
        ["练习册"] = ("supplementary-materials-voluntary", "学校让买教辅资料，必须买吗？", "不是必须的，买不买由家长决定。学校强制购买的，可以回复“我要投诉”。"),
        ["校服"] = ("uniform-must-buy", "学校要求买校服，必须买吗？", "不是必须的。"),
        ["投诉"] = ("how-to-complain", "怎么在这里投诉学校？", "直接回复“我要投诉”，按提示填写就行。"),
    };

    public List<(string EntryId, bool Helpful)> Feedback { get; } = [];

    public List<string> Asked { get; } = [];

    /// <summary>The entry shown last (an answer or an opened suggestion).</summary>
    public string? LastShown { get; private set; }

    public Task<KbReply> AskAsync(string question, CancellationToken ct)
    {
        Asked.Add(question);
        var folded = SunshineBot.Conversations.Prompts.TextNormalizer.Fold(question);
        var hit = Entries.FirstOrDefault(e => folded.Contains(e.Key, StringComparison.Ordinal));
        if (hit.Key is null)
        {
            return Task.FromResult(new KbReply(false, null, null, null, [], question.Contains("收费", StringComparison.Ordinal) ? [new KbSuggestion("uniform-must-buy", "学校要求买校服，必须买吗？")] : []));
        }

        LastShown = hit.Value.Id;
        return Task.FromResult(new KbReply(true, hit.Value.Id, hit.Value.Title, hit.Value.Answer, ["中小学教辅材料管理办法"], []));
    }

    public Task<KbReply?> GetAsync(string entryId, CancellationToken ct)
    {
        var hit = Entries.Values.FirstOrDefault(e => e.Id == entryId);
        LastShown = hit.Id ?? LastShown;
        return Task.FromResult<KbReply?>(hit.Id is null ? null : new KbReply(true, hit.Id, hit.Title, hit.Answer, ["来源"], []));
    }

    public Task RecordFeedbackAsync(string question, string entryId, bool helpful, CancellationToken ct)
    {
        Feedback.Add((entryId, helpful));
        return Task.CompletedTask;
    }
}

internal sealed class FakeUnits : IUnitDirectory
{
    public static readonly UnitCandidate[] Units =
    [
        new("YGS-DC-001", "东城区第一小学"), new("YGS-XC-001", "西城区第一小学"), new("YGS-DC-002", "东城区实验中学"),
        new("YGS-DC-003", "东城区第二中学"), new("YGS-XC-002", "西城区阳光幼儿园"), new("YGS-XC-003", "西城区实验小学"),
    ];

    public Task<IReadOnlyList<UnitCandidate>> FindAsync(string text, int limit, CancellationToken ct) =>
        Task.FromResult(SunshineBot.Conversations.Prompts.SchoolMatcher.Rank(Units, text, limit));

    public Task<UnitCandidate?> GetAsync(string code, CancellationToken ct) => Task.FromResult(Units.FirstOrDefault(u => u.Code == code));
}

/// <summary>Records what the flows hand over; numbers tickets like the real desk.</summary>
internal sealed class FakeTicketDesk : ITicketDesk
{
    public List<IntakeRequest> Filed { get; } = [];

    public List<(string Number, string Description, int Photos)> Linked { get; } = [];

    public List<(string Number, Satisfaction Satisfaction, bool? Solved, string? Comment)> Revisits { get; } = [];

    public TicketSummary? Similar { get; set; }

    public List<TicketSummary> Existing { get; } = [];

    public Task<FiledTicket> FileAsync(IntakeRequest request, CancellationToken ct)
    {
        if (request.Intake.Description.Length == 0)
        {
            throw new DomainException("问题描述不能为空。");
        }

        Filed.Add(request);
        var number = $"YG20261123-{Filed.Count:0000}";
        return Task.FromResult(new FiledTicket(number, request.Intake.Severity, new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8))));
    }

    public Task<TicketSummary?> FindSimilarAsync(string filedBy, TicketKind kind, string? schoolCode, string? schoolName, CancellationToken ct) => Task.FromResult(Similar);

    public Task LinkToAsync(string number, string filedBy, string description, IReadOnlyList<IncomingImage> photos, CancellationToken ct)
    {
        Linked.Add((number, description, photos.Count));
        return Task.CompletedTask;
    }

    public List<(string Number, string Text, int Photos)> Added { get; } = [];

    public Task AddToAsync(string number, string filedBy, string text, IReadOnlyList<IncomingImage> photos, CancellationToken ct)
    {
        Added.Add((number, text, photos.Count));
        return Task.CompletedTask;
    }

    /// <summary>The seeded tickets for device-1 or the bound phone, and, like the real desk, what this parent filed here.</summary>
    public Task<IReadOnlyList<TicketSummary>> ListForAsync(string filedBy, string? boundPhone, CancellationToken ct)
    {
        var seeded = filedBy == "device-1" || boundPhone == "13800001234" ? Existing : [];
        var filedHere = Filed.Select((r, i) => (Request: r, Number: $"YG20261123-{i + 1:0000}"))
            .Where(f => f.Request.Intake.FiledBy == filedBy)
            .Select(f => new TicketSummary(f.Number, f.Request.Intake.Kind, TicketStatus.Received, f.Request.Intake.SchoolName, new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8)), null, null, null));
        return Task.FromResult<IReadOnlyList<TicketSummary>>(filedHere.Reverse().Concat(seeded).ToList());
    }

    public Task<bool> PhoneMatchesAsync(string number, string phone, CancellationToken ct) =>
        Task.FromResult(phone == "13800001234" && Existing.Any(t => t.Number == number));

    public Task<TicketSummary?> FindAsync(string number, string phoneLast4, CancellationToken ct) =>
        Task.FromResult(phoneLast4 == "1234" ? Existing.FirstOrDefault(t => t.Number == number) : null);

    public Task<RevisitOutcome> RecordRevisitAsync(string number, string filedBy, Satisfaction satisfaction, bool? solved, string? comment, CancellationToken ct)
    {
        Revisits.Add((number, satisfaction, solved, comment));
        return Task.FromResult(satisfaction == Satisfaction.Unsatisfied ? RevisitOutcome.SentBack : RevisitOutcome.Closed);
    }
}
