using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Testing;
using SunshineBot.WeChat.Security;

namespace SunshineBot.Web.Tests.Hosting;

/// <summary>
/// The host as a real process, killed with SIGKILL while parents on the web chat and on WeChat are filing complaints
/// at the same time, then started again on the same database. Each parent retries what got no answer the way its
/// client does (the web chat with the same clientId, WeChat with the same MsgId). Runs on SQLite, and on PostgreSQL
/// in the PostgreSQL pass.
/// </summary>
public sealed partial class CrashSafetyTests : IAsyncLifetime
{
    private const string Token = "crashtoken1";
    private const int WebParents = 8;
    private const int WeChatParents = 6;
    private static readonly string[] Names = ["赵女士", "钱先生", "孙女士", "李先生", "周女士", "吴先生", "郑女士", "王先生"];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "sunshine-crash", Guid.NewGuid().ToString("N"));
    private TestDatabase _database = null!;
    private volatile HostProcess? _host;
    private int _answered;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        _database = await TestDatabase.CreateAsync(ExternalResources.HostsOnPostgres ? "Postgres" : "Sqlite");
    }

    [Fact]
    public async Task Kill_DuringConcurrentIntakes_AcknowledgedTicketsSurviveOnceAndConversationsResume()
    {
        _host = await HostProcess.StartAsync(_root, Environment());
        var parents = Enumerable.Range(0, WebParents).Select(i => new Parent(i, weChat: false))
            .Concat(Enumerable.Range(0, WeChatParents).Select(i => new Parent(WebParents + i, weChat: true))).ToList();
        var totalSteps = parents.Sum(p => p.Script.Length);

        var running = parents.Select(RunAsync).ToList();
        while (Volatile.Read(ref _answered) < totalSteps * 2 / 5 && running.Any(t => !t.IsCompleted))
        {
            await Task.Delay(20);
        }

        var killed = _host;
        _host = null;
        await killed.KillAsync();
        var output = killed.Output;
        await killed.DisposeAsync();
        Assert.True(Volatile.Read(ref _answered) < totalSteps, "the host was killed after every parent had finished: " + output);

        _host = await HostProcess.StartAsync(_root, Environment());
        await Task.WhenAll(running).WaitAsync(TimeSpan.FromMinutes(3));

        // Every parent reached the end of the form: their conversation resumed where it was.
        foreach (var parent in parents.Where(p => !p.WeChat))
        {
            Assert.True(parent.Number is not null, $"web parent {parent.Index} never got a ticket number; last reply: {parent.LastReply}");
        }

        var tickets = await WaitForTicketsAsync(parents.Count);
        foreach (var parent in parents)
        {
            var mine = tickets.Where(t => t.Description == parent.Description).ToList();
            var ticket = Assert.Single(mine);
            Assert.Equal(parent.Phone, ticket.VisitorPhone);
            if (parent.Number is not null)
            {
                Assert.Equal(parent.Number, ticket.Number);
            }
        }

        Assert.Equal(parents.Count, tickets.Select(t => t.Number).Distinct(StringComparer.Ordinal).Count());

        // The confirmations sent again (a client that never saw them): the same answer, nothing filed twice.
        foreach (var parent in parents)
        {
            var again = await SendAsync(parent, parent.Script.Length - 1);
            if (parent.Number is not null)
            {
                Assert.Contains(parent.Number, again, StringComparison.Ordinal);
            }
        }

        Assert.Equal(parents.Count, (await LoadTicketsAsync()).Count);
    }

    private async Task RunAsync(Parent parent)
    {
        await Task.Yield();
        for (var step = 0; step < parent.Script.Length; step++)
        {
            var reply = await SendAsync(parent, step);
            parent.LastReply = reply;
            Interlocked.Increment(ref _answered);
            if (TicketNumber().Match(reply) is { Success: true } number && step == parent.Script.Length - 1)
            {
                parent.Number = number.Value;
            }
        }
    }

    /// <summary>One message, retried with the same id until the host (maybe a new process) answers it.</summary>
    private async Task<string> SendAsync(Parent parent, int step)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var host = _host;
            if (host is not null)
            {
                try
                {
                    return parent.WeChat ? await SendWeChatAsync(host, parent, step) : await SendWebAsync(host, parent, step);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    // The process died under this request: the client sends it again.
                }
            }

            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(2), $"parent {parent.Index} step {step} got no answer");
            await Task.Delay(100);
        }
    }

    private static async Task<string> SendWebAsync(HostProcess host, Parent parent, int step)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.BaseAddress, "/api/chat/send"))
        {
            Content = JsonContent.Create(new { text = parent.Script[step], clientId = $"crash-{parent.Index}-{step}" }),
        };
        request.Headers.Add("X-Requested-With", "sunshine-chat");
        using var response = await parent.Http.SendAsync(request);
        if (response.StatusCode >= HttpStatusCode.InternalServerError)
        {
            throw new HttpRequestException($"{(int)response.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return string.Join("\n", json.RootElement.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString()));
    }

    private static async Task<string> SendWeChatAsync(HostProcess host, Parent parent, int step)
    {
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nonce = $"{parent.Index}{step}";
        var signature = WeChatSignature.ComputeUrlSignature(Token, timestamp, nonce);
        var body = $"<xml><ToUserName><![CDATA[gh_crash]]></ToUserName><FromUserName><![CDATA[oCrash{parent.Index:D4}]]></FromUserName>"
            + $"<CreateTime>{timestamp}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{parent.Script[step]}]]></Content>"
            + $"<MsgId>{7_000_000_000L + (parent.Index * 100) + step}</MsgId></xml>";
        using var content = new StringContent(body, Encoding.UTF8, "text/xml");
        using var response = await parent.Http.PostAsync(new Uri(host.BaseAddress, $"/wechat?signature={signature}&timestamp={timestamp}&nonce={nonce}"), content);
        if (response.StatusCode >= HttpStatusCode.InternalServerError)
        {
            throw new HttpRequestException($"{(int)response.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<List<(string Number, string Description, string? VisitorPhone)>> WaitForTicketsAsync(int expected)
    {
        // A WeChat turn past the reply budget finishes in the background: give it a moment.
        var tickets = await LoadTicketsAsync();
        for (var i = 0; i < 100 && tickets.Count < expected; i++)
        {
            await Task.Delay(200);
            tickets = await LoadTicketsAsync();
        }

        return tickets;
    }

    private async Task<List<(string Number, string Description, string? VisitorPhone)>> LoadTicketsAsync()
    {
        await using var db = _database.NewContext();
        var rows = await db.Tickets.AsNoTracking().ToListAsync();
        return rows.Select(r => (r.Number, r.Description, r.VisitorPhone)).ToList();
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["Database__Provider"] = _database.Provider.ToString(),
        ["Database__ConnectionString"] = _database.ConnectionString,
        ["DataProtection__KeysPath"] = _database.KeysPath,
        ["Security__RequestsPerIpPerMinute"] = "100000",
        ["Security__MessagesPerOpenIdPerMinute"] = "1000",
        ["WeChat__Token"] = Token,
        ["WeChat__AppId"] = "wxcrash000000001",
        ["WeChat__AppSecret"] = "crash-test-secret",
        ["WeChat__ApiBaseUrl"] = "http://127.0.0.1:9",
    };

    public async Task DisposeAsync()
    {
        if (_host is { } host)
        {
            await host.DisposeAsync();
        }

        await _database.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [GeneratedRegex(@"YG\d{8}-\d{4}")]
    private static partial Regex TicketNumber();

    private sealed class Parent(int index, bool weChat)
    {
        public int Index { get; } = index;

        public bool WeChat { get; } = weChat;

        public HttpClient Http { get; } = new(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true }) { Timeout = TimeSpan.FromSeconds(30) };

        public string Description => $"班主任上课骂学生是笨蛋，第{Index + 1}位家长反映，好几个孩子都听到了";

        public string Phone => $"1390000{Index:D4}";

        public string[] Script =>
        [
            "我要投诉", "不知道", "12", Description, "跳过", "不用保密", Names[Index % Names.Length], Phone, "确认提交",
        ];

        public string? Number { get; set; }

        public string? LastReply { get; set; }
    }
}
