using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SunshineBot.Load;

/// <summary>A host under load, started as a child process (its output to a log file) and killed at the end.</summary>
internal sealed class TargetProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    /// <summary>Children still running: killed when this process ends for any reason (Ctrl-C, SIGTERM from timeout, a crash).</summary>
    private static readonly List<Process> Live = [];

    static TargetProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        AppDomain.CurrentDomain.UnhandledException += (_, _) => KillAll();
        Console.CancelKeyPress += (_, _) => KillAll();
    }

    private static void KillAll()
    {
        lock (Live)
        {
            foreach (var p in Live.Where(p => !p.HasExited))
            {
                p.Kill(entireProcessTree: true);
            }
        }
    }

    private TargetProcess(string name, Process process, Uri url, StreamWriter log)
    {
        Name = name;
        _process = process;
        Url = url;
        _log = log;
    }

    public string Name { get; }

    public Uri Url { get; }

    public int Pid => _process.Id;

    public static async Task<TargetProcess> StartAsync(string name, string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string> env, string logPath)
    {
        var port = FreePort();
        var url = new Uri($"http://127.0.0.1:{port}/");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(url.ToString().TrimEnd('/'));
        foreach (var (key, value) in env)
        {
            info.Environment[key] = value;
        }

        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + dll);
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var target = new TargetProcess(name, process, url, log);
        lock (Live)
        {
            Live.Add(process);
        }

        try
        {
            await target.WaitHealthyAsync(logPath);
        }
        catch
        {
            await target.DisposeAsync();
            throw;
        }

        return target;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    private async Task WaitHealthyAsync(string logPath)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(240))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}; see {logPath}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(Url, "/healthz"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{Name} did not answer /healthz; see {logPath}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        lock (Live)
        {
            Live.Remove(_process);
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }
}
