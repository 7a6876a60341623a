namespace SunshineBot.Data;

/// <summary>
/// The <c>tickets.AnonymisedAt</c> column (a shadow property: the domain never sets it, only the retention job does;
/// query it with <c>EF.Property&lt;DateTimeOffset?&gt;(t, TicketRetention.AnonymisedAt)</c>).
/// </summary>
public static class TicketRetention
{
    public const string AnonymisedAt = "AnonymisedAt";
}
