using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using SunshineBot.Core.Staff;
using SunshineBot.Core.Tickets;
using SunshineBot.Core.Units;
using SunshineBot.Data.Schema;

namespace SunshineBot.Data;

/// <summary>The application database (SQLite by default, PostgreSQL for scale-out).</summary>
public sealed partial class SunshineDbContext(DbContextOptions<SunshineDbContext> options) : DbContext(options)
{
    private readonly Privacy.ContactProtection? _contacts = options.FindExtension<Privacy.ContactProtectionExtension>()?.Protection;

    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<TicketEvent> TicketEvents => Set<TicketEvent>();

    public DbSet<TicketFault> TicketFaults => Set<TicketFault>();

    public DbSet<Reports.ManualScoreRecord> ManualScores => Set<Reports.ManualScoreRecord>();

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<StaffUser> StaffUsers => Set<StaffUser>();

    public DbSet<Tickets.TicketCounter> TicketCounters => Set<Tickets.TicketCounter>();

    public DbSet<Knowledge.KbAnswerRecord> KbAnswerLog => Set<Knowledge.KbAnswerRecord>();

    public DbSet<Chat.ChatConversation> ChatConversations => Set<Chat.ChatConversation>();

    public DbSet<Chat.ChatMessage> ChatMessages => Set<Chat.ChatMessage>();

    public DbSet<Chat.ChatInbound> ChatInbound => Set<Chat.ChatInbound>();

    public DbSet<Outbox.OutboxMessage> Outbox => Set<Outbox.OutboxMessage>();

    public DbSet<Jobs.JobMark> JobMarks => Set<Jobs.JobMark>();

    public DbSet<Jobs.StaffNotification> StaffNotifications => Set<Jobs.StaffNotification>();

    public DbSet<Jobs.DutyShift> DutyRoster => Set<Jobs.DutyShift>();

    public DbSet<Jobs.MonthlyReportRow> MonthlyReports => Set<Jobs.MonthlyReportRow>();

    public DbSet<Jobs.JobRun> JobRuns => Set<Jobs.JobRun>();

    public DbSet<WeChat.WeChatAccessTokenRecord> WeChatAccessTokens => Set<WeChat.WeChatAccessTokenRecord>();

    public DbSet<Audit.AuditEntry> AuditLog => Set<Audit.AuditEntry>();

    public DbSet<ChangeSequence> ChangeSequences => Set<ChangeSequence>();

    /// <summary>Tickets with their timeline and attachments: the only way a ticket should be loaded for changes.</summary>
    public IQueryable<Ticket> TicketsWithHistory => Tickets.Include(t => t.Events).Include(t => t.Attachments).Include(t => t.Faults).AsSplitQuery();

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as their names: readable in SQL and safe when members are added.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        if (IsSqlite)
        {
            // SQLite has no instant type; UTC ticks keep ordering and comparisons in SQL.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            configurationBuilder.Properties<decimal>().HaveConversion<double>();
        }
        else
        {
            // timestamptz takes UTC only; instants from any zone are stored as the same instant in UTC.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<ToUtcConverter>();
        }
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(Privacy.ContactMaterializer.Instance);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SunshineDbContext).Assembly);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var changed = BeforeSave();
        SaveInTransactionOnSqlite();
        EnsureWriteTransaction();
        try
        {
            if (changed.Count == 0)
            {
                return base.SaveChanges(acceptAllChangesOnSuccess);
            }

            // The change sequence is taken inside the transaction that writes it (TicketChanges explains why).
            var own = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
            try
            {
                Stamp(changed, TicketChanges.Reserve(Database.GetDbConnection(), Database.CurrentTransaction!.GetDbTransaction(), changed.Count));
                var saved = base.SaveChanges(acceptAllChangesOnSuccess);
                own?.Commit();
                return saved;
            }
            finally
            {
                own?.Dispose();
            }
        }
        catch (DbUpdateException e) when (IsTimelineClash(e))
        {
            throw AsConflict(e);
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changed = BeforeSave();
        SaveInTransactionOnSqlite();
        await EnsureWriteTransactionForSaveAsync(cancellationToken);
        try
        {
            if (changed.Count == 0)
            {
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }

            var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
            try
            {
                var last = await TicketChanges.ReserveAsync(Database.GetDbConnection(), Database.CurrentTransaction!.GetDbTransaction(), changed.Count, cancellationToken);
                Stamp(changed, last);
                var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                if (own is not null)
                {
                    await own.CommitAsync(cancellationToken);
                }

                return saved;
            }
            finally
            {
                if (own is not null)
                {
                    await own.DisposeAsync();
                }
            }
        }
        catch (DbUpdateException e) when (IsTimelineClash(e))
        {
            throw AsConflict(e);
        }
    }

    /// <summary>Hands the reserved sequence values (ending at <paramref name="last"/>) to the tickets being saved.</summary>
    private static void Stamp(List<EntityEntry<Ticket>> changed, long last)
    {
        var next = last - changed.Count + 1;
        foreach (var entry in changed)
        {
            entry.Property<long>(TicketChanges.ChangeSeq).CurrentValue = next++;
        }
    }

    // Two sessions appending to the same timeline collide on (TicketId, Sequence) before the version check runs,
    // depending on the order the provider executes the batch: both are the same optimistic-concurrency conflict.
    private static bool IsTimelineClash(DbUpdateException e) =>
        e is not DbUpdateConcurrencyException
        && e.InnerException?.Message is { } message
        && message.Contains("ticket_events", StringComparison.OrdinalIgnoreCase)
        && (message.Contains("UNIQUE", StringComparison.Ordinal) || message.Contains("23505", StringComparison.Ordinal));

    private static DbUpdateConcurrencyException AsConflict(DbUpdateException e) =>
        new("The ticket was changed by someone else in the meantime.", e);

    /// <summary>Checks and version bumps before a save; returns the tickets being written (added or changed).</summary>
    private List<EntityEntry<Ticket>> BeforeSave()
    {
        ChangeTracker.DetectChanges();
        SealContacts();
        foreach (var entry in ChangeTracker.Entries<TicketEvent>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("Ticket events are immutable: the timeline is the audit log.");
            }
        }

        // Any change to a ticket, including a new event, raises its version, so two staff acting at once conflict.
        var changed = new List<EntityEntry<Ticket>>();
        foreach (var entry in ChangeTracker.Entries<Ticket>().Where(e => e.State == EntityState.Modified || HasNewChildren(e)))
        {
            BumpVersion(entry);
            changed.Add(entry);
        }

        changed.AddRange(ChangeTracker.Entries<Ticket>().Where(e => e.State == EntityState.Added));

        foreach (var entry in ChangeTracker.Entries<StaffUser>().Where(e => e.State == EntityState.Modified))
        {
            BumpVersion(entry);
        }

        foreach (var entry in ChangeTracker.Entries<Chat.ChatConversation>().Where(e => e.State == EntityState.Modified))
        {
            BumpVersion(entry);
        }

        return changed;
    }

    private static bool HasNewChildren(EntityEntry<Ticket> entry) =>
        entry.State == EntityState.Unchanged
        && (entry.Collection(t => t.Events).CurrentValue?.Any(e => entry.Context.Entry(e).State == EntityState.Added) ?? false);

    private static void BumpVersion<T>(EntityEntry<T> entry)
        where T : class
    {
        var version = entry.Property<int>("Version");
        version.CurrentValue = version.OriginalValue + 1;
    }
}
