using Microsoft.AspNetCore.DataProtection;
using SunshineBot.Data.Privacy;

namespace SunshineBot.Web.Hosting;

public static class DataProtectionSetup
{
    /// <summary>
    /// Keys that sign staff cookies, bearer tokens and the chat's device cookie live in <c>DataProtection:KeysPath</c>
    /// (default <c>data/keys</c> under the content root), so a restart keeps everyone signed in and parents keep their
    /// conversations. Several instances must share this folder. The same key ring seals complainants' names and phone
    /// numbers in the database (<see cref="ContactProtection"/>, with <c>Privacy:BlindIndexKey</c> for the blind index).
    /// </summary>
    public static IHostApplicationBuilder AddKeyStorage(this IHostApplicationBuilder builder)
    {
        var configured = builder.Configuration["DataProtection:KeysPath"];
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data/keys" : configured, builder.Environment.ContentRootPath);
        Directory.CreateDirectory(path);
        builder.Services.AddDataProtection().SetApplicationName(ContactProtection.ApplicationName).PersistKeysToFileSystem(new DirectoryInfo(path));
        var blindIndexKey = ContactProtection.BlindIndexKeyFrom(builder.Configuration[ContactProtection.BlindIndexKeySetting], path);
        builder.Services.AddSingleton(sp => new ContactProtection(sp.GetRequiredService<IDataProtectionProvider>(), blindIndexKey));
        return builder;
    }
}
