using System.Text;

namespace SunshineBot.Knowledge.Tests;

/// <summary>A kb/ folder in a temp directory that a test fills file by file and deletes when done.</summary>
internal sealed class TempKbFolder : IDisposable
{
    public TempKbFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sunshinebot-kb-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(System.IO.Path.Combine(Path, "policies"));
        Directory.CreateDirectory(System.IO.Path.Combine(Path, "qa"));
        File.WriteAllText(System.IO.Path.Combine(Path, "synonyms.txt"), "# test\n教辅 练习册 辅导书\n", Encoding.UTF8);
    }

    public string Path { get; }

    public TempKbFolder Policy(string id, string name = "中小学教辅材料管理办法", string? fileName = null, string number = "null")
    {
        Write($"policies/{fileName ?? id}.md", $"""
            ---
            id: {id}
            name: {name}
            issuer: 教育部
            number: {number}
            date: 2015-08-03
            url: null
            ---
            - 购买教辅自愿。
            """);
        return this;
    }

    public TempKbFolder Entry(string id, string[] questions, string[] sources, string reviewed = "2026-10-01",
        string? fileName = null, string topic = "materials", string title = "学校让买教辅，必须买吗？", string? omitField = null)
    {
        var lines = new List<string>
        {
            "---",
            $"id: {id}",
            $"title: {title}",
            "questions:",
        };
        lines.AddRange(questions.Select(q => $"  - {q}"));
        lines.Add($"sources: [{string.Join(", ", sources)}]");
        lines.Add("tags: [教辅]");
        lines.Add("local: false");
        lines.Add($"reviewed: {reviewed}");
        lines.Add("---");
        lines.Add("不是必须的，买不买教辅由家长自愿决定。");
        if (omitField is not null)
        {
            lines.RemoveAll(l => l.StartsWith(omitField + ":", StringComparison.Ordinal));
        }

        Write($"qa/{topic}/{fileName ?? id}.md", string.Join("\n", lines) + "\n");
        return this;
    }

    public void Write(string relativePath, string text)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text, Encoding.UTF8);
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
