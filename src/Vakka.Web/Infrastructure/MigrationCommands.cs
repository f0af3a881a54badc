using System.Diagnostics;
using System.Globalization;
using Vakka.Archive.Domain;
using Vakka.Archive.Features.ClientSystems;
using Vakka.Archive.Features.Migration;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Finnish;

namespace Vakka.Web;

/// <summary>The archive's legacy-migration commands: <c>archive migrate</c> (the same runner as the job) and <c>archive generate-legacy</c>.</summary>
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
