using SunshineBot.Knowledge.Analysis;
using SunshineBot.Knowledge.Content;

namespace SunshineBot.Knowledge.Linting;

/// <summary>
/// Checks kb/ content across files: what the loader found, duplicate ids, id ≠ file name, citations to
/// unknown policies, one question variant in two entries, and (warning) entries not reviewed for a year.
/// </summary>
public static class KbLinter
{
    public static IReadOnlyList<KbProblem> Lint(KbContent content, DateOnly today, KbLintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= new KbLintOptions();
        var problems = new List<KbProblem>(content.Problems);

        CheckIds(content.Policies.Select(p => (p.Id, p.FilePath)), "policy", problems);
        CheckIds(content.Entries.Select(e => (e.Id, e.FilePath)), "entry", problems);
        CheckCitations(content, problems);
        CheckQuestionVariants(content.Entries, problems);
        CheckReviewed(content.Entries, today.AddMonths(-options.ReviewMaxAgeMonths), problems);
        return problems;
    }

    private static void CheckIds(IEnumerable<(string Id, string File)> items, string kind, List<KbProblem> problems)
    {
        var firstFileOfId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, file) in items)
        {
            if (file.Length > 0 && !string.Equals(Path.GetFileNameWithoutExtension(file), id, StringComparison.Ordinal))
            {
                problems.Add(KbProblem.Error(file, $"{kind} id '{id}' differs from the file name"));
            }

            if (!firstFileOfId.TryAdd(id, file))
            {
                problems.Add(KbProblem.Error(file, $"duplicate {kind} id '{id}' (also in {firstFileOfId[id]})"));
            }
        }
    }

    private static void CheckCitations(KbContent content, List<KbProblem> problems)
    {
        var policyIds = content.Policies.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in content.Entries)
        {
            foreach (var source in entry.Sources.Where(s => !policyIds.Contains(s)))
            {
                problems.Add(KbProblem.Error(entry.FilePath, $"entry '{entry.Id}' cites policy '{source}', which does not exist"));
            }
        }
    }

    private static void CheckQuestionVariants(IReadOnlyList<KbEntry> entries, List<KbProblem> problems)
    {
        // Compared after normalisation, so 「校服要买吗？」 and 「校服要买吗」 count as the same question.
        var ownerOf = new Dictionary<string, KbEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var question in entry.Questions.Distinct(StringComparer.Ordinal))
            {
                var key = ChineseNormalizer.Normalize(question).Replace(" ", "", StringComparison.Ordinal);
                if (key.Length == 0)
                {
                    continue;
                }

                if (ownerOf.TryGetValue(key, out var owner) && owner.Id != entry.Id)
                {
                    problems.Add(KbProblem.Error(entry.FilePath,
                        $"question variant '{question}' appears in both '{owner.Id}' and '{entry.Id}'"));
                }
                else
                {
                    ownerOf.TryAdd(key, entry);
                }
            }
        }
    }

    private static void CheckReviewed(IReadOnlyList<KbEntry> entries, DateOnly oldestAccepted, List<KbProblem> problems)
    {
        foreach (var entry in entries.Where(e => e.Reviewed is { } reviewed && reviewed < oldestAccepted))
        {
            problems.Add(KbProblem.Warning(entry.FilePath,
                $"entry '{entry.Id}' was last reviewed on {entry.Reviewed:yyyy-MM-dd}, more than a year ago"));
        }
    }
}
