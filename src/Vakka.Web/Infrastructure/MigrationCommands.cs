using System.Diagnostics;
using System.Globalization;
using Vakka.Archive.Domain;
using Microsoft.EntityFrameworkCore;
using Vakka.Archive.Features.Benchmark;
using Vakka.Archive.Features.ClientSystems;
using Vakka.Archive.Features.Migration;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Finnish;

namespace Vakka.Web;

/// <summary>
/// The archive's bulk commands: <c>archive migrate</c> (the same runner as the job), <c>archive generate-legacy</c> and
/// <c>archive generate</c> (the query set for benchmarks).
/// </summary>
internal static class MigrationCommands
{
    public static async Task<int> MigrateAsync(IServiceProvider sp, string folder, string[] options, TextWriter output)
    {
        var values = Options(options, ["--organisation", "--mapping", "--source"], ["--dry-run"]);
        if (values is null || !values.TryGetValue("--organisation", out var oidText))
        {
            output.WriteLine(Commands.Usage);
            return 1;
        }
        if (!Oid.TryParse(oidText, out var oid, out _) || await sp.GetRequiredService<IOrganisationDirectory>().FindByOidAsync(oid, CancellationToken.None) is not { } org)
        {
            output.WriteLine($"No organisation has the OID \"{oidText}\".");
            return 1;
        }
        var operatorActor = new Actor(null, null, []);
        var fullFolder = Path.GetFullPath(folder);
        if (values.TryGetValue("--mapping", out var mappingFile))
        {
            if (!File.Exists(mappingFile))
            {
                output.WriteLine($"No mapping file \"{mappingFile}\".");
                return 1;
            }
            var (table, problems) = await sp.GetRequiredService<ImportMapping>().ImportAsync(operatorActor, org.Id, await File.ReadAllBytesAsync(mappingFile), CancellationToken.None);
            if (table is null)
            {
                foreach (var problem in problems.Take(20)) output.WriteLine($"  mapping line {problem.Line}: {problem.Code} {problem.Column}");
                output.WriteLine("Mapping table not imported.");
                return 1;
            }
            output.WriteLine($"Mapping table imported: {table.Rows.Count} rows.");
        }
        var kind = values.ContainsKey("--dry-run") ? MigrationKind.DryRun : MigrationKind.Run;
        var (run, refused) = await sp.GetRequiredService<StartMigration>().StartAsync(operatorActor, org.Id,
            new StartRequest(fullFolder, values.GetValueOrDefault("--source"), kind), planJob: false, anyFolder: true, CancellationToken.None);
        if (run is not { } id)
        {
            output.WriteLine("Not started: " + string.Join(", ", refused.Select(p => p.Code)));
            return 1;
        }
        output.WriteLine($"{(kind == MigrationKind.DryRun ? "Dry run" : "Migration")} {id} of {fullFolder} for {org.Name}.");
        var clock = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        var slice = await sp.GetRequiredService<MigrationRunner>().RunAsync(id, null, progress =>
        {
            if (clock.Elapsed - last < TimeSpan.FromSeconds(10) && progress.Status != MigrationStatus.Completed) return;
            last = clock.Elapsed;
            var rate = progress.Archived + progress.Skipped + progress.Failed;
            output.WriteLine(FormattableString.Invariant(
                $"  {clock.Elapsed.TotalSeconds,6:0.0} s  {progress.Cursor:N0}/{progress.Total:N0}  archived {progress.Archived:N0}  skipped {progress.Skipped:N0}  failed {progress.Failed:N0}  ({rate / Math.Max(0.001, clock.Elapsed.TotalSeconds):N0}/s)"));
        }, CancellationToken.None);
        var summary = await sp.GetRequiredService<MigrationReports>().SummaryAsync(id, CancellationToken.None);
        if (slice == MigrationSlice.Busy || summary is null)
        {
            output.WriteLine("Not run: another migration of this registrar holds the lock.");
            return 1;
        }
        output.WriteLine(FormattableString.Invariant(
            $"{summary.Status}{(summary.Problem is null ? "" : $" ({summary.Problem})")} in {clock.Elapsed.TotalSeconds:0.0} s: {summary.Total:N0} records, {summary.Archived:N0} {(kind == MigrationKind.DryRun ? "would be archived" : "archived")}, {summary.Skipped:N0} archived before, {summary.Failed:N0} failed."));
        return summary.Status != MigrationStatus.Completed ? 1 : summary.Failed > 0 ? 2 : 0;
    }

