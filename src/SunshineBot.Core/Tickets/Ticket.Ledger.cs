namespace SunshineBot.Core.Tickets;

public sealed partial class Ticket
{
    /// <summary>
    /// Ledger import only: the 办结时限 the old register recorded replaces the one the policy computed (an extension or
    /// another year's limits were behind it). No event: the import's own events already say where the ticket came from.
    /// </summary>
    internal void RestoreDueAt(DateTimeOffset dueAt) => DueAt = dueAt;
}
