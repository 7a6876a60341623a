namespace SunshineBot.Web.Bootstrap;

/// <summary>Configuration section <c>Bootstrap</c>: what the first start creates.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    public string AdminUser { get; set; } = "admin";

    /// <summary>The first admin's password; when empty a random one is generated and printed once.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>Seed the demo unit tree into an empty database.</summary>
    public bool DemoUnits { get; set; } = true;

    /// <summary>Give the demo units a stamp image marked 示例, so a first reply is not refused for want of a stamp.</summary>
    public bool DemoStamps { get; set; } = true;
}
