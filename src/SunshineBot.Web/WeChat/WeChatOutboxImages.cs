using SunshineBot.Web.Chat;
using SunshineBot.Web.Staff.Units;

namespace SunshineBot.Web.WeChat;

/// <summary>A picture read for upload.</summary>
public sealed record WeChatOutboxImage(byte[] Content, string ContentType, string FileName);

/// <summary>
/// The files behind outbox image keys: a photo kept by <see cref="ImageStore"/> (<c>chat/2026/11/….jpg</c>) or a
/// unit's stamp (<c>stamps/{code}.png</c>, the form of <c>Unit.StampImageRef</c>).
/// </summary>
public sealed class WeChatOutboxImages(ImageStore images, IServiceProvider services)
{
    public const string StampPrefix = "stamps/";

    /// <summary>True for a key this class can resolve (no path tricks); the file may still be missing.</summary>
    public bool IsValidKey(string key) =>
        !string.IsNullOrEmpty(key) && !key.Contains("..", StringComparison.Ordinal)
        && (key.StartsWith(StampPrefix, StringComparison.Ordinal) || images.PathOf(key) is not null);

    /// <summary>True when the file behind a valid key is there.</summary>
    public bool Exists(string key) => Locate(key).Path is { } path && File.Exists(path);

    /// <summary>The picture, or null when the file is gone (or the key is not one of ours).</summary>
    public async Task<WeChatOutboxImage?> ReadAsync(string key, CancellationToken ct)
    {
        var (path, type) = Locate(key);
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        return new WeChatOutboxImage(await File.ReadAllBytesAsync(path, ct), type, Path.GetFileName(path));
    }

    private (string? Path, string ContentType) Locate(string key)
    {
        if (key.StartsWith(StampPrefix, StringComparison.Ordinal))
        {
            // Resolved only for stamps: the stamp store belongs to the staff pages and needs their options.
            return services.GetService<StampStore>()?.FileOf(key) is { } stamp ? (stamp.Path, stamp.ContentType) : (null, "");
        }

        return (images.PathOf(key), ImageStore.ContentTypeOf(key));
    }
}
