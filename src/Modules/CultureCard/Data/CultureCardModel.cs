using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;

namespace Vakka.CultureCard.Data;

/// <summary>The CultureCard tables (prefix cc_). Areas, sites and accounts are the Directory's; only their ids are kept here.</summary>
internal sealed class CultureCardModel : IModuleModel
{
    public string TablePrefix => "cc";

    public void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<CardId>().HaveConversion<TypedIdConverter<CardId>>();
        builder.Properties<UseId>().HaveConversion<TypedIdConverter<UseId>>();
        builder.Properties<EventId>().HaveConversion<TypedIdConverter<EventId>>();
        builder.Properties<BatchId>().HaveConversion<TypedIdConverter<BatchId>>();
    }

    public void ConfigureModel(ModelBuilder builder)
    {
        builder.Entity<AreaRules>(e =>
        {
            e.ToTable("cc_area_rules");
            e.HasKey(r => r.AreaId);
            e.Property(r => r.Version).IsConcurrencyToken();
        });

        builder.Entity<LifeSituation>(e =>
        {
            e.ToTable("cc_life_situation");
            e.HasKey(l => l.Id);
            e.Property(l => l.Id).ValueGeneratedNever();
            e.Property(l => l.Code).HasMaxLength(40);
            e.Property(l => l.NameFi).HasMaxLength(100);
            e.Property(l => l.NameSv).HasMaxLength(100);
            e.Property(l => l.NameEn).HasMaxLength(100);
            e.HasIndex(l => l.Code).IsUnique();
            e.HasData(LifeSituations.Seed);
        });

        builder.Entity<CardBatch>(e =>
        {
            e.ToTable("cc_card_batch");
            e.HasKey(b => b.Id);
            e.Property(b => b.Kind).HasMaxLength(10);
            e.HasIndex(b => b.AreaId);
        });

        builder.Entity<CardCodeRecord>(e =>
        {
            e.ToTable("cc_card_code");
            e.HasKey(c => c.Code);
            e.Property(c => c.Code).HasMaxLength(CardCode.LegacyMaxLength);
            e.HasIndex(c => c.BatchId);
        });

        builder.Entity<Card>(e =>
        {
            e.ToTable("cc_card");
            e.HasKey(c => c.Id);
            e.Property(c => c.Code).HasMaxLength(CardCode.LegacyMaxLength);
            e.Property(c => c.Type).HasMaxLength(10);
            e.Property(c => c.Status).HasMaxLength(10);
            e.Property(c => c.EndReason).HasMaxLength(20);
            e.Property(c => c.Gender).HasMaxLength(10);
            e.Property(c => c.PostalCode).HasMaxLength(5);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasIndex(c => c.Code).IsUnique(); // one registration per ID, even when two sites try at once
            e.HasIndex(c => new { c.AreaId, c.IssuedOn });
            e.HasIndex(c => new { c.IssuingSiteId, c.IssuedOn });
            // The statistics: cards registered and taken into use in a period, active cards.
            e.HasIndex(c => c.IssuedOn);
            e.HasIndex(c => c.FirstUsedOn);
            e.HasIndex(c => new { c.AreaId, c.FirstUsedOn });
            e.HasIndex(c => new { c.IssuingSiteId, c.FirstUsedOn });
            e.HasIndex(c => new { c.Status, c.ValidUntil });
            e.HasIndex(c => new { c.AreaId, c.ValidUntil }).HasFilter("status = 'Active'").HasDatabaseName("ix_cc_card_active_area_id_valid_until");
            e.HasIndex(c => c.CreatedAt); // the registrations' live part: cards created since the rollup
        });

        builder.Entity<CardEvent>(e =>
        {
            e.ToTable("cc_card_event");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.EndReason).HasMaxLength(20);
            e.HasIndex(x => new { x.CardId, x.At });
        });

        builder.Entity<VenueEvent>(e =>
        {
            e.ToTable("cc_event");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Category).HasMaxLength(20);
            e.HasIndex(x => new { x.SiteId, x.StartsAt });
        });

        builder.Entity<CardUse>(e =>
        {
            e.ToTable("cc_use");
            e.HasKey(u => u.Id);
            e.Property(u => u.EventName).HasMaxLength(200);
            e.Property(u => u.Category).HasMaxLength(20);
            e.Property(u => u.InputMethod).HasMaxLength(10);
            e.Property(u => u.CancelReason).HasMaxLength(20);
            e.Property(u => u.CardType).HasMaxLength(10);
            e.Property(u => u.Gender).HasMaxLength(10);
            e.Property(u => u.PostalArea).HasMaxLength(2);
            e.Property(u => u.IdempotencyKey).HasMaxLength(100);
            e.HasIndex(u => new { u.CardId, u.UseDate });
            e.HasIndex(u => new { u.VenueSiteId, u.UseDate });
            e.HasIndex(u => new { u.EventId });
            e.HasIndex(u => new { u.DeskSiteId, u.IdempotencyKey }).IsUnique();
            // The statistics' live part: what was recorded or cancelled since the rollup; a site's own uses.
            e.HasIndex(u => u.RecordedAt);
            e.HasIndex(u => u.CancelledAt);
            e.HasIndex(u => new { u.IssuingSiteId, u.UseDate });
        });

        builder.Entity<ServedVenue>(e =>
        {
            e.ToTable("cc_served_venue");
            e.HasKey(s => new { s.IntermediarySiteId, s.VenueSiteId });
            e.HasIndex(s => s.VenueSiteId);
        });

        builder.Entity<StatMonth>(e =>
        {
            e.ToTable("cc_stat_month");
            e.HasKey(s => new { s.Dim, s.Month, s.Key, s.VenueAreaId, s.CardAreaId });
            e.Property(s => s.Dim).HasMaxLength(10);
            e.Property(s => s.Key).HasMaxLength(40);
        });

        builder.Entity<StatCardMonth>(e =>
        {
            e.ToTable("cc_stat_card_month");
            e.HasKey(s => new { s.AreaId, s.Month });
        });

        builder.Entity<StatRollupState>(e =>
        {
            e.ToTable("cc_stat_rollup_state");
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.Version).IsConcurrencyToken();
        });

        builder.Entity<ApiKey>(e =>
        {
            e.ToTable("cc_api_key");
            e.HasKey(k => k.Id);
            e.Property(k => k.Name).HasMaxLength(100);
            e.Property(k => k.Prefix).HasMaxLength(12);
            e.Property(k => k.Hash).HasMaxLength(64);
            e.HasIndex(k => k.Hash).IsUnique();
            e.HasIndex(k => k.SiteId);
        });
    }
}
