using Microsoft.EntityFrameworkCore;
using SunshineBot.Data;
using SunshineBot.Data.WeChat;
using SunshineBot.WeChat.Api;

namespace SunshineBot.Web.WeChat;

/// <summary>
/// The access token in the <c>wechat_access_tokens</c> table, so every instance (and a restarted one) uses the same
/// token instead of fetching its own and retiring the others'. Every read goes to the database: the cache re-reads the
/// store under the refresh lock to see whether another instance already refreshed, and a memory copy would hide that.
/// A singleton (the token cache is one); each call uses a DbContext of its own.
/// </summary>
public sealed class DatabaseAccessTokenStore(IServiceScopeFactory scopes) : IAccessTokenStore
{
    public async ValueTask<WeChatAccessToken?> GetAsync(string appId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SunshineDbContext>();
        var row = await db.WeChatAccessTokens.AsNoTracking().SingleOrDefaultAsync(t => t.AppId == appId, cancellationToken);
        return row is null ? null : new WeChatAccessToken(row.Token, row.FetchedAt, row.ExpiresAt);
    }

    public async ValueTask SetAsync(string appId, WeChatAccessToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SunshineDbContext>();
        if (await UpdateAsync(db, appId, token, cancellationToken))
        {
            return;
        }

        db.WeChatAccessTokens.Add(new WeChatAccessTokenRecord { AppId = appId, Token = token.Value, FetchedAt = token.FetchedAt, ExpiresAt = token.ExpiresAt });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance inserted the first row at the same moment (only possible without a shared lock, on SQLite):
            // the newest fetch wins, as it is the one WeChat still accepts.
            db.ChangeTracker.Clear();
            if (!await UpdateAsync(db, appId, token, cancellationToken))
            {
                throw;
            }
        }
    }

    private static async Task<bool> UpdateAsync(SunshineDbContext db, string appId, WeChatAccessToken token, CancellationToken ct) =>
        await db.WeChatAccessTokens.Where(t => t.AppId == appId).ExecuteUpdateAsync(
            s => s.SetProperty(t => t.Token, token.Value).SetProperty(t => t.FetchedAt, token.FetchedAt).SetProperty(t => t.ExpiresAt, token.ExpiresAt),
            ct) > 0;
}
