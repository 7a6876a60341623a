using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SunshineBot.Core.Deadlines;
using SunshineBot.Core.Ledger;
using SunshineBot.Core.Tickets;
using C = SunshineBot.Core.Ledger.LedgerColumns;

namespace SunshineBot.Data.Ledger;

/// <param name="Rows">Ticket lines in the file.</param>
/// <param name="Imported">New tickets written (or, in a dry run, that would be).</param>
/// <param name="Skipped">Lines whose 工单号 is already in the database (the import is idempotent by number).</param>
public sealed record LedgerImportResult(int Rows, int Imported, int Skipped, IReadOnlyList<LedgerProblem> Problems, bool DryRun)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>
/// <c>sunshinebot ledger import</c>: historical tickets from a ledger file. Every line is checked (cells, units, the
/// workflow's own rules); any problem and nothing is written. Lines whose number exists are skipped, so running the
/// same file twice imports it once. Each ticket is replayed through the workflow (<see cref="LedgerTimeline"/>) and
/// the day counters are raised past imported numbers, so live intake never hands out a number that came in.
/// </summary>
public sealed class ImportLedger(SunshineDbContext db, DeadlinePolicy deadlines)
{
    private const int Batch = 1000;

    /// <summary>The lines of a .xlsx or .csv file; a file of another kind or one that cannot be read is refused in Chinese.</summary>
    public static List<string[]> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".xlsx" => ReadXlsx(path),
            ".csv" => LedgerCsv.Read(File.ReadAllText(path, System.Text.Encoding.UTF8)),
            _ => throw new InvalidDataException($"只能导入 .xlsx 或 .csv 文件，收到的是「{Path.GetFileName(path)}」。"),
        };
    }

    public async Task<LedgerImportResult> RunAsync(IReadOnlyList<string[]> lines, bool dryRun, CancellationToken ct)
    {
        var (entries, problems) = new LedgerParser(deadlines.Calendar).Parse(lines);
        var units = await db.Units.AsNoTracking().Select(u => new { u.Code, u.Name }).ToListAsync(ct);
        var byCode = units.ToDictionary(u => u.Code, u => u.Code, StringComparer.OrdinalIgnoreCase);
        var byName = units.GroupBy(u => u.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(u => u.Code).ToList(), StringComparer.Ordinal);
        string? Resolve(LedgerEntry e, string column, string? text, bool required)
        {
            if (text is null)
            {
                return null;
            }

            if (byCode.TryGetValue(text, out var code))
            {
                return code;
            }

            // 第一小学（YGS-XC-001）: the export's form for a name that two units share.
            if (text.EndsWith('）') && text.LastIndexOf('（') is > 0 and var open && byCode.TryGetValue(text[(open + 1)..^1], out var inner))
            {
                return inner;
            }

            if (byName.TryGetValue(text, out var codes) && codes.Count == 1)
            {
                return codes[0];
            }

            if (required)
            {
                problems.Add(new(e.Row, column, codes is { Count: > 1 }
                    ? $"有 {codes.Count} 个单位都叫「{text}」（{string.Join("、", codes)}），请改填单位代码。"
                    : $"未找到单位「{text}」（按单位代码或名称查找）。"));
            }

            return null;
        }

        var existing = await ExistingAsync(entries.Select(e => e.Number).ToList(), ct);
        var tickets = new List<Ticket>();
        foreach (var e in entries.Where(e => !existing.Contains(e.Number)))
        {
            var resolved = new LedgerUnits(
                Resolve(e, C.ReceivingUnit, e.ReceivingUnit, required: true),
                Resolve(e, C.HandlingUnit, e.HandlingUnit, required: true),
                Resolve(e, C.School, e.School, required: false));
            if ((e.ReceivingUnit is not null && resolved.ReceivingUnitCode is null) || (e.HandlingUnit is not null && resolved.HandlingUnitCode is null))
            {
                continue;
            }

            try
            {
                tickets.Add(LedgerTimeline.Build(e, resolved, deadlines));
            }
            catch (DomainException ex)
            {
                problems.Add(new(e.Row, null, ex.Message));
            }
        }

        var sorted = problems.OrderBy(p => p.Row).ThenBy(p => p.Column is null ? -1 : C.IndexOf(p.Column)).ToList();
        var result = new LedgerImportResult(lines.Skip(1).Count(l => !l.All(string.IsNullOrWhiteSpace)), tickets.Count, existing.Count, sorted, dryRun);
        if (!result.Ok || dryRun || tickets.Count == 0)
        {
            return result;
        }

        await SaveAsync(tickets, ct);
        return result;
    }

    private async Task<HashSet<string>> ExistingAsync(List<string> numbers, CancellationToken ct)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in numbers.Chunk(500))
        {
            found.UnionWith(await db.Tickets.AsNoTracking().Where(t => part.Contains(t.Number)).Select(t => t.Number).ToListAsync(ct));
        }

        return found;
    }

    private async Task SaveAsync(List<Ticket> tickets, CancellationToken ct)
    {
        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            foreach (var part in tickets.Chunk(Batch))
            {
                db.Tickets.AddRange(part);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }

            await RaiseCountersAsync(tickets, transaction, ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = tracking;
        }
    }

    private async Task RaiseCountersAsync(List<Ticket> tickets, IDbContextTransaction transaction, CancellationToken ct)
    {
        var highest = tickets.Where(t => TicketNumber.IsValid(t.Number))
            .GroupBy(t => t.Number[..10], StringComparer.Ordinal)
            .Select(g => (Day: g.Key, Value: g.Max(t => int.Parse(t.Number.AsSpan(11), NumberStyles.None, CultureInfo.InvariantCulture))));
        var connection = db.Database.GetDbConnection();
        foreach (var (day, value) in highest)
        {
            await using var cmd = connection.CreateCommand();
            cmd.Transaction = transaction.GetDbTransaction();
            cmd.CommandText =
                "INSERT INTO ticket_counters (day, value) VALUES (@day, @value) ON CONFLICT (day) DO UPDATE SET value = " +
                "CASE WHEN ticket_counters.value < excluded.value THEN excluded.value ELSE ticket_counters.value END;";
            Add(cmd, "@day", day);
            Add(cmd, "@value", value);
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private static void Add(System.Data.Common.DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    private static List<string[]> ReadXlsx(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            return LedgerXlsx.Read(stream);
        }
        catch (Exception e) when (e is FileFormatException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException
            or InvalidOperationException or System.Xml.XmlException or InvalidCastException)
        {
            throw new InvalidDataException($"无法读取「{Path.GetFileName(path)}」：不是有效的 Excel 工作簿。", e);
        }
    }
}
