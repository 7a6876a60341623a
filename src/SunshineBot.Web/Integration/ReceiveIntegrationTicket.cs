using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Tickets;
using SunshineBot.Core.Units;
using SunshineBot.Data;
using SunshineBot.Web.Tickets;

namespace SunshineBot.Web.Integration;

/// <summary>The JSON body of <c>POST /api/integration/tickets</c> (camelCase); everything as text, checked here.</summary>
public sealed record IntegrationTicketBody
{
    public string? ExternalNumber { get; init; }

    public string? ReceivedAt { get; init; }

    public string? VisitorName { get; init; }

    public string? VisitorPhone { get; init; }

    public string? Kind { get; init; }

    public string? Severity { get; init; }

    /// <summary>A unit's code or its exact name; an unknown name is kept as the school's name.</summary>
    public string? School { get; init; }

    public string? Category { get; init; }

    public string? Description { get; init; }
}

/// <param name="Created">False when the platform's number was already filed: the same ticket, nothing changed.</param>
public sealed record IntegrationTicketResult(string Number, bool Created);

/// <summary>
/// 受理 of a ticket another platform took (a 12345 hotline transfer): channel Hotline12345, the platform's own number
/// kept. The same number again, even from two instances at once, answers the first ticket (a unique index decides).
/// </summary>
public sealed class ReceiveIntegrationTicket(SunshineDbContext db, FileTicket fileTicket, TimeProvider clock, ILogger<ReceiveIntegrationTicket> logger)
{
    private static readonly TimeSpan OldestAccepted = TimeSpan.FromDays(366);

    public async Task<IntegrationTicketResult> RunAsync(string platform, IntegrationTicketBody body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var externalNumber = body.ExternalNumber?.Trim();
        if (string.IsNullOrEmpty(externalNumber) || externalNumber.Length > TicketIntake.MaxExternalLength)
        {
            throw new DomainException($"externalNumber（对方平台的工单编号）不能为空，最多{TicketIntake.MaxExternalLength}个字符。");
        }

        if (await FindAsync(platform, externalNumber, ct) is { } existing)
        {
            return new IntegrationTicketResult(existing, Created: false);
        }

        var intake = await IntakeAsync(platform, externalNumber, body, ct);
        var receivedAt = ReceivedAt(body.ReceivedAt);
        try
        {
            var ticket = await fileTicket.RunAsync(intake, new Actor("integration:" + platform, Truncate(platform + "平台", 64)), null, receivedAt, ct);
            logger.LogInformation("Ticket {Number} filed from integration {Platform} ({External})", ticket.Number, platform, externalNumber);
            return new IntegrationTicketResult(ticket.Number, Created: true);
        }
        catch (DbUpdateException)
        {
            // Another request (another instance) filed the same number a moment earlier: the unique index refused ours.
            db.ChangeTracker.Clear();
            var winner = await FindAsync(platform, externalNumber, ct);
            if (winner is null)
            {
                throw;
            }

            return new IntegrationTicketResult(winner, Created: false);
        }
    }

    private Task<string?> FindAsync(string platform, string externalNumber, CancellationToken ct) =>
        db.Tickets.AsNoTracking().Where(t => t.ExternalSource == platform && t.ExternalNumber == externalNumber).Select(t => t.Number).FirstOrDefaultAsync(ct);

    private async Task<TicketIntake> IntakeAsync(string platform, string externalNumber, IntegrationTicketBody body, CancellationToken ct)
    {
        var kind = Parse<TicketKind>(body.Kind, Labels.Of, "kind（受理类型）", required: true);
        var severity = Parse<Severity>(body.Severity, Labels.Of, "severity（事件级别）", required: false);
        var category = Parse<TicketCategory>(body.Category, Labels.Of, "category（类别）", required: false, fallback: TicketCategory.Other);
        var (schoolName, schoolCode) = await SchoolAsync(body.School, ct);
        return new TicketIntake
        {
            Kind = kind,
            Severity = severity,
            Channel = Channel.Hotline12345,
            Category = category,
            Description = body.Description ?? "",
            VisitorName = body.VisitorName,
            VisitorPhone = body.VisitorPhone,
            SchoolName = schoolName,
            SchoolUnitCode = schoolCode,
            ExternalSource = platform,
            ExternalNumber = externalNumber,
        };
    }

    private async Task<(string? Name, string? Code)> SchoolAsync(string? school, CancellationToken ct)
    {
        var text = school?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return (null, null);
        }

        var unit = await db.Units.AsNoTracking().Where(u => u.Active && (u.Code == text || u.Name == text))
            .Select(u => new { u.Code, u.Name, u.Kind }).FirstOrDefaultAsync(ct);
        return unit is null ? (text, null) : (unit.Name, unit.Kind is UnitKind.School or UnitKind.Kindergarten ? unit.Code : null);
    }

    private DateTimeOffset? ReceivedAt(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) || !HasOffset(text))
        {
            throw new DomainException("receivedAt（受理时间）应为带时区的 ISO 8601 时间，例如 2026-12-01T09:30:00+08:00。");
        }

        var now = clock.GetUtcNow();
        if (at > now + IntegrationDeliveryOptions.TimestampWindow)
        {
            throw new DomainException("receivedAt（受理时间）不能晚于当前时间。");
        }

        return at < now - OldestAccepted ? throw new DomainException("receivedAt（受理时间）早于一年前，请人工登记。") : at;
    }

    // "2026-12-01T09:30:00" alone would be read in the server's zone: the platform must say which instant it means.
    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');

    private static T Parse<T>(string? text, Func<T, string> label, string field, bool required, T fallback = default)
        where T : struct, Enum
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return required ? throw new DomainException($"{field}不能为空。") : fallback;
        }

        if (!value.All(char.IsDigit) && Enum.TryParse<T>(value, ignoreCase: true, out var named) && Enum.IsDefined(named))
        {
            return named;
        }

        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(label(candidate), value, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        throw new DomainException($"{field}无法识别：可用的值为 {string.Join("、", Enum.GetNames<T>())}。");
    }

    private static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;
}
