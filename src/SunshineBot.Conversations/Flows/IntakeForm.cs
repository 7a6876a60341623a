using SunshineBot.Conversations.Engine;
using SunshineBot.Conversations.Services;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Conversations.Flows;

/// <summary>The intake being filled in: one form for every kind, shaped by <see cref="Kind"/>.</summary>
public sealed class IntakeForm
{
    public TicketKind Kind { get; set; }

    public string? SchoolCode { get; set; }

    public string? SchoolName { get; set; }

    /// <summary>The text the parent typed while picking among candidates.</summary>
    public string? PendingSchoolText { get; set; }

    /// <summary>Asked whether to record <see cref="PendingSchoolText"/> as typed: "是的" keeps it, "不是" asks again.</summary>
    public bool ConfirmingSchool { get; set; }

    public TicketCategory? Category { get; set; }

    public string? Description { get; set; }

    public decimal? Amount { get; set; }

    public DateOnly? IncidentDate { get; set; }

    public List<IncomingImage> Photos { get; set; } = [];

    public bool? Anonymous { get; set; }

    /// <summary>保密: only the handling chain sees the matter and the contact, and it is never published.</summary>
    public bool? Confidential { get; set; }

    public string? Name { get; set; }

    public string? Phone { get; set; }

    public bool Urgent { get; set; }

    /// <summary>An earlier ticket that may be the same matter (the duplicate guard).</summary>
    public TicketSummary? Similar { get; set; }

    public bool IsFee => Category?.IsFee() ?? false;

    public bool IsAnonymous => Anonymous == true;
}
