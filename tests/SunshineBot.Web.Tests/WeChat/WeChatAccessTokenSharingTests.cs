using Microsoft.Extensions.DependencyInjection;
using SunshineBot.Testing;
using SunshineBot.WeChat.Api;
using SunshineBot.WeChat.Tests.Api;
using SunshineBot.Web.WeChat;

namespace SunshineBot.Web.Tests.WeChat;

/// <summary>
/// Two instances (two hosts, two DI containers, two token caches) against one database and one fake WeChat server:
/// the token is fetched once and shared, and a rejected token is replaced once for both.
/// </summary>
public sealed class WeChatAccessTokenSharingTests
{
    private const string Parent = "oParent000000000000000000005";
    private const string CustomSend = "/cgi-bin/message/custom/send";

    [PostgresFact]
    public async Task TwoInstancesOnPostgres_ConcurrentCallsWithoutAToken_FetchOneToken()
    {
        await using var database = await TestDatabase.CreateAsync("Postgres");
        await using var fake = await FakeWeChatServer.StartAsync();
        // A slow token endpoint keeps the first fetch in flight while every other caller arrives.
        fake.TokenDelay = TimeSpan.FromMilliseconds(300);
        await using var a = await StartAsync(database, fake);
        await using var b = await StartAsync(database, fake);
        Assert.IsType<PostgresAccessTokenLock>(b.App.Services.GetRequiredService<IAccessTokenLock>());

        await SendFromBothAsync(a, b, 20);

        Assert.Equal(1, fake.TokenFetches);
        Assert.Equal(20, fake.RequestsTo(CustomSend).Count);
        Assert.All(fake.RequestsTo(CustomSend), r => Assert.Equal(("token-1", true), (r.AccessToken, r.Accepted)));
        Assert.Equal("token-1", a.WithDb(db => db.WeChatAccessTokens.Single().Token));
    }

    [PostgresFact]
    public async Task TwoInstancesOnPostgres_TokenExpiresMidRun_IsRefreshedOnceForBoth()
    {
        await using var database = await TestDatabase.CreateAsync("Postgres");
        await using var fake = await FakeWeChatServer.StartAsync();
        await using var a = await StartAsync(database, fake);
        await using var b = await StartAsync(database, fake);
        await SendFromBothAsync(a, b, 2);
        Assert.Equal(1, fake.TokenFetches);

        fake.RevokeToken(); // 42001 for the current token
        fake.TokenDelay = TimeSpan.FromMilliseconds(300);
        await SendFromBothAsync(a, b, 20);

        Assert.Equal(2, fake.TokenFetches);
        Assert.Equal(22, fake.RequestsTo(CustomSend).Count(r => r.Accepted));
        Assert.All(fake.RequestsTo(CustomSend).Where(r => !r.Accepted), r => Assert.Equal("token-1", r.AccessToken));
        Assert.Equal("token-2", b.WithDb(db => db.WeChatAccessTokens.Single().Token));
    }

    [PostgresFact]
    public async Task TwoInstancesOnPostgres_TokenReplacedElsewhere40001_IsRefreshedOnceForBoth()
    {
        await using var database = await TestDatabase.CreateAsync("Postgres");
        await using var fake = await FakeWeChatServer.StartAsync();
        await using var a = await StartAsync(database, fake);
        await using var b = await StartAsync(database, fake);
        await SendFromBothAsync(a, b, 2);

        // Someone else (a script with the AppSecret) fetches a token: ours now answers 40001 (invalid credential).
        using (var other = new HttpClient())
        {
            await other.GetStringAsync(new Uri(fake.BaseUrl, $"cgi-bin/token?grant_type=client_credential&appid={FakeWeChatServer.AppId}&secret={FakeWeChatServer.AppSecret}"));
        }

        fake.TokenDelay = TimeSpan.FromMilliseconds(300);
        await SendFromBothAsync(a, b, 20);

        Assert.Equal(3, fake.TokenFetches);
        Assert.Equal(22, fake.RequestsTo(CustomSend).Count(r => r.Accepted));
        Assert.Equal("token-3", a.WithDb(db => db.WeChatAccessTokens.Single().Token));
    }

    [Fact]
    public async Task TwoInstancesOnOneSqliteFile_ShareTheStoredToken()
    {
        await using var fake = await FakeWeChatServer.StartAsync();
        await using var a = await WeChatTestHost.StartAsync(sharedFake: fake);
        var database = a.WithDb(db => Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetConnectionString(db.Database));
        await Api(a).SendCustomTextAsync(Parent, "第一条");

        await using var b = await WeChatTestHost.StartAsync(new() { ["Database:ConnectionString"] = database }, sharedFake: fake);
        await Api(b).SendCustomTextAsync(Parent, "第二条");

        Assert.Equal(1, fake.TokenFetches);
        Assert.All(fake.RequestsTo(CustomSend), r => Assert.Equal(("token-1", true), (r.AccessToken, r.Accepted)));
        // On the PostgreSQL pass both hosts share a PostgreSQL database, whose advisory lock is the one in use.
        var expectedLock = ExternalResources.HostsOnPostgres ? typeof(PostgresAccessTokenLock) : typeof(LocalAccessTokenLock);
        Assert.IsType(expectedLock, b.App.Services.GetRequiredService<IAccessTokenLock>());
        Assert.IsType<DatabaseAccessTokenStore>(b.App.Services.GetRequiredService<IAccessTokenStore>());
    }

    private static Task<WeChatTestHost> StartAsync(TestDatabase database, FakeWeChatServer fake) =>
        WeChatTestHost.StartAsync(
            new() { ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = database.ConnectionString },
            sharedFake: fake);

    private static WeChatApiClient Api(WeChatTestHost host) => host.App.Services.GetRequiredService<WeChatApiClient>();

    /// <summary>Sends <paramref name="count"/> messages at once, alternating between the two instances.</summary>
    private static Task SendFromBothAsync(WeChatTestHost a, WeChatTestHost b, int count) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(() => Api(i % 2 == 0 ? a : b).SendCustomTextAsync(Parent, $"第{i}条"))));
}
