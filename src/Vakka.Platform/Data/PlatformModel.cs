using Microsoft.EntityFrameworkCore;
using Vakka.Platform.Audit;
using Vakka.Platform.Jobs;

namespace Vakka.Platform.Data;

/// <summary>Platform tables: audit log, jobs, locks (prefix platform_).</summary>
internal static class PlatformModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<AuditRecord>(e =>
        {
            e.ToTable("platform_audit_event");
            e.HasKey(r => r.Seq);
            e.Property(r => r.Seq).ValueGeneratedOnAdd();
            e.HasIndex(r => r.ChainIndex).IsUnique();
            e.Property(r => r.EventCode).HasMaxLength(100);
            e.Property(r => r.ActionCode).HasMaxLength(100);
            e.Property(r => r.Outcome).HasMaxLength(20);
            // Unbounded: a list page records every row it showed.
            e.Property(r => r.TraceId).HasMaxLength(64);
            e.Property(r => r.PreviousHash).HasMaxLength(64);
            e.Property(r => r.Hash).HasMaxLength(64);
            e.HasIndex(r => r.OccurredAt);
            e.HasIndex(r => new { r.ActorAccountId, r.OccurredAt });
            e.HasIndex(r => new { r.EventCode, r.OccurredAt });
        });

        builder.Entity<JobRecord>(e =>
        {
            e.ToTable("platform_job");
            e.HasKey(j => j.Id);
            e.Property(j => j.Kind).HasMaxLength(100);
            e.Property(j => j.IdempotencyKey).HasMaxLength(200);
            e.Property(j => j.Status).HasMaxLength(20);
            e.Property(j => j.LockedBy).HasMaxLength(100);
            e.Property(j => j.LastError).HasMaxLength(1000);
            e.HasIndex(j => j.IdempotencyKey).IsUnique();
            e.HasIndex(j => new { j.Status, j.RunAt });
        });

        builder.Entity<LockRecord>(e =>
        {
            e.ToTable("platform_lock");
            e.HasKey(l => l.Name);
            e.Property(l => l.Name).HasMaxLength(100);
            e.Property(l => l.Holder).HasMaxLength(100);
        });
    }
}
