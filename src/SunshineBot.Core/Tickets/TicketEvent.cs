namespace SunshineBot.Core.Tickets;

/// <summary>Who did something: a staff member, the filer (by channel identity) or the system.</summary>
public sealed record Actor(string Id, string Name)
{
    public static Actor System { get; } = new("system", "系统");
}

/// <summary>One entry of a ticket's timeline. Events are never changed or deleted: the timeline is the audit log.</summary>
public sealed class TicketEvent
{
    public TicketEvent(int sequence, DateTimeOffset at, string actorId, string actorName, TicketAction action, TicketStatus fromStatus, TicketStatus toStatus, string? note)
    {
        Sequence = sequence;
        At = at;
        ActorId = actorId;
        ActorName = actorName;
        Action = action;
        FromStatus = fromStatus;
        ToStatus = toStatus;
        Note = note;
    }

    public long Id { get; private init; }

    public long TicketId { get; private init; }

    public int Sequence { get; private init; }

    public DateTimeOffset At { get; private init; }

    public string ActorId { get; private init; }

    public string ActorName { get; private init; }

    public TicketAction Action { get; private init; }

    public TicketStatus FromStatus { get; private init; }

    public TicketStatus ToStatus { get; private init; }

    public string? Note { get; private init; }
}

/// <summary>A photo or file attached to a ticket (receipts, notices); the bytes live in storage under <see cref="StorageKey"/>.</summary>
public sealed class TicketAttachment
{
    public TicketAttachment(string fileName, string contentType, long size, string storageKey, DateTimeOffset addedAt)
    {
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        StorageKey = storageKey;
        AddedAt = addedAt;
    }

    public long Id { get; private init; }

    public long TicketId { get; private init; }

    public string FileName { get; private init; }

    public string ContentType { get; private init; }

    public long Size { get; private init; }

    public string StorageKey { get; private init; }

    public DateTimeOffset AddedAt { get; private init; }
}
