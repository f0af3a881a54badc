using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Vakka.Migrations;
using Vakka.Testing;

namespace Vakka.Tests.Data;

/// <summary>Both providers: an empty database migrates to the latest schema, and the model has no pending changes.</summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task Sqlite_migrates_an_empty_database_and_has_no_pending_model_changes()
    {
        var file = Path.Combine(Path.GetTempPath(), $"vakka-migrate-{Guid.CreateVersion7():N}.db");
        try
        {
            await using var db = new SqliteVakkaDb(new DbContextOptionsBuilder<SqliteVakkaDb>().UseSqlite($"Data Source={file}").Options);
            Assert.NotEmpty(db.Database.GetMigrations());
            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
            Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run tools/add-migration.sh <Name>.");
            var tables = await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'").ToListAsync(TestContext.Current.CancellationToken);
            Assert.Contains("dir_site", tables);
            Assert.Contains("platform_audit_event", tables);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Postgres_migrates_an_empty_database_and_has_no_pending_model_changes()
    {
        var admin = Environment.GetEnvironmentVariable(VakkaFactory.PostgresVariable);
        Assert.SkipWhen(string.IsNullOrWhiteSpace(admin),
            $"PostgreSQL migration test NOT RUN: set {VakkaFactory.PostgresVariable} to a server connection string (.ci/run does).");
        var name = "vakka_m_" + Guid.CreateVersion7().ToString("N")[..20];
        await using (var c = new NpgsqlConnection(admin))
        {
            await c.OpenAsync(TestContext.Current.CancellationToken);
            await new NpgsqlCommand($"CREATE DATABASE {name}", c).ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        try
        {
            var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
            await using var db = new PostgresVakkaDb(new DbContextOptionsBuilder<PostgresVakkaDb>().UseNpgsql(cs).Options);
            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
            Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run tools/add-migration.sh <Name>.");
            var tables = await db.Database.SqlQueryRaw<string>("SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'").ToListAsync(TestContext.Current.CancellationToken);
            Assert.Contains("dir_site", tables);
            Assert.Contains("platform_audit_event", tables);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var c = new NpgsqlConnection(admin);
            await c.OpenAsync(TestContext.Current.CancellationToken);
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", c).ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
    }
}
