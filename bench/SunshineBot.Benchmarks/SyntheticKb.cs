using System.Globalization;
using SunshineBot.Knowledge.Content;

namespace SunshineBot.Benchmarks;

/// <summary>
/// A kb of any size made from the real one: the real entries, then generated entries whose questions,
/// titles and answers are re-mixed sentences of the real text (so term frequencies stay realistic and
/// parents' questions still match many entries), with a few random characters for variety. Deterministic.
/// </summary>
internal static class SyntheticKb
{
    public static KbContent Create(KbContent real, int entryCount, int seed = 42)
    {
        var random = new Random(seed);
        var sentences = real.Entries
            .SelectMany(e => e.Answer.Split(['。', '！', '？', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(s => s.Length >= 6)
            .ToArray();
        var questions = real.Entries.SelectMany(e => e.Questions).Concat(real.Entries.Select(e => e.Title)).ToArray();
        var characters = string.Concat(sentences).Where(char.IsLetter).Distinct().ToArray();
        var sources = real.Policies.Select(p => p.Id).ToArray();

        var entries = new List<KbEntry>(entryCount);
        entries.AddRange(real.Entries.Take(entryCount));
        for (var i = entries.Count; i < entryCount; i++)
        {
            entries.Add(new KbEntry
            {
                Id = "synthetic-" + i.ToString(CultureInfo.InvariantCulture),
                Title = Mutate(Pick(questions, random), characters, random),
                Questions = Enumerable.Range(0, random.Next(4, 8)).Select(_ => Mutate(Pick(questions, random), characters, random)).ToList(),
                Sources = [Pick(sources, random)],
                Tags = [Pick(characters, random).ToString() + Pick(characters, random)],
                Reviewed = new DateOnly(2026, 1, 1),
                Answer = string.Join("。", Enumerable.Range(0, random.Next(4, 10)).Select(_ => Pick(sentences, random))) + "。",
            });
        }

        return real with { Entries = entries, Problems = [] };
    }

    private static T Pick<T>(T[] items, Random random) => items[random.Next(items.Length)];

    private static string Mutate(string text, char[] characters, Random random)
    {
        var chars = text.ToCharArray();
        for (var k = 0; k < 2; k++)
        {
            chars[random.Next(chars.Length)] = Pick(characters, random);
        }

        return new string(chars);
    }
}
