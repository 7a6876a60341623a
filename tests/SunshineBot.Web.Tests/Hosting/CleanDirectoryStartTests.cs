using System.Text.RegularExpressions;

namespace SunshineBot.Web.Tests.Hosting;

/// <summary>The built host as an operator runs it: a new process in an empty folder, real Kestrel, no settings.</summary>
public sealed partial class CleanDirectoryStartTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sunshine-clean-start", Guid.NewGuid().ToString("N"));

    public CleanDirectoryStartTests() => Directory.CreateDirectory(_root);

    [Fact]
    public async Task Start_EmptyContentRoot_CreatesTheDatabaseAnswersHealthzAndPrintsThePasswordOnce()
    {
        string firstOutput;
        await using (var host = await HostProcess.StartAsync(_root))
        {
            using var http = new HttpClient();
            var health = await http.GetStringAsync(new Uri(host.BaseAddress, "/healthz"));
            Assert.Equal("Healthy", health);
            firstOutput = host.Output;
        }

        Assert.True(File.Exists(Path.Combine(_root, "data", "sunshine.db")));
        var password = PasswordLine().Match(firstOutput);
        Assert.True(password.Success, firstOutput);
        Assert.Equal(16, password.Groups[1].Value.Length);

        await using (var again = await HostProcess.StartAsync(_root))
        {
            using var http = new HttpClient();
            Assert.Equal("Healthy", await http.GetStringAsync(new Uri(again.BaseAddress, "/healthz")));
            Assert.DoesNotContain(password.Groups[1].Value, again.Output, StringComparison.Ordinal);
            Assert.DoesNotMatch(PasswordLine(), again.Output);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [GeneratedRegex(@"Password \(shown once[^)]*\): (\S+)")]
    private static partial Regex PasswordLine();
}
