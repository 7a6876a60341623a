namespace SunshineBot.Core.Units;

/// <summary>Level of a unit in the tree.</summary>
public enum UnitKind
{
    Province,
    City,
    County,
    School,
    Department,
    Kindergarten,
}

/// <summary>
/// 承办单位: a node of the tree province → city → county/district → school or department. <see cref="Code"/> is stable
/// and is what tickets, staff accounts and configuration refer to; <see cref="Path"/> (codes from the root joined by '/')
/// makes "this unit's subtree" one prefix comparison.
/// </summary>
public sealed class Unit
{
    private Unit()
    {
        Code = "";
        Name = "";
        Path = "";
    }

    public long Id { get; private set; }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public UnitKind Kind { get; private set; }

    public string? ParentCode { get; private set; }

    /// <summary>"/HN/HY/ZH/ZH001/": codes from the root, each followed by '/'.</summary>
    public string Path { get; private set; }

    public string? ContactPhone { get; private set; }

    /// <summary>Reference of the stamp image in storage (公章), attached to replies.</summary>
    public string? StampImageRef { get; private set; }

    public bool Active { get; private set; } = true;

    public static Unit CreateRoot(string code, string name, UnitKind kind, string? contactPhone = null) =>
        Create(code, name, kind, null, contactPhone);

    public Unit CreateChild(string code, string name, UnitKind kind, string? contactPhone = null)
    {
        if (Kind is UnitKind.School or UnitKind.Kindergarten)
        {
            throw new Tickets.DomainException("学校或幼儿园下不能再设下级单位。");
        }

        return Create(code, name, kind, this, contactPhone);
    }

    /// <summary>True when <paramref name="other"/> is this unit or below it.</summary>
    public bool Contains(Unit other) => other.Path.StartsWith(Path, StringComparison.Ordinal);

    public void Rename(string name, string? contactPhone)
    {
        Name = ValidName(name);
        ContactPhone = string.IsNullOrWhiteSpace(contactPhone) ? null : contactPhone.Trim();
    }

    public void SetStamp(string? imageRef) => StampImageRef = imageRef;

    public void Deactivate() => Active = false;

    private static Unit Create(string code, string name, UnitKind kind, Unit? parent, string? contactPhone)
    {
        var normalized = code.Trim().ToUpperInvariant();
        if (normalized.Length is 0 or > 32 || !normalized.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new Tickets.DomainException("单位代码只能由字母、数字、- 和 _ 组成，最长32位。");
        }

        return new Unit
        {
            Code = normalized,
            Name = ValidName(name),
            Kind = kind,
            ParentCode = parent?.Code,
            Path = (parent?.Path ?? "/") + normalized + "/",
            ContactPhone = string.IsNullOrWhiteSpace(contactPhone) ? null : contactPhone.Trim(),
        };
    }

    private static string ValidName(string name)
    {
        var trimmed = name?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > 100
            ? throw new Tickets.DomainException("单位名称不能为空，且不超过100字。")
            : trimmed;
    }
}
