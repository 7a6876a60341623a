using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using SunshineBot.WeChat.Crypto;
using SunshineBot.WeChat.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SunshineBot.Web.Tests.Staff;
using SunshineBot.Web.Tests.WeChat;

namespace SunshineBot.Web.Tests.Security;

/// <summary>
/// FsCheck sends 10,000 generated hostile requests each to the WeChat webhook and to the web chat API (text, choice,
/// upload, link) through the real host in process (one host for the class): no 5xx, no error logged (an unhandled
/// exception is logged as one), every answer a 4xx (with a Chinese title on the chat), and nothing stored from any of
/// them.
/// </summary>
public sealed class HostileHostPropertyTests(HostileHostPropertyTests.Host fixture) : IClassFixture<HostileHostPropertyTests.Host>
{
    public const int Runs = 10_000;
    private static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(Runs);
    private static readonly WeChatMessageCrypto Crypto = new(WeChatTestHost.AesKey, SunshineBot.WeChat.Tests.Api.FakeWeChatServer.AppId);

    [Fact]
    public async Task Webhook_HostileRequests_AllRefusedWith4xxAndNothingStored()
    {
        var host = fixture.WeChat;
        var failures = new List<string>();
        var sent = 0;
        var property = Prop.ForAll(HostileWebhook(host).ToArbitrary(), request =>
        {
            sent++;
            using var response = host.Client.PostAsync("/wechat?" + request.Query, new StringContent(request.Body, Encoding.UTF8, "text/xml")).GetAwaiter().GetResult();
            var status = (int)response.StatusCode;
            if (status is not (400 or 403 or 413))
            {
                failures.Add($"{status} for {request.Kind}");
                return false;
            }

            return true;
        });

        await Task.Run(() => Check.One(Many, property));

        Assert.Empty(failures);
        Assert.True(sent >= Runs, $"only {sent} requests sent");
        Assert.Empty(fixture.Errors.Lines);
        Assert.Equal(0, host.WithDb(db => db.ChatInbound.Count() + db.ChatMessages.Count() + db.ChatConversations.Count() + db.Tickets.Count() + db.Outbox.Count()));
    }

    [Fact]
    public async Task ChatApi_HostileRequests_AllRefusedWithAChinese4xxAndNothingStored()
    {
        var host = fixture.WeChat;
        var failures = new List<string>();
        var sent = 0;
        var property = Prop.ForAll(HostileChat.ToArbitrary(), request =>
        {
            sent++;
            using var message = request.Build();
            using var response = host.Client.SendAsync(message).GetAwaiter().GetResult();
            var status = (int)response.StatusCode;
            var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            if (status is < 400 or >= 500 || !ClearChinese(text))
            {
                failures.Add($"{status} {text} for {request.Kind}");
                return false;
            }

            return true;
        });

        await Task.Run(() => Check.One(Many, property));

        Assert.Empty(failures);
        Assert.True(sent >= Runs, $"only {sent} requests sent");
        Assert.Empty(fixture.Errors.Lines);
        Assert.Equal(0, host.WithDb(db => db.ChatInbound.Count() + db.ChatMessages.Count() + db.ChatConversations.Count() + db.Tickets.Count()));
        var uploads = Path.Combine(host.Factory.Directory, "uploads");
        Assert.True(!Directory.Exists(uploads) || !Directory.EnumerateFiles(uploads, "*", SearchOption.AllDirectories).Any());
    }

    /// <summary>One host for both properties, with every limit out of the way and errors recorded.</summary>
    public sealed class Host : IAsyncLifetime
    {
        /// <summary>Errors and criticals only (an unhandled exception in a request is logged as an error).</summary>
        public StaffTestHost.RecordingLogs Errors { get; } = new(LogLevel.Error, limit: 20);

        internal WeChatTestHost WeChat { get; private set; } = null!;

        public async Task InitializeAsync() =>
            WeChat = await WeChatTestHost.StartAsync(Quiet, services: s => s.AddSingleton<ILoggerProvider>(Errors));

        public async Task DisposeAsync() => await WeChat.DisposeAsync();
    }

