using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace SunshineBot.Web.Tests.Hosting;

/// <summary>The built host as a real process (<c>dotnet SunshineBot.Web.dll</c>) on a port of its own, with its output kept.</summary>
internal sealed partial class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process) => _process = process;

    public Uri BaseAddress { get; private set; } = null!;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<HostProcess> StartAsync(string contentRoot, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = Path.Combine(RepoRoot.Path, "src", "SunshineBot.Web", "bin", BuildConfiguration, "net10.0", "SunshineBot.Web.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = contentRoot };
        foreach (var arg in new[] { dll, "--contentRoot", contentRoot, "--urls", "http://127.0.0.1:0" })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Knowledge__Path"] = Path.Combine(RepoRoot.Path, "kb");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var host = new HostProcess(Process.Start(info)!);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (host._output)
            {
                host._output.AppendLine(line);
            }

            var match = ListeningLine().Match(line);
            if (match.Success)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }

        host._process.OutputDataReceived += (_, e) => OnLine(e.Data);
        host._process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        host._process.EnableRaisingEvents = true;
        host._process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("host exited: " + host.Output));

        host.BaseAddress = await listening.Task.WaitAsync(TimeSpan.FromSeconds(180));
        return host;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush — a power cut as far as the process knows.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string BuildConfiguration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
