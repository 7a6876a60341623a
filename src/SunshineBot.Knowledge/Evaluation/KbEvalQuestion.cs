using System.Text.Json;
using System.Text.Json.Serialization;

namespace SunshineBot.Knowledge.Evaluation;

/// <summary>One labelled question; <see cref="Expected"/> is null for a question the kb must refuse.</summary>
public sealed record KbEvalQuestion(
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("expected")] string? Expected)
{
    public bool InScope => Expected is not null;

    /// <summary>Reads a JSON-lines file: one <c>{"question": "...", "expected": "id" | null}</c> per line.</summary>
    public static IReadOnlyList<KbEvalQuestion> ReadJsonLines(string path)
    {
        var questions = new List<KbEvalQuestion>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var question = JsonSerializer.Deserialize<KbEvalQuestion>(line)
                ?? throw new FormatException($"{path}:{lineNumber}: not a question object");
            if (string.IsNullOrWhiteSpace(question.Question))
            {
                throw new FormatException($"{path}:{lineNumber}: the question is empty");
            }

            questions.Add(question);
        }

        return questions;
    }
}
