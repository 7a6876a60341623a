using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SunshineBot.Core.Staff;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Web.Tests.Hosting;
using SunshineBot.Web.Tickets;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>
/// The real host with a staff of its own on the demo tree: the root admin, handlers at two schools in different
/// districts, a leader and a viewer. Tickets are filed through <see cref="FileTicket"/>, as the chat files them.
/// </summary>
public sealed partial class StaffTestHost : IDisposable
{
    public const string Password = "Staff-Pass-123";
    public const string AdminPassword = "Test-Admin-Pass-1";
    public const string EastSchool = "YGS-DC-001";
    public const string WestSchool = "YGS-XC-001";

    /// <param name="realNotifier">
    /// Keep the host's own parent notifier (the reply reaches the parent's chat) instead of recording published numbers.
    /// </param>
    /// <param name="environment">The host environment when not "Testing" (Development throws on unreadable requests).</param>
    public StaffTestHost(Dictionary<string, string?>? settings = null, bool kestrel = false, TimeProvider? clock = null, bool realNotifier = false, string? environment = null)
    {
        var all = new Dictionary<string, string?>(settings ?? [], StringComparer.Ordinal);
        DataPath = Path.Combine(Path.GetTempPath(), "sunshine-staff-tests", Guid.NewGuid().ToString("N"));
        all.TryAdd("Staff:DataPath", DataPath);
        Factory = new SunshineWebFactory(all);
        App = Factory.WithWebHostBuilder(b => b.UseEnvironment(environment ?? "Testing").ConfigureTestServices(s =>
        {
            s.AddSingleton<ILoggerProvider>(Logs);
            if (!realNotifier)
            {
                s.AddSingleton<IParentNotifier>(Notifier);
            }

            if (clock is not null)
            {
                s.AddSingleton(clock);
            }
        }));
        if (kestrel)
        {
            // A real port for a real browser (the test server is not reachable from outside the process).
            App.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
            App.StartServer();
        }

        SeedStaff();
    }

    public SunshineWebFactory Factory { get; }

    public WebApplicationFactory<Program> App { get; }

    public string DataPath { get; }

    /// <summary>The Kestrel address when started with <c>kestrel: true</c>.</summary>
    public Uri Address => new(App.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First());

    public RecordingNotifier Notifier { get; } = new();

    /// <summary>Every log line the host wrote, formatted, with its structured values.</summary>
    public RecordingLogs Logs { get; } = new();

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public T WithDb<T>(Func<SunshineDbContext, T> action)
    {
        using var scope = App.Services.CreateScope();
        return action(scope.ServiceProvider.GetRequiredService<SunshineDbContext>());
    }

    /// <summary>An asynchronous use of a context: the scope lives until the work is done (WithDb would dispose it first).</summary>
    public async Task<T> WithDbAsync<T>(Func<SunshineDbContext, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = App.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<SunshineDbContext>());
    }

    public const string ComplaintText = "学校要求每个学生购买120元的教辅资料，班主任说不买就不能参加考试。";

    public async Task<Ticket> FileComplaintAsync(
        bool confidential = false,
        TicketKind kind = TicketKind.Complaint,
        string school = "东城区第一小学",
        string description = ComplaintText,
        string filedBy = "webchat:device-1")
    {
        using var scope = App.Services.CreateScope();
        var file = scope.ServiceProvider.GetRequiredService<FileTicket>();
        return await file.RunAsync(
            new TicketIntake
            {
                Kind = kind,
                Channel = Channel.WebChat,
                Category = TicketCategory.SupplementaryMaterials,
                Description = description,
                VisitorName = "张三丰",
                VisitorPhone = "13812345678",
                SchoolName = school,
                FeeAmount = 120m,
                Confidential = confidential,
                FiledBy = filedBy,
            },
            new Actor(filedBy, "家长"));
    }

    /// <summary>A client of the staff API with a fresh bearer token for the user.</summary>
    public async Task<HttpClient> ApiAsync(string user)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        var response = await client.PostAsJsonAsync("/api/staff/token", new { username = user, password = user == "admin" ? AdminPassword : Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A cookie client signed in on the login page, for the pages.</summary>
    public async Task<PageClient> PagesAsync(string user)
    {
        var client = new PageClient(App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false }));
        var response = await client.PostFormAsync("/staff/login", "/staff/login", new() { ["UserName"] = user, ["Password"] = user == "admin" ? AdminPassword : Password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public void SetStamp(string unitCode) => WithDb(db =>
    {
        db.Units.Single(u => u.Code == unitCode).SetStamp($"stamps/{unitCode}.png");
        return db.SaveChanges();
    });

    public void Dispose()
    {
        App.Dispose();
        Factory.Dispose();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private void SeedStaff()
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SunshineDbContext>();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<StaffUser>>();
        void Add(string name, StaffRole role, string unit)
        {
            var user = StaffUser.Create(name, name + "老师", "", role, unit, DateTimeOffset.UnixEpoch);
            user.SetPasswordHash(hasher.HashPassword(user, Password));
            db.StaffUsers.Add(user);
        }

        Add("east", StaffRole.Handler, EastSchool);
        Add("west", StaffRole.Handler, WestSchool);
        Add("leader", StaffRole.Leader, "YGS");
        Add("viewer", StaffRole.Viewer, "YGS");
        Add("dcadmin", StaffRole.CentreAdmin, "YGS-DC");
        db.SaveChanges();
    }

    public sealed class RecordingNotifier : IParentNotifier
    {
        public List<string> Published { get; } = [];

        public Task AddReplyPublishedAsync(Ticket ticket, CancellationToken ct) => Task.CompletedTask;

        public Task ReplyPublishedSavedAsync(Ticket ticket, CancellationToken ct)
        {
            lock (Published)
            {
                Published.Add(ticket.Number);
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>Log lines at <paramref name="minimum"/> or above, the first <paramref name="limit"/> of them.</summary>
    public sealed class RecordingLogs(LogLevel minimum = LogLevel.Trace, int limit = int.MaxValue) : ILoggerProvider
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        private LogLevel Minimum => minimum;

        private int Limit => limit;

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(RecordingLogs logs, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= logs.Minimum;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (!IsEnabled(logLevel))
                {
                    return;
                }

                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
                lock (logs._lines)
                {
                    if (logs._lines.Count < logs.Limit)
                    {
                        logs._lines.Add($"{category} {formatter(state, exception)} {values} {exception}");
                    }
                }
            }
        }
    }

    /// <summary>A cookie client that posts forms with the antiforgery token of the page it came from.</summary>
    public sealed partial class PageClient(HttpClient http) : IDisposable
    {
        public HttpClient Http => http;

        public async Task<string> GetPageAsync(string url)
        {
            var response = await http.GetAsync(url);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, string postUrl, Dictionary<string, string> fields)
        {
            var page = await GetPageAsync(pageUrl);
            var token = TokenField().Match(page);
            Assert.True(token.Success, "no antiforgery token on " + pageUrl);
            fields["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token.Groups[1].Value);
            return await http.PostAsync(postUrl, new FormUrlEncodedContent(fields));
        }

        public void Dispose() => http.Dispose();

        [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
        private static partial Regex TokenField();
    }
}
