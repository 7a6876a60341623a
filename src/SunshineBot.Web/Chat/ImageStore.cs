using SunshineBot.Conversations.Engine;

namespace SunshineBot.Web.Chat;

/// <summary>
/// Stores photos parents send (receipts, notices) under <c>data/uploads</c> of the content root. Only JPEG, PNG and
/// WebP are accepted, recognised by their bytes, not by the name the browser sends.
/// </summary>
public sealed class ImageStore(IWebHostEnvironment environment, ChatOptions options, TimeProvider clock)
{
    public const string UrlPrefix = "/api/chat/files/";

    private string Root => Path.GetFullPath(options.UploadPath, environment.ContentRootPath);

    public static string UrlOf(string key) => UrlPrefix + key;

    /// <summary>The stored image, or the reason (in Chinese) it was refused.</summary>
    public async Task<(IncomingImage? Image, string? Error)> SaveAsync(Stream content, long? declaredLength, CancellationToken ct)
    {
        if (declaredLength > options.MaxImageBytes)
        {
            return (null, TooLarge());
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > options.MaxImageBytes)
            {
                return (null, TooLarge());
            }

            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.ToArray();
        var (type, extension) = Sniff(bytes);
        if (type is null)
        {
            return (null, "只能上传 JPG、PNG 或 WebP 格式的图片。");
        }

        var now = clock.GetUtcNow();
        var key = $"chat/{now:yyyy}/{now:MM}/{Guid.NewGuid():N}{extension}";
        var path = PathOf(key)!;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, bytes, ct);
        return (new IncomingImage(key, type, bytes.Length, "photo" + extension), null);
    }

    /// <summary>The file for a key, or null when the key is not one of ours (no path tricks).</summary>
    public string? PathOf(string key)
    {
        if (key.Length > 200 || key.Contains("..", StringComparison.Ordinal) || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_'))
        {
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(Root, key));
        return path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? path : null;
    }

    public static string ContentTypeOf(string key) => Path.GetExtension(key) switch
    {
        ".png" => "image/png",
        ".webp" => "image/webp",
        _ => "image/jpeg",
    };

    private string TooLarge() => $"图片太大了，请上传 {options.MaxImageBytes / 1024 / 1024}MB 以内的图片。";

    private static (string? Type, string Extension) Sniff(byte[] b)
    {
        if (b.Length > 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        {
            return ("image/jpeg", ".jpg");
        }

        if (b.Length > 8 && b[0] == 0x89 && b[1] == 0x50 && b[2] == 0x4E && b[3] == 0x47 && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A)
        {
            return ("image/png", ".png");
        }

        if (b.Length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P')
        {
            return ("image/webp", ".webp");
        }

        return (null, "");
    }
}