    private static Dictionary<string, string?> Quiet => new()
    {
        ["Chat:MessagesPerMinute"] = "1000000",
        ["Security:RequestsPerIpPerMinute"] = "1000000",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    private static bool ClearChinese(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("title", out var title) && title.GetString() is { Length: > 0 } t && t.Any(c => c is >= '\u4e00' and <= '\u9fff');
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public sealed record WebhookRequest(string Kind, string Query, string Body);

    private static Gen<string> AnyString => ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "");

    private static Gen<WebhookRequest> HostileWebhook(WeChatTestHost host)
    {
        string Signed(string encrypt, string? timestamp = null)
        {
            var ts = timestamp ?? host.Now();
            const string nonce = "424242";
            var signature = WeChatSignature.ComputeMessageSignature(WeChatTestHost.Token, ts, nonce, encrypt);
            return $"timestamp={ts}&nonce={nonce}&encrypt_type=aes&msg_signature={signature}&signature={WeChatSignature.ComputeUrlSignature(WeChatTestHost.Token, ts, nonce)}";
        }

        string Envelope(string encrypt) => $"<xml><ToUserName><![CDATA[{WeChatTestHost.Account}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";

        // Inner XML that can never be a message whatever follows: a DTD (refused), a character XML forbids right after
        // the root's start, or text before any root.
        var inner = Gen.Zip(Gen.Elements("<!DOCTYPE xml>", "<xml>\u0001<MsgType>text</MsgType>", "x"), SunshineBot.WeChat.Tests.Security.HostileXmlGen.Xml)
            .Select(p => p.Item1 + p.Item2);
        return Gen.OneOf(
            Gen.Zip(AnyString, AnyString).Select(p => new WebhookRequest("random", Uri.EscapeDataString(p.Item1), p.Item2)),
            AnyString.Select(body => new WebhookRequest("unsigned", "timestamp=1&nonce=2&signature=3&encrypt_type=aes&msg_signature=4", body)),
            SunshineBot.WeChat.Tests.Security.HostileXmlGen.Xml.Select(xml => new WebhookRequest("plain xml in safe mode", Signed(""), xml)),
            AnyString.Select(garbage => new WebhookRequest("garbage ciphertext", Signed(garbage), Envelope(garbage))),
            inner.Select(xml => { var e = Crypto.Encrypt(xml); return new WebhookRequest("hostile inner xml", Signed(e), Envelope(e)); }),
            AnyString.Select(text => { var e = Crypto.Encrypt(WeChatTestHost.Text("oStale", text, 1)); return new WebhookRequest("stale", Signed(e, "1000000000"), Envelope(e)); }),
            AnyString.Select(text => { var e = Crypto.Encrypt(WeChatTestHost.Text("oBadSig", text, 2)); return new WebhookRequest("bad msg_signature", Signed(e).Replace("msg_signature=", "msg_signature=0", StringComparison.Ordinal), Envelope(e)); }),
            Gen.Choose(65537, 70000).Select(n => new WebhookRequest("too large", Signed("x"), new string('<', n))));
    }

    public sealed record ChatRequest(string Kind, string Path, bool Header, string ContentType, byte[] Body, string? FileName = null)
    {
        public HttpRequestMessage Build()
        {
            var message = new HttpRequestMessage(HttpMethod.Post, Path);
            if (Header)
            {
                message.Headers.Add("X-Requested-With", "sunshine-chat");
            }

            if (FileName is not null)
            {
                var form = new MultipartFormDataContent();
                var file = new ByteArrayContent(Body);
                file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
                form.Add(file, ContentType, FileName);
                message.Content = form;
            }
            else
            {
                var content = new ByteArrayContent(Body);
                content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
                message.Content = content;
            }

            return message;
        }
    }

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static string Json(object o) => JsonSerializer.Serialize(o);

    private static Gen<ChatRequest> HostileChat
    {
        get
        {
            var paths = Gen.Elements("/api/chat/send", "/api/chat/upload", "/api/chat/link");
            var bytes = ArbMap.Default.GeneratorFor<byte[]>().Select(b => b ?? []);
            var blank = Gen.Elements("", " ", "\t\n", "\u3000", "   ");
            return Gen.OneOf(
                Gen.Zip(paths, AnyString).Select(p => new ChatRequest("no header", p.Item1, false, "application/json", Utf8(Json(new { text = p.Item2 + "你好" })))),
                AnyString.Where(s => !s.TrimStart().StartsWith('{')).Select(s => new ChatRequest("not an object", "/api/chat/send", true, "application/json", Utf8(s))),
                blank.Select(s => new ChatRequest("blank text", "/api/chat/send", true, "application/json", Utf8(Json(new { text = s, choice = s })))),
                Gen.Choose(2001, 4000).Select(n => new ChatRequest("text too long", "/api/chat/send", true, "application/json", Utf8(Json(new { text = new string('费', n) })))),
                Gen.Choose(201, 1000).Select(n => new ChatRequest("choice too long", "/api/chat/send", true, "application/json", Utf8(Json(new { choice = new string('x', n) })))),
                AnyString.Select(s => new ChatRequest("wrong types", "/api/chat/send", true, "application/json", Utf8("{\"text\":" + (s.Length % 2 == 0 ? "123" : "[\"" + s.Length + "\"]") + "}"))),
                bytes.Select(b => new ChatRequest("not an image", "/api/chat/upload", true, "file", b.Length == 0 ? [1] : b, "receipt.jpg")),
                bytes.Select(b => new ChatRequest("wrong field", "/api/chat/upload", true, "photo", [0xFF, 0xD8, 0xFF, .. b], "a.jpg")),
                AnyString.Select(s => new ChatRequest("upload without a form", "/api/chat/upload", true, "application/json", Utf8(s))),
                bytes.Select(b => new ChatRequest("broken multipart", "/api/chat/upload", true, "multipart/form-data; boundary=XyZ", b)),
                AnyString.Select(s => new ChatRequest("bad link token", "/api/chat/link", true, "application/json", Utf8(Json(new { token = s })))));
        }
    }
}
