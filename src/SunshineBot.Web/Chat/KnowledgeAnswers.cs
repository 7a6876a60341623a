using SunshineBot.Conversations.Services;
using SunshineBot.Data;
using SunshineBot.Data.Knowledge;
using SunshineBot.Knowledge;
using SunshineBot.Knowledge.Answering;
using SunshineBot.Knowledge.Content;
using SunshineBot.Knowledge.Indexing;

namespace SunshineBot.Web.Chat;

/// <summary>The knowledge base as the chat sees it; feedback lands in the answer log.</summary>
public sealed class KnowledgeAnswers(KnowledgeBase kb, SunshineDbContext db, TimeProvider clock) : IKnowledgeAnswers
{
    public Task<KbReply> AskAsync(string question, CancellationToken ct)
    {
        var answer = kb.Ask(question);
        var suggestions = answer.Suggestions.Select(h => new KbSuggestion(h.Entry.Id, h.Entry.Title)).ToList();
        return Task.FromResult(answer.Best is { } best
            ? ToReply(best)
            : new KbReply(false, null, null, null, [], suggestions));
    }

    public Task<KbReply?> GetAsync(string entryId, CancellationToken ct)
    {
        var entry = kb.Entries.FirstOrDefault(e => e.Id == entryId);
        if (entry is null)
        {
            return Task.FromResult<KbReply?>(null);
        }

        var sources = kb.Cite(entry, entry.Title).Select(Cite).ToList();
        return Task.FromResult<KbReply?>(new KbReply(true, entry.Id, entry.Title, entry.Answer, sources, []));
    }

    public async Task RecordFeedbackAsync(string question, string entryId, bool helpful, CancellationToken ct)
    {
        db.KbAnswerLog.Add(new KbAnswerRecord
        {
            At = clock.GetUtcNow(),
            Question = question.Length > 500 ? question[..500] : question,
            Status = "Feedback",
            EntryId = entryId,
            Helpful = helpful,
        });
        await db.SaveChangesAsync(ct);
    }

    private static KbReply ToReply(KbHit hit) =>
        new(true, hit.Entry.Id, hit.Entry.Title, hit.Entry.Answer, hit.Citations.Select(Cite).ToList(), []);

    // The policy's own words follow its name, so the parent sees the exact rule.
    private static string Cite(KbCitation c) =>
        (string.IsNullOrWhiteSpace(c.Ref) ? c.Title : $"{c.Title}（{c.Ref}）") + (c.Passage is { Length: > 0 } p ? $"：“{p}”" : "");
}
