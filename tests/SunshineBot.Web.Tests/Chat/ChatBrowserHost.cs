using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Testing;
using SunshineBot.Web.Tests.Hosting;
using SunshineBot.Web.Tickets;

namespace SunshineBot.Web.Tests.Chat;

/// <summary>
/// The real host on Kestrel (loopback, any free port, its own temp SQLite file and upload folder) and Debian's
/// Chromium driven by Playwright at phone size. Playwright never downloads a browser: it is given the executable.
/// </summary>
public sealed class ChatBrowserHost : IAsyncDisposable
{
    private readonly SunshineWebFactory _factory;
    private readonly PhoneBrowser _phones;

    private readonly string _uploads;

    private ChatBrowserHost(SunshineWebFactory factory, string uploads, Uri baseAddress, PhoneBrowser phones)
    {
        (_factory, _uploads, BaseAddress, _phones) = (factory, uploads, baseAddress, phones);
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _factory.Services;

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots", "chat");

    public static async Task<ChatBrowserHost> StartAsync()
    {
        var uploads = Path.Combine(Path.GetTempPath(), "sunshine-chat-uploads", Guid.NewGuid().ToString("N"));
        var factory = new SunshineWebFactory(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Chat:UploadPath"] = uploads,
            ["Chat:MessagesPerMinute"] = "200",
        });
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var phones = await PhoneBrowser.LaunchAsync(new Uri(address), "chat");
        return new ChatBrowserHost(factory, uploads, new Uri(address), phones);
    }

    /// <summary>A new parent (own cookies, so own device identity) on a phone-sized page.</summary>
    public Task<IPage> NewParentAsync(int width = 390, int height = 844) => _phones.NewPhoneAsync(width, height, 20_000);

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png") });

    /// <summary>A staff reply published through the domain (dispatch, reply without review), then the parent notified.</summary>
    public async Task PublishReplyAsync(string number, string unitCode, string text)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SunshineDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var ticket = await db.TicketsWithHistory.SingleAsync(t => t.Number == number);
        var staff = new Actor("staff:browser-test", "李老师");
        ticket.Dispatch(staff, clock.GetUtcNow(), unitCode);
        ticket.Reply(staff, clock.GetUtcNow(), text, requireReview: false);
        var notifier = scope.ServiceProvider.GetRequiredService<IParentNotifier>();
        await notifier.AddReplyPublishedAsync(ticket, CancellationToken.None);
        await db.SaveChangesAsync();
        await notifier.ReplyPublishedSavedAsync(ticket, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _phones.DisposeAsync();
        await _factory.DisposeAsync();
        try
        {
            Directory.Delete(_uploads, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    /// <summary>A real PNG (a pale receipt with grey lines) of the given size, built by hand: no imaging library.</summary>
    public static byte[] ReceiptPng(int width = 180, int height = 120)
    {
        var raw = new byte[height * (1 + width * 3)];
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + width * 3);
            for (var x = 0; x < width; x++)
            {
                var line = y % 16 == 8 && x > 12 && x < width - 12;
                var (r, g, b) = line ? (150, 150, 150) : (255, 250, 225);
                raw[row + 1 + x * 3] = (byte)r;
                raw[row + 2 + x * 3] = (byte)g;
                raw[row + 3 + x * 3] = (byte)b;
            }
        }

        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(raw);
        }

        var header = new byte[13];
        WriteBigEndian(header, 0, (uint)width);
        WriteBigEndian(header, 4, (uint)height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour RGB
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        var length = new byte[4];
        WriteBigEndian(length, 0, (uint)data.Length);
        png.Write(length);
        png.Write(typeBytes);
        png.Write(data);
        var crc = new byte[4];
        WriteBigEndian(crc, 0, Crc32([.. typeBytes, .. data]));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    private static void WriteBigEndian(byte[] target, int offset, uint value) =>
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(target.AsSpan(offset), value);
}
