namespace SunshineBot.Core.Tickets;

/// <summary>Everything known when a ticket is received, from any channel (chat, phone, walk-in, 12345).</summary>
public sealed record TicketIntake
{
    public required TicketKind Kind { get; init; }

    public Severity Severity { get; init; } = Severity.Normal;

    public required Channel Channel { get; init; }

    public required TicketCategory Category { get; init; }

    public required string Description { get; init; }

    public string? VisitorName { get; init; }

    public string? VisitorPhone { get; init; }

    /// <summary>Reports (举报) may be anonymous: then no name is ever stored.</summary>
    public bool Anonymous { get; init; }

    public bool Confidential { get; init; }

    /// <summary>The channel identity of the person who filed it (WeChat OpenID, web-chat device id), if any.</summary>
    public string? FiledBy { get; init; }

    public string? SchoolName { get; init; }

    public string? SchoolUnitCode { get; init; }

    /// <summary>受理部门: the unit that took the matter in (the service centre by default).</summary>
    public string? ReceivingUnitCode { get; init; }

    public decimal? FeeAmount { get; init; }

    public DateOnly? IncidentDate { get; init; }

    /// <summary>The platform and its own number for a ticket taken from another platform (12345).</summary>
    public string? ExternalSource { get; init; }

    public string? ExternalNumber { get; init; }

    public const int MaxDescriptionLength = 2000;

    public const int MaxExternalLength = 64;
}
