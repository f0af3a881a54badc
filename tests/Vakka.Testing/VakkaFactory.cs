using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vakka.Platform.Data;

namespace Vakka.Testing;

/// <summary>
/// The whole app over HTTP on a database of its own: an SQLite file by default, or a fresh PostgreSQL database
/// when VAKKA_TEST_POSTGRES holds a connection string to a server (CI runs the suite both ways).
/// </summary>
public class VakkaFactory : WebApplicationFactory<Program>
{
    public const string PostgresVariable = "VAKKA_TEST_POSTGRES";
    private readonly string folder = Path.Combine(Path.GetTempPath(), "vakka-tests", Guid.CreateVersion7().ToString("N"));
    private readonly string? postgresDatabase;
    private readonly string? postgresAdmin = Environment.GetEnvironmentVariable(PostgresVariable);

    public VakkaFactory()
    {
        System.IO.Directory.CreateDirectory(folder);
        if (!string.IsNullOrWhiteSpace(postgresAdmin))
        {
            postgresDatabase = "vakka_t_" + Guid.CreateVersion7().ToString("N")[..20];
            using var connection = new NpgsqlConnection(postgresAdmin);
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {postgresDatabase}", connection);
            command.ExecuteNonQuery();
        }
    }

    public bool IsPostgres => postgresDatabase is not null;
    public string OutboxFolder => Path.Combine(folder, "outbox");

    /// <summary>Extra settings for a test class that needs them (two-factor on, a low rate limit…).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseStaticWebAssets();
        var connectionString = postgresDatabase is not null
            ? new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = postgresDatabase }.ToString()
            : new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "vakka.db"), DefaultTimeout = 30 }.ToString();
        builder.UseSetting("Database:Provider", postgresDatabase is not null ? "Postgres" : "Sqlite");
        builder.UseSetting("ConnectionStrings:Default", connectionString);
        builder.UseSetting("DataFolder", folder);
        builder.UseSetting("DemoData:Enabled", "false");
        builder.UseSetting("Security:RequireTwoFactorForPrivilegedRoles", "false");
        builder.UseSetting("RateLimiting:SignInPermitsPerMinute", "100000");
        builder.UseSetting("Email:Mode", "Outbox");
        builder.UseSetting("Email:OutboxFolder", OutboxFolder);
        builder.UseSetting("Jobs:Enabled", "false"); // tests run jobs explicitly with RunJobsAsync
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>A UI text as the app shows it (tests compare with the catalog, never with copied strings).</summary>
    public string Text(string key, string language = "en") =>
        Services.GetRequiredService<Vakka.Platform.Localisation.TextCatalog>().Find(key, language)
        ?? throw new InvalidOperationException($"No text {key} [{language}]");

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task WithDbAsync(Func<VakkaDb, Task> work) =>
        WithScopeAsync(async sp => { await work(sp.GetRequiredService<VakkaDb>()); return 0; });

    public Task<T> WithDbAsync<T>(Func<VakkaDb, Task<T>> work) =>
        WithScopeAsync(sp => work(sp.GetRequiredService<VakkaDb>()));

    /// <summary>Runs due background jobs until none is left (the hosted runner is off in tests).</summary>
    public async Task<int> RunJobsAsync()
    {
        var executor = Services.GetRequiredService<Vakka.Platform.Jobs.JobExecutor>();
        var count = 0;
        while (await executor.RunNextAsync(CancellationToken.None) && count < 1000) count++;
        return count;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        if (postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                using var connection = new NpgsqlConnection(postgresAdmin);
                connection.Open();
                using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresDatabase} WITH (FORCE)", connection);
                command.ExecuteNonQuery();
            }
            catch (NpgsqlException) { }
        }
    }
}