    public static int GenerateLegacy(string folder, string[] options, TextWriter output)
    {
        var values = Options(options, ["--documents", "--clients", "--organisation", "--text-bytes", "--faulty", "--seed"], []);
        if (values is null || !Int(values, "--documents", out var documents) || !Int(values, "--clients", out var clients) || documents < 1 || clients < 1)
        {
            output.WriteLine(Commands.Usage);
            return 1;
        }
        var registrar = Oid.Parse(values.GetValueOrDefault("--organisation", ArchiveDemoData.DemoOrganisationOid));
        var volume = new LegacyVolume(documents, clients,
            TextBytes: Int(values, "--text-bytes", out var bytes) ? bytes : 2000,
            Faulty: values.TryGetValue("--faulty", out var faulty) ? double.Parse(faulty, CultureInfo.InvariantCulture) : 0,
            Seed: Int(values, "--seed", out var seed) ? seed : 2026);
        var clock = Stopwatch.StartNew();
        try
        {
            LegacyGenerator.Write(folder, registrar, volume);
        }
        catch (IOException ex)
        {
            output.WriteLine(ex.Message);
            return 1;
        }
        output.WriteLine(FormattableString.Invariant($"Wrote {documents:N0} legacy records of {clients:N0} clients into {Path.GetFullPath(folder)} in {clock.Elapsed.TotalSeconds:0.0} s."));
        return 0;
    }

    /// <summary>The query set (benchmarks): documents straight into the database, then VACUUM (ANALYZE) on PostgreSQL.</summary>
    public static async Task<int> GenerateQuerySetAsync(IServiceProvider sp, string[] options, TextWriter output)
    {
        var values = Options(options, ["--documents", "--clients", "--organisation", "--seed"], []);
        if (values is null || !Int(values, "--documents", out var documents) || !Int(values, "--clients", out var clients) || documents < 1 || clients < 1
            || (values.ContainsKey("--seed") && !Int(values, "--seed", out _)))
        {
            output.WriteLine(Commands.Usage);
            return 1;
        }
        var oidText = values.GetValueOrDefault("--organisation", ArchiveDemoData.DemoOrganisationOid);
        if (!Oid.TryParse(oidText, out var oid, out _) || await sp.GetRequiredService<IOrganisationDirectory>().FindByOidAsync(oid, CancellationToken.None) is not { } org)
        {
            output.WriteLine($"No organisation has the OID \"{oidText}\" (on an empty database, run 'directory demo' first).");
            return 1;
        }
        var db = sp.GetRequiredService<Vakka.Platform.Data.VakkaDb>();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1)); // millions of rows: VACUUM takes minutes
        var volume = new QuerySetVolume(documents, clients, Seed: Int(values, "--seed", out var seed) ? seed : 2026);
        var clock = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        var result = await sp.GetRequiredService<QuerySetGenerator>().GenerateAsync(org, volume, written =>
        {
            if (clock.Elapsed - last < TimeSpan.FromSeconds(10)) return;
            last = clock.Elapsed;
            output.WriteLine(FormattableString.Invariant($"  {clock.Elapsed.TotalSeconds,6:0.0} s  {written:N0} documents ({written / clock.Elapsed.TotalSeconds:N0}/s)"));
        }, CancellationToken.None);
        if (result is null)
        {
            output.WriteLine("Nothing generated: the archive already has persons or documents.");
            return 1;
        }
        output.WriteLine(FormattableString.Invariant(
            $"Generated {result.Documents:N0} documents of {result.Persons:N0} clients for {org.Name} ({result.Templates} templates) with {result.Writer} in {clock.Elapsed.TotalSeconds:0.0} s."));
        if (db.Provider == Vakka.Platform.Data.DatabaseProvider.Postgres)
        {
            // Leave the tables as a running server's autovacuum would: statistics for the planner, a visibility map for index-only scans.
            clock.Restart();
            await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) ar_person, ar_document, ar_document_content");
            output.WriteLine(FormattableString.Invariant($"VACUUM (ANALYZE) of the ar_ tables: {clock.Elapsed.TotalSeconds:0.0} s."));
        }
        return 0;
    }

    private static bool Int(Dictionary<string, string> values, string name, out int value)
    {
        value = 0;
        return values.TryGetValue(name, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>"--name value" pairs and bare flags; null on anything else.</summary>
    private static Dictionary<string, string>? Options(string[] args, string[] withValue, string[] flags)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (flags.Contains(args[i])) values[args[i]] = "";
            else if (withValue.Contains(args[i]) && i + 1 < args.Length) values[args[i]] = args[++i];
            else return null;
        }
        return values;
    }
}
