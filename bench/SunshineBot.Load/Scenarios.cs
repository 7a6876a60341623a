using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace SunshineBot.Load;

/// <summary>One worker's view: its connection pool, its latency list, its index among the workers.</summary>
internal sealed record WorkerContext(HttpClient Client, Uri Target, int Worker, int Workers, Recorder Recorder, List<int> Latencies, string RunId);

/// <summary>A kind of traffic. A unit is one FAQ message, or one complete intake of several messages.</summary>
internal abstract partial class Scenario
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    protected static readonly string[] Questions =
    [
        "买教辅资料是必须的吗",
        "学校可以收课后服务费吗",
        "校服必须在学校买吗",
        "学校收取补课费合理吗",
        "公办学校能收择校费吗",
    ];

    /// <summary>The intake script: a complaint about a fee, about ten messages, ending in one ticket.</summary>
    protected static readonly string[] Intake =
        ["我要投诉", "不知道", "1", "学校收了三百元的资料费，没有给任何收据", "300", "跳过", "跳过", "李先生", "13900001234", "确认"];

    public abstract string Name { get; }

    public abstract int MessagesPerUnit { get; }

    public abstract Task RunUnitAsync(WorkerContext w, long sequence, Traffic traffic);

    public static Scenario Create(string name, int followers) => name switch
    {
        "faq-plain" => new WeChatFaq(false, followers),
        "faq-safe" => new WeChatFaq(true, followers),
        "intake-plain" => new WeChatIntake(false),
        "intake-safe" => new WeChatIntake(true),
        "webchat" => new WebChatFaq(followers),
        _ => throw new ArgumentException("unknown scenario " + name),
    };

    /// <summary>Sends one request; returns the body, or null (counted as an error) on a failure or timeout.</summary>
    protected static async Task<string?> SendAsync(WorkerContext w, HttpRequestMessage request, Action<HttpResponseMessage>? inspect = null)
    {
        using var cts = new CancellationTokenSource(RequestTimeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await w.Client.SendAsync(request, cts.Token);
            var body = await response.Content.ReadAsStringAsync(cts.Token);
            w.Latencies.Add(Recorder.Micros(started));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                w.Recorder.Error($"HTTP {(int)response.StatusCode}: {body[..Math.Min(body.Length, 120)]}");
                return null;
            }

            inspect?.Invoke(response);
            return body;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            w.Latencies.Add(Recorder.Micros(started));
            w.Recorder.Error(e.GetType().Name + ": " + e.Message);
            return null;
        }
        finally
        {
            request.Dispose();
        }
    }

    [GeneratedRegex(@"YG\d{8}-\d{4,}")]
    protected static partial Regex TicketNumber();

    private sealed class WeChatFaq(bool safe, int followers) : Scenario
    {
        public override string Name => safe ? "faq-safe" : "faq-plain";

        public override int MessagesPerUnit => 1;

        public override async Task RunUnitAsync(WorkerContext w, long sequence, Traffic traffic)
        {
            var follower = (int)((w.Worker + (sequence * w.Workers)) % followers);
            var openId = $"oF{w.RunId}{follower:D6}";
            var body = await SendAsync(w, traffic.WeChatText(w.Target, openId, Questions[sequence % Questions.Length], safe));
            if (body is null)
            {
                return;
            }

            if (body == "success")
            {
                w.Recorder.Defer(openId);
            }

            w.Recorder.Unit();
        }
    }

    private sealed class WeChatIntake(bool safe) : Scenario
    {
        public override string Name => safe ? "intake-safe" : "intake-plain";

        public override int MessagesPerUnit => Intake.Length;

        public override async Task RunUnitAsync(WorkerContext w, long sequence, Traffic traffic)
        {
            var openId = $"oI{w.RunId}{w.Worker:D4}x{sequence:D6}";
            string? last = null;
            foreach (var step in Intake)
            {
                last = await SendAsync(w, traffic.WeChatText(w.Target, openId, step, safe));
                if (last is null)
                {
                    return;
                }
            }

            w.Recorder.Unit();
            var text = traffic.ReplyText(last!);
            if (TicketNumber().IsMatch(text))
            {
                w.Recorder.Acknowledge();
            }
            else if (text == "success")
            {
                w.Recorder.Defer(openId);
            }
        }
    }

    private sealed class WebChatFaq(int followers) : Scenario
    {
        private readonly Dictionary<int, string> _cookies = [];

        public override string Name => "webchat";

        public override int MessagesPerUnit => 1;

        public override async Task RunUnitAsync(WorkerContext w, long sequence, Traffic traffic)
        {
            var follower = (int)((w.Worker + (sequence * w.Workers)) % followers);
            string? cookie;
            lock (_cookies)
            {
                _cookies.TryGetValue(follower, out cookie);
            }

            var body = await SendAsync(w, Traffic.WebChatSend(w.Target, cookie, Questions[sequence % Questions.Length]), response =>
            {
                if (cookie is null && response.Headers.TryGetValues("Set-Cookie", out var set))
                {
                    var first = set.First();
                    lock (_cookies)
                    {
                        _cookies[follower] = first[..first.IndexOf(';', StringComparison.Ordinal)];
                    }
                }
            });
            if (body is not null)
            {
                w.Recorder.Unit();
            }
        }
    }
}
