using System.Text;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Vakka.Platform.Audit;
using Vakka.Platform.Ids;
using Vakka.Platform.Jobs;

namespace Vakka.Platform.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>A module's part of the one database model: its entity configurations and id conversions.</summary>
public interface IModuleModel
{
    /// <summary>Table-name prefix of the module ("dir" → dir_site).</summary>
    string TablePrefix { get; }
    void ConfigureConventions(ModelConfigurationBuilder builder);
    void ConfigureModel(ModelBuilder builder);
}

/// <summary>An entity whose edits are checked for concurrency: every save bumps the version.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>
/// The one database context, composed from the modules' models so that one transaction holds a change, its
/// audit row and its planned jobs. Provider-specific subclasses live in Vakka.Migrations with their migrations.
/// Entity types stay internal to their modules; handlers use <c>db.Set&lt;T&gt;()</c>.
/// </summary>
public abstract class VakkaDb(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>The modules composing the model, in a fixed order.</summary>
    protected abstract IReadOnlyList<IModuleModel> Modules { get; }

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    internal DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();
    internal DbSet<JobRecord> Jobs => Set<JobRecord>();
    internal DbSet<LockRecord> Locks => Set<LockRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
        builder.Properties<OrganisationId>().HaveConversion<TypedIdConverter<OrganisationId>>();
        builder.Properties<SiteId>().HaveConversion<TypedIdConverter<SiteId>>();
        builder.Properties<AreaId>().HaveConversion<TypedIdConverter<AreaId>>();
        builder.Properties<AccountId>().HaveConversion<TypedIdConverter<AccountId>>();
        builder.Properties<Enum>().HaveConversion<string>();
        foreach (var module in Modules) module.ConfigureConventions(builder);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<DataProtectionKey>().ToTable("platform_data_protection_key");
        PlatformModel.Configure(builder);
        foreach (var module in Modules) module.ConfigureModel(builder);
        SnakeCaseNames.Apply(builder);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        try
        {
            BumpVersions(detect);
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        try
        {
            BumpVersions(detect);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>
    /// Bumps the version of every modified versioned entity. Changes are detected once, here, and not again by the save
    /// (reading the entries and saving each detected them: two scans of every tracked entity per save); the caller
    /// switches automatic detection back on after the save.
    /// </summary>
    private void BumpVersions(bool detect)
    {
        if (detect) ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State != EntityState.Modified) continue;
            var version = entry.Property(e => e.Version);
            version.CurrentValue = version.OriginalValue + 1; // through the entry: marked modified without another scan
        }
    }
}

internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

internal sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
    v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.Value.ToUniversalTime(), DateTimeKind.Utc),
    v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));

/// <summary>snake_case column, key and index names, so that operators can query PostgreSQL without quoting.</summary>
internal static class SnakeCaseNames
{
    public static void Apply(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is { } table) entity.SetTableName(ToSnake(table));
            foreach (var property in entity.GetProperties())
                property.SetColumnName(ToSnake(property.GetColumnName()));
            foreach (var key in entity.GetKeys())
                key.SetName(ToSnake(key.GetName()!));
            foreach (var fk in entity.GetForeignKeys())
                fk.SetConstraintName(ToSnake(fk.GetConstraintName()!));
            foreach (var index in entity.GetIndexes())
                index.SetDatabaseName(ToSnake(index.GetDatabaseName()!));
        }
    }

    public static string ToSnake(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_' && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                    sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
