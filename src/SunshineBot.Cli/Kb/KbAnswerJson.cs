using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SunshineBot.Knowledge.Answering;
using SunshineBot.Knowledge.Indexing;

namespace SunshineBot.Cli.Kb;

/// <summary>
/// The one-line JSON form of an answer for <c>kb ask --json</c>. When not answered, id/title/answer/score
/// are null and <c>alternatives</c> holds the "did you mean" suggestions (up to three).
/// </summary>
internal sealed record KbAnswerJson(
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("answered")] bool Answered,
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("answer")] string? Answer,
    [property: JsonPropertyName("score")] double? Score,
    [property: JsonPropertyName("sources")] IReadOnlyList<KbSourceJson> Sources,
    [property: JsonPropertyName("alternatives")] IReadOnlyList<KbAlternativeJson> Alternatives)
{
    // Chinese stays readable in the output instead of \uXXXX escapes.
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static KbAnswerJson From(KbAnswer answer)
    {
        var best = answer.Best;
        var others = answer.Answered ? answer.Alternatives : answer.Suggestions;
        return new KbAnswerJson(
            answer.Question,
            answer.Answered,
            best?.Entry.Id,
            best?.Entry.Title,
            best?.Entry.Answer,
            best is null ? null : Round(best.Score),
            answer.Citations.Select(c => new KbSourceJson(c.Title, c.Ref, c.Passage)).ToList(),
            others.Select(Alternative).ToList());
    }

    public string ToJsonLine() => JsonSerializer.Serialize(this, Options);

    private static KbAlternativeJson Alternative(KbHit hit) =>
        new(hit.Entry.Id, hit.Entry.Title, hit.Entry.Answer, Round(hit.Score));

    private static double Round(double score) => Math.Round(score, 3);
}

internal sealed record KbSourceJson(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("ref")] string Ref,
    [property: JsonPropertyName("passage")] string? Passage);

internal sealed record KbAlternativeJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("answer")] string Answer,
    [property: JsonPropertyName("score")] double Score);
