using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SunshineBot.Core.Tickets;
using SunshineBot.Data.Privacy;

namespace SunshineBot.Data.Tickets;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> b)
    {
        b.ToTable("tickets");
        b.HasKey(t => t.Id);
        b.Property(t => t.Number).HasMaxLength(24).IsRequired();
        b.HasIndex(t => t.Number).IsUnique();
        b.Property(t => t.Description).HasMaxLength(TicketIntake.MaxDescriptionLength).IsRequired();
        // The name and phone are stored sealed, with a blind index for lookups by phone (Privacy/TicketContacts.cs).
        b.Ignore(t => t.VisitorName);
        b.Ignore(t => t.VisitorPhone);
        b.Property<string?>(TicketContacts.SealedName).HasColumnName("VisitorName").HasMaxLength(TicketContacts.SealedMaxLength);
        b.Property<string?>(TicketContacts.SealedPhone).HasColumnName("VisitorPhone").HasMaxLength(TicketContacts.SealedMaxLength);
        b.Property<string?>(TicketContacts.PhoneIndex).HasMaxLength(TicketContacts.IndexLength);
        b.HasIndex(TicketContacts.PhoneIndex);
        b.Property(t => t.FiledBy).HasMaxLength(128);
        b.Property(t => t.ExternalSource).HasMaxLength(TicketIntake.MaxExternalLength);
        b.Property(t => t.ExternalNumber).HasMaxLength(TicketIntake.MaxExternalLength);
        b.HasIndex(t => new { t.ExternalSource, t.ExternalNumber }).IsUnique();
        b.Property(t => t.ReceivingUnitCode).HasMaxLength(32);
        b.Property(t => t.ReceivedBy).HasMaxLength(64);
        b.Property(t => t.HandlingUnitCode).HasMaxLength(32);
        b.Property(t => t.RevisitUnitCode).HasMaxLength(32);
        b.Property(t => t.SchoolName).HasMaxLength(100);
        b.Property(t => t.SchoolUnitCode).HasMaxLength(32);
        b.Property(t => t.ClosedBy).HasMaxLength(64);
        b.Property(t => t.RepliedBy).HasMaxLength(64);
        b.Property(t => t.DuplicateOfNumber).HasMaxLength(24);
        b.Property(t => t.FeeAmount).HasPrecision(12, 2);
        b.Property(t => t.AcknowledgedBy).HasMaxLength(64);
        b.Property(t => t.HandBackReason).HasMaxLength(500);
        b.Property(t => t.VisitRecord).HasMaxLength(2000);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Property<DateTimeOffset?>(TicketRetention.AnonymisedAt);
        b.Property<long>(TicketChanges.ChangeSeq);
        b.HasIndex(TicketChanges.ChangeSeq).IsUnique();
        b.Property(t => t.GroupNumber).HasMaxLength(24);
        b.HasIndex(t => t.GroupNumber);
        b.HasIndex(t => new { t.Status, t.FirstReplyDueAt });
        b.HasIndex(t => t.HandlingUnitCode);
        b.HasIndex(t => t.FiledBy);
        b.HasIndex(t => t.ReceivedAt);

        // The staff queue counts and lists by status within a unit subtree: this index answers both without reading
        // the table (docs/benchmarks.md, "Staff queue at 1M tickets").
        b.HasIndex(t => new { t.Status, t.HandlingUnitCode, t.ReceivingUnitCode });

        b.HasMany(t => t.Events).WithOne().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(t => t.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(t => t.Attachments).WithOne().HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(t => t.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(t => t.Faults).WithOne().HasForeignKey(f => f.TicketId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(t => t.Faults).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class TicketEventConfiguration : IEntityTypeConfiguration<TicketEvent>
{
    public void Configure(EntityTypeBuilder<TicketEvent> b)
    {
        b.ToTable("ticket_events");
        b.HasKey(e => e.Id);
        b.Property(e => e.ActorId).HasMaxLength(128).IsRequired();
        b.Property(e => e.ActorName).HasMaxLength(64).IsRequired();
        b.Property(e => e.Note).HasMaxLength(4000);
        b.HasIndex(e => new { e.TicketId, e.Sequence }).IsUnique();
        b.HasIndex(e => new { e.Action, e.At });
    }
}

internal sealed class TicketAttachmentConfiguration : IEntityTypeConfiguration<TicketAttachment>
{
    public void Configure(EntityTypeBuilder<TicketAttachment> b)
    {
        b.ToTable("ticket_attachments");
        b.HasKey(a => a.Id);
        b.Property(a => a.FileName).HasMaxLength(200).IsRequired();
        b.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
        b.Property(a => a.StorageKey).HasMaxLength(300).IsRequired();
    }
}

internal sealed class TicketFaultConfiguration : IEntityTypeConfiguration<TicketFault>
{
    public void Configure(EntityTypeBuilder<TicketFault> b)
    {
        b.ToTable("ticket_faults");
        b.HasKey(f => f.Id);
        b.Property(f => f.UnitCode).HasMaxLength(32);
        b.Property(f => f.ActorId).HasMaxLength(128).IsRequired();
        b.Property(f => f.ActorName).HasMaxLength(64).IsRequired();
        b.Property(f => f.Reason).HasMaxLength(500).IsRequired();
        b.HasIndex(f => f.TicketId);
    }
}
