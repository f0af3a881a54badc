using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Vakka.Archive;
using Vakka.CultureCard;
using Vakka.Directory;
using Vakka.Platform.Data;

namespace Vakka.Migrations;

/// <summary>The modules that compose the one database model, in a fixed order.</summary>
public static class VakkaModules
{
    public static readonly IReadOnlyList<IModuleModel> All = [DirectoryModule.Model, CultureCardModule.Model, ArchiveModule.Model];
}

/// <summary>The SQLite context (the default: an embedded file). Its migrations are in Sqlite/.</summary>
public sealed class SqliteVakkaDb(DbContextOptions<SqliteVakkaDb> options) : VakkaDb(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override IReadOnlyList<IModuleModel> Modules => VakkaModules.All;
}

/// <summary>The PostgreSQL context. Its migrations are in Postgres/.</summary>
public sealed class PostgresVakkaDb(DbContextOptions<PostgresVakkaDb> options) : VakkaDb(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
    protected override IReadOnlyList<IModuleModel> Modules => VakkaModules.All;
}

/// <summary>Design-time factories so that dotnet-ef never boots the web host.</summary>
public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteVakkaDb>
{
    public SqliteVakkaDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteVakkaDb>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresVakkaDb>
{
    public PostgresVakkaDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresVakkaDb>()
            .UseNpgsql("Host=127.0.0.1;Database=vakka_design;Username=vakka;Password=design").Options);
}

/// <summary>Registers the provider chosen by configuration (Database:Provider = Sqlite | Postgres).</summary>
public static class VakkaDatabase
{
    public static DatabaseProvider ParseProvider(string? name) =>
        string.Equals(name, "Postgres", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "PostgreSQL", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres) options.UseNpgsql(connectionString);
        else options.UseSqlite(connectionString);
    }
}
