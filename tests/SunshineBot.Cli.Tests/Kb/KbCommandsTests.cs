using System.Text.Json;
using SunshineBot.Cli.Kb;
using SunshineBot.Knowledge;

namespace SunshineBot.Cli.Tests.Kb;

public sealed class KbCommandsTests
{
    private static readonly string RealKb = Path.Combine(FindRoot(), "kb");

    [Fact]
    public void AskJson_QuestionArgument_PrintsOneObjectWithSourcesAndUnescapedChinese()
    {
        var (exit, output, _) = CliRunner.Run("kb", "ask", "--json", "--kb", RealKb, "学校让买练习册是强制的吗");

        Assert.Equal(0, exit);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("练习册", line, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal("学校让买练习册是强制的吗", root.GetProperty("question").GetString());
        Assert.True(root.GetProperty("answered").GetBoolean());
        Assert.Equal("supplementary-materials-voluntary", root.GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("answer").GetString()));
        Assert.True(root.GetProperty("score").GetDouble() > 0);
        Assert.NotEmpty(root.GetProperty("sources").EnumerateArray());
        Assert.All(root.GetProperty("sources").EnumerateArray(), s =>
        {
            Assert.False(string.IsNullOrEmpty(s.GetProperty("title").GetString()));
            Assert.Equal(JsonValueKind.String, s.GetProperty("ref").ValueKind);
        });
        Assert.InRange(root.GetProperty("alternatives").GetArrayLength(), 0, 2);
    }

    [Fact]
    public void AskJsonLines_Stdin_OneObjectPerQuestionAndRefusesOutOfScope()
    {
        using var kb = new KnowledgeBase(new KnowledgeBaseOptions { Path = RealKb });
        using var input = new StringReader("学校让买练习册是强制的吗\n\n明天天气怎么样\n帮我写作文\n");
        using var output = new StringWriter();

        var count = KbAskCommand.AskJsonLines(kb, input, output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, count);
        Assert.Equal(3, lines.Length);
        var answers = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.True(answers[0].GetProperty("answered").GetBoolean());
        foreach (var refused in answers.Skip(1))
        {
            Assert.False(refused.GetProperty("answered").GetBoolean());
            Assert.Equal(JsonValueKind.Null, refused.GetProperty("id").ValueKind);
            Assert.Empty(refused.GetProperty("sources").EnumerateArray());
        }
    }

    [Fact]
    public void Ask_Text_PrintsAnswerAndSource()
    {
        var (exit, output, _) = CliRunner.Run("kb", "ask", "--kb", RealKb, "学校让买练习册是强制的吗");

        Assert.Equal(0, exit);
        Assert.Contains("依据：", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_KbWithDanglingCitation_ExitsOne()
    {
        var folder = Directory.CreateTempSubdirectory("sunshinebot-kb-");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, "policies"));
            Directory.CreateDirectory(Path.Combine(folder.FullName, "qa", "t"));
            File.WriteAllText(Path.Combine(folder.FullName, "synonyms.txt"), "教辅 练习册\n");
            File.WriteAllText(Path.Combine(folder.FullName, "qa", "t", "a.md"),
                "---\nid: a\ntitle: 教辅必须买吗\nquestions: [教辅必须买吗]\nsources: [missing]\ntags: []\nlocal: false\nreviewed: 2026-11-01\n---\n不是必须的。\n");

            var (exit, output, _) = CliRunner.Run("kb", "lint", "--kb", folder.FullName);

            Assert.Equal(1, exit);
            Assert.Contains("missing", output, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Build_MissingKbFolder_ExplainsInPlainWords()
    {
        var (exit, _, error) = CliRunner.Run("kb", "build", "--kb", "/no/such/kb");

        Assert.Equal(2, exit);
        Assert.Contains("找不到知识库目录", error, StringComparison.Ordinal);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SunshineBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("SunshineBot.sln not found");
    }
}
