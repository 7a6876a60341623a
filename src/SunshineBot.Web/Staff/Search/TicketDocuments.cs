using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lucene.Net.Documents;
using SunshineBot.Core.Tickets;
using SunshineBot.Web.Staff.Tickets;

namespace SunshineBot.Web.Staff.Search;

/// <summary>
/// A ticket as the search index holds it: masked text only (<see cref="FreeTextMask"/>, as the queue shows it), and
/// the fields the queue filters and the staff scope need. Nothing is stored but the id: hits are read back from the
/// database through the caller's scope.
/// </summary>
public static class TicketDocuments
{
    public const string Id = "id";
    public const string Number = "number";
    public const string All = "all";
    public const string Description = "desc";
    public const string Status = "status";
    public const string Kind = "kind";
    public const string Severity = "severity";
    public const string Category = "category";
    public const string Channel = "channel";
    public const string Handling = "handling";
    public const string Receiving = "receiving";
    public const string SchoolUnit = "school_unit";
    public const string School = "school";
    public const string Parent = "parent";
    public const string Received = "received";
    public const string ReceivedSort = "received_sort";
    public const string Open = "open";

    /// <summary>The term of a missing unit code (a chat ticket has no receiving unit: it belongs to the root).</summary>
    public const string None = "-";

    public static Document Build(Ticket ticket, IEnumerable<string?> notes)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var description = FreeTextMask.Apply(ticket, ticket.Description);
        var text = new StringBuilder()
            .AppendLine(ticket.Number)
            .AppendLine(ticket.SchoolName)
            .AppendLine(description)
            .AppendLine(FreeTextMask.Apply(ticket, ticket.ReplyText));
        foreach (var note in new[] { ticket.ProposedAction, ticket.LeaderInstruction }.Concat(notes))
        {
            if (!string.IsNullOrWhiteSpace(note))
            {
                text.AppendLine(FreeTextMask.Apply(ticket, note));
            }
        }

        var ticks = ticket.ReceivedAt.UtcTicks;
        return
        [
            new StringField(Id, ticket.Id.ToString(CultureInfo.InvariantCulture), Field.Store.YES),
            new StringField(Number, ticket.Number, Field.Store.NO),
            new TextField(All, text.ToString(), Field.Store.NO),
            new TextField(Description, description, Field.Store.NO),
            new StringField(Status, ticket.Status.ToString(), Field.Store.NO),
            new StringField(Kind, ticket.Kind.ToString(), Field.Store.NO),
            new StringField(Severity, ticket.Severity.ToString(), Field.Store.NO),
            new StringField(Category, ticket.Category.ToString(), Field.Store.NO),
            new StringField(Channel, ticket.Channel.ToString(), Field.Store.NO),
            new StringField(Handling, ticket.HandlingUnitCode ?? None, Field.Store.NO),
            new StringField(Receiving, ticket.ReceivingUnitCode ?? None, Field.Store.NO),
            new StringField(SchoolUnit, ticket.SchoolUnitCode ?? None, Field.Store.NO),
            new StringField(School, ticket.SchoolName?.Trim() ?? None, Field.Store.NO),
            new StringField(Parent, ParentKey(ticket.FiledBy), Field.Store.NO),
            new StringField(Open, ticket.IsOpen ? "1" : "0", Field.Store.NO),
            new Int64Field(Received, ticks, Field.Store.NO),
            new NumericDocValuesField(ReceivedSort, ticks),
        ];
    }

    /// <summary>Who filed it, as an opaque key: the index never holds a parent's channel id itself.</summary>
    public static string ParentKey(string? filedBy) =>
        string.IsNullOrEmpty(filedBy) ? None : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(filedBy)))[..24];
}
