using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Data.Privacy;

/// <summary>
/// Encrypts a complainant's name and phone number for the database with ASP.NET Core Data Protection (the key ring
/// every instance and the CLI share, <c>DataProtection:KeysPath</c>), and computes the blind index: an HMAC-SHA256 of
/// the normalised phone number under <c>Privacy:BlindIndexKey</c>, so a lookup by phone needs no decryption.
/// </summary>
public sealed class ContactProtection
{
    public const string Purpose = "SunshineBot.Contacts.v1";

    public const string ApplicationName = "SunshineBot";

    public const string BlindIndexKeySetting = "Privacy:BlindIndexKey";

    /// <summary>Where the blind-index key is kept, beside the Data Protection keys, when <c>Privacy:BlindIndexKey</c> is empty.</summary>
    public const string BlindIndexKeyFile = "blind-index.key";

    // Every Data Protection payload starts with the magic header 09 F0 C9 F0, "CfDJ8" in base64url.
    private const string SealedPrefix = "CfDJ8";

    private readonly IDataProtector _protector;
    private readonly byte[] _indexKey;

    public ContactProtection(IDataProtectionProvider provider, string blindIndexKey)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentException.ThrowIfNullOrWhiteSpace(blindIndexKey);
        _protector = provider.CreateProtector(Purpose);
        _indexKey = Encoding.UTF8.GetBytes(blindIndexKey);
    }

    /// <summary>
    /// The key ring in <paramref name="keysPath"/>, as the web host keeps it (same application name), and the blind-index
    /// key from <paramref name="configuredBlindIndexKey"/> or that folder (<see cref="BlindIndexKeyFrom"/>).
    /// </summary>
    public static ContactProtection ForKeysDirectory(string keysPath, string? configuredBlindIndexKey)
    {
        Directory.CreateDirectory(keysPath);
        var provider = DataProtectionProvider.Create(new DirectoryInfo(keysPath), b => b.SetApplicationName(ApplicationName));
        return new ContactProtection(provider, BlindIndexKeyFrom(configuredBlindIndexKey, keysPath));
    }

    /// <summary>
    /// <c>Privacy:BlindIndexKey</c> when set; otherwise a random key kept in <see cref="BlindIndexKeyFile"/> in the keys
    /// folder, written by the first instance that needs it, so every instance and the CLI sharing the folder agree.
    /// </summary>
    public static string BlindIndexKeyFrom(string? configured, string keysPath)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var path = Path.Combine(keysPath, BlindIndexKeyFile);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(keysPath);
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllText(temp, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));
            try
            {
                File.Move(temp, path, overwrite: false);
            }
            catch (IOException)
            {
                // Another instance wrote it first: theirs is the key.
                File.Delete(temp);
            }
        }

        return File.ReadAllText(path).Trim();
    }

    /// <summary>A value this class sealed (a plain name or phone number never starts with the payload header).</summary>
    public static bool IsSealed(string value) => value.StartsWith(SealedPrefix, StringComparison.Ordinal);

    public string Seal(string plain) => WebEncoders.Base64UrlEncode(_protector.Protect(Encoding.UTF8.GetBytes(plain)));

    /// <summary>The plain value; a value never sealed (left by an older release) comes back as it is.</summary>
    public string Open(string value) => Open(value, out _);

    /// <summary>As <see cref="Open(string)"/>; <paramref name="stale"/> when the value is not under the current key.</summary>
    public string Open(string value, out bool stale)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IsSealed(value))
        {
            stale = true;
            return value;
        }

        var bytes = WebEncoders.Base64UrlDecode(value);
        try
        {
            if (_protector is IPersistedDataProtector persisted)
            {
                // A key revoked to end sessions still opens the contacts it sealed; `privacy reseal` moves them to the new key.
                var plain = persisted.DangerousUnprotect(bytes, ignoreRevocationErrors: true, out var requiresMigration, out var wasRevoked);
                stale = requiresMigration || wasRevoked;
                return Encoding.UTF8.GetString(plain);
            }

            stale = false;
            return Encoding.UTF8.GetString(_protector.Unprotect(bytes));
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                "A stored name or phone number cannot be decrypted: the key that sealed it is not in this key ring. Every instance and the CLI must share DataProtection:KeysPath.", e);
        }
    }

    /// <summary>The blind index of a phone number as typed (normalised first: +86, spaces, full-width digits).</summary>
    public string Index(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_indexKey, Encoding.UTF8.GetBytes(ContactInfo.NormalizePhone(phone))));
    }
}
