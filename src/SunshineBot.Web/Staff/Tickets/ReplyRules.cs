using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Web.Staff.Tickets;

/// <summary>
/// Refuses thin replies (seed 004: "答复过于简单：如转XX处理、已联系XX" is a scored fault): a body that is nothing
/// but boilerplate, or shorter than the configured minimum once spaces and punctuation are left out.
/// </summary>
public sealed class ReplyRules
{
    private readonly Regex[] _boilerplate;
    private readonly int _minLength;

    public ReplyRules(IOptions<StaffOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _minLength = options.Value.Reply.MinLength;
        _boilerplate = options.Value.Reply.BoilerplatePatterns
            .Select(p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            .ToArray();
    }

    public int MinLength => _minLength;

    /// <summary>Null when the body may go out, else the reason in words for the handler.</summary>
    public string? Check(string? body)
    {
        var meaningful = Meaningful(body ?? "");
        if (meaningful.Length == 0)
        {
            return "答复正文不能为空。";
        }

        var rest = _boilerplate.Aggregate(meaningful, (text, pattern) => pattern.Replace(text, ""));
        if (rest.Length < Math.Min(10, _minLength) || rest.Length * 4 < meaningful.Length)
        {
            return "答复不能只写「已转某某处理」「已收悉」之类的套话：请写明调查核实的情况、处理结果和依据。";
        }

        if (meaningful.Length < _minLength)
        {
            return $"答复过于简单（正文至少{_minLength}字，不含标点）：请写明调查核实的情况、处理结果和依据。";
        }

        return null;
    }

    public void Enforce(string? body)
    {
        if (Check(body) is { } reason)
        {
            throw new DomainException(reason);
        }
    }

    private static string Meaningful(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
