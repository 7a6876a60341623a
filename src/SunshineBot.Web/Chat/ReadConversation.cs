using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Conversations.Engine;
using SunshineBot.Core.Parents;
using SunshineBot.Data;
using SunshineBot.Web.Parents;

namespace SunshineBot.Web.Chat;

/// <summary>One line of a conversation as the page shows it.</summary>
public sealed record ChatLine(long Id, string Direction, string Kind, string? Text, IReadOnlyList<QuickReply> Choices, string? ImageUrl, string Source, DateTimeOffset At);

/// <summary>Lines after a cursor and the new cursor.</summary>
public sealed record ChatLines(IReadOnlyList<ChatLine> Messages, long Cursor);

/// <summary>
/// The lines of a parent's conversation after a cursor, waiting up to a limit for new ones: woken at once by a write
/// on this instance, and looking again every two seconds for other instances' writes.
/// </summary>
public sealed class ReadConversation(SunshineDbContext db, ConversationSignal signal)
{
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(2);

    public async Task<ChatLines> RunAsync(ParentAddress parent, long after, TimeSpan wait, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var rows = await db.ChatMessages.AsNoTracking()
                .Where(m => m.Channel == parent.Channel && m.UserId == parent.Id && m.Id > after)
                .OrderBy(m => m.Id).Take(200).ToListAsync(ct);
            if (rows.Count > 0 || started.Elapsed >= wait)
            {
                var lines = rows.Select(m => new ChatLine(
                    m.Id, m.Direction, m.Kind, m.Text,
                    m.ChoicesJson is null ? [] : JsonSerializer.Deserialize<List<QuickReply>>(m.ChoicesJson, ParentJson.Options) ?? [],
                    m.ImageUrl, m.Source, m.At)).ToList();
                return new ChatLines(lines, lines.Count > 0 ? lines[^1].Id : after);
            }

            var remaining = wait - started.Elapsed;
            await signal.WaitAsync(parent, remaining < Recheck ? remaining : Recheck, ct);
        }
    }

    /// <summary>The id of the conversation's newest line (0 when it has none).</summary>
    public async Task<long> CursorAsync(ParentAddress parent, CancellationToken ct) =>
        await db.ChatMessages.Where(m => m.Channel == parent.Channel && m.UserId == parent.Id).MaxAsync(m => (long?)m.Id, ct) ?? 0;
}
