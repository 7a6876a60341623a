using SunshineBot.Data.Privacy;

namespace SunshineBot.Web.Security;

/// <summary>
/// Secrets come only from configuration or the environment; in Production the host refuses to start with a demo or
/// placeholder admin password, a placeholder database password, a WeChat secret left empty, or a short or placeholder
/// blind-index key — each named by key.
/// </summary>
public static class ProductionSecrets
{
    // The passwords our docs, examples and demo set-ups use, and the obvious ones.
    private static readonly string[] DemoPasswords =
        ["admin", "admin123", "admin1234", "password", "12345678", "123456789", "changeme", "change-me", "choose-one", "sunshine", "Test-Admin-Pass-1", "demo-admin", "Demo-Admin-1"];

    private static readonly string[] Placeholders = ["CHANGE-ME", "CHANGEME", "choose-one", "xxx", "secret"];

    private static readonly string[] PlainKeys = ["Token", "AppSecret"];

    private static readonly string[] EncryptedKeys = ["Token", "AppSecret", "EncodingAESKey"];

    public static IEnumerable<string> Problems(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var admin = configuration["Bootstrap:AdminPassword"];
        if (admin is { Length: > 0 } && (DemoPasswords.Contains(admin, StringComparer.OrdinalIgnoreCase) || admin.Contains("demo", StringComparison.OrdinalIgnoreCase)))
        {
            yield return "Bootstrap:AdminPassword is a demo password; set a real one (or leave it empty to have one generated and printed once)";
        }

        // Empty is allowed: a random key is generated into the keys folder (ContactProtection.BlindIndexKeyFrom).
        var blindIndexKey = configuration[ContactProtection.BlindIndexKeySetting];
        if (!string.IsNullOrWhiteSpace(blindIndexKey) && (blindIndexKey.Length < 16 || Placeholders.Contains(blindIndexKey, StringComparer.OrdinalIgnoreCase)))
        {
            yield return $"{ContactProtection.BlindIndexKeySetting} is short or a placeholder; set a random secret of 16 characters or more, or leave it empty to have one generated in the keys folder";
        }

        var connection = configuration["Database:ConnectionString"] ?? "";
        if (string.Equals(configuration["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            var password = PasswordOf(connection);
            if (string.IsNullOrWhiteSpace(password) || Placeholders.Contains(password, StringComparer.OrdinalIgnoreCase))
            {
                yield return "Database:ConnectionString has an empty or placeholder Password";
            }
        }

        var wechat = configuration.GetSection("WeChat");
        if (!string.IsNullOrWhiteSpace(wechat["Token"]) || !string.IsNullOrWhiteSpace(wechat["AppId"]))
        {
            var plain = wechat["Mode"] is null || string.Equals(wechat["Mode"], "Plain", StringComparison.OrdinalIgnoreCase);
            foreach (var key in plain ? PlainKeys : EncryptedKeys)
            {
                var value = wechat[key];
                if (string.IsNullOrWhiteSpace(value) || Placeholders.Contains(value, StringComparer.OrdinalIgnoreCase))
                {
                    yield return $"WeChat:{key} is empty or a placeholder";
                }
            }
        }
    }

    private static string? PasswordOf(string connection)
    {
        foreach (var part in connection.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part[..eq].Trim() is var name && (name.Equals("Password", StringComparison.OrdinalIgnoreCase) || name.Equals("Pwd", StringComparison.OrdinalIgnoreCase)))
            {
                return part[(eq + 1)..].Trim();
            }
        }

        return null;
    }
}
