using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SunshineBot.Web.Tests.Hosting;

/// <summary>The real host on a temp SQLite file of its own (one per factory), with test settings on top.</summary>
public sealed class SunshineWebFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public SunshineWebFactory(Dictionary<string, string?>? settings = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "sunshine-web-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        _settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(Directory, "sunshine.db")}",
            ["Bootstrap:AdminPassword"] = "Test-Admin-Pass-1",
            ["Knowledge:Path"] = Path.Combine(RepoRoot.Path, "kb"),
            ["DataProtection:KeysPath"] = Path.Combine(Directory, "keys"),
            ["Chat:UploadPath"] = Path.Combine(Directory, "uploads"),
        };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }
    }

    public string Directory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>The repository root (the folder with SunshineBot.sln), found from the test binaries.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "SunshineBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SunshineBot.sln not found above " + AppContext.BaseDirectory);
    }
}
