using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vakka.Archive.Features.ClientSystems;
using Vakka.CultureCard.Features.ApiKeys;
using Vakka.CultureCard.Features.Demo;
using Vakka.Directory.Features.Accounts;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;

namespace Vakka.Web;

/// <summary>
/// Operator commands run with the app's configuration instead of starting the web server, e.g.
/// <c>dotnet run --project src/Vakka.Web -- audit verify</c> or, in the container, <c>dotnet Vakka.Web.dll migrate</c>.
/// Exit codes: 0 done, 1 usage or input error, 2 the audit chain is broken or an archived document failed its check.
/// </summary>
internal static class Commands
{
    public const string Usage = """
        Commands:
          migrate                                  create or update the database schema, then exit
          directory demo                           the demo organisations, sites and accounts, if the database has none
                                                   (benchmarks on a Production database; no cards, no documents)
          audit verify                             check the audit log's hash chain; exit 2 if it is broken
          admin create <user name> <e-mail> <name> add a system administrator and print a link to set the password
          culturecard generate --cards N --uses M [--years Y] [--seed S]
                                                   Kaikukortti demo register at a volume (benchmarks): the demo network and
                                                   accounts if there is none, then N cards and M uses over Y years (3);
                                                   only into a database without cards; binary COPY on PostgreSQL
          culturecard apikey <site name>           create an API key for a venue or ticket intermediary and print it once
          archive verify [--organisation OID]      recompute the SHA-256 of every archived document (of one registrar);
                                                   exit 2 if any differs or has lost its bytes
          archive migrate <folder> --organisation OID [--dry-run] [--mapping FILE] [--source NAME]
                                                   legacy migration of a source folder (metadata.csv or .jsonl, content/)
                                                   for a registrar: with --mapping, its mapping table is replaced first;
                                                   a dry run archives nothing; exit 2 if any record failed
          archive generate-legacy <folder> --documents N --clients C [--organisation OID] [--text-bytes B]
                                  [--faulty P] [--seed S]
                                                   write a generated legacy export (benchmarks, tests) into an empty folder
          archive generate --documents N --clients C [--organisation OID] [--seed S]
                                                   the archive's query set (benchmarks): N valid documents of C test
                                                   clients of the registrar (default Helsingin kaupunki), 2008 to now;
                                                   only into an archive without documents; binary COPY on PostgreSQL
          archive apikey <organisation OID> <name> create a client-system key for the organisation's archive API
                                                   (name at most 100 characters) and print it once
        """;

    public static async Task<int?> TryRunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        // Only a known first word makes a command; anything else (--urls http://…) is for the web host.
        if (args is not [("migrate" or "audit" or "admin" or "culturecard" or "archive" or "directory"), ..]) return null;
        var words = args;
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        switch (words)
        {
            case ["migrate"]:
                await sp.GetRequiredService<VakkaDb>().Database.MigrateAsync();
                output.WriteLine("Database schema is up to date.");
                return 0;

            case ["directory", "demo"]:
                output.WriteLine(await sp.GetRequiredService<Directory.Features.DemoData>().LoadIfEmptyAsync(CancellationToken.None)
                    ? "Demo organisations, sites and accounts created." : "The database has organisations already: nothing created.");
                return 0;

            case ["audit", "verify"]:
                var auditLog = sp.GetRequiredService<AuditLog>();
                await auditLog.SealAsync(CancellationToken.None); // rows written a moment ago join the chain first
                var result = await auditLog.VerifyAsync(CancellationToken.None);
                if (result.Intact)
                {
                    output.WriteLine($"Audit log intact: {result.RowsChecked} rows, every hash and link verified ({result.Unsealed} not chained yet).");
                    return 0;
                }
                output.WriteLine($"Audit log BROKEN at row {result.FirstBrokenSeq}: {result.Problem} ({result.RowsChecked} rows before it are intact).");
                return 2;

            case ["admin", "create", var userName, var email, .. var name]:
                var created = await sp.GetRequiredService<CreateFirstAdministrator>()
                    .HandleAsync(userName, email, string.Join(' ', name), CancellationToken.None);
                if (created.Link is null)
                {
                    output.WriteLine($"Not created: {created.Problem}");
                    return 1;
                }
                output.WriteLine($"System administrator {userName} created. Set the password within 24 hours at:");
                output.WriteLine(created.Link);
                return 0;

            case ["culturecard", "generate", .. var options]:
                return await GenerateAsync(sp, options, output);

            case ["culturecard", "apikey", _, ..]:
                return await CreateApiKeyAsync(sp, string.Join(' ', words[2..]), output);

            case ["archive", "verify", .. var verifyOptions]:
                return await VerifyArchiveAsync(sp, verifyOptions, output);

            case ["archive", "migrate", var folder, .. var migrateOptions]:
                return await MigrationCommands.MigrateAsync(sp, folder, migrateOptions, output);

            case ["archive", "generate-legacy", var target, .. var generateOptions]:
                return MigrationCommands.GenerateLegacy(target, generateOptions, output);

            case ["archive", "generate", .. var querySetOptions]:
                return await MigrationCommands.GenerateQuerySetAsync(sp, querySetOptions, output);

            case ["archive", "apikey", var organisationOid, _, ..]:
                return await CreateArchiveKeyAsync(sp, organisationOid, string.Join(' ', words[3..]), output);

            default:
                output.WriteLine(Usage);
                return 1;
        }
    }

    /// <summary>A client-system key for an organisation's archive API, made and stored as the keys page makes it (shown once, kept hashed).</summary>
    private static async Task<int> CreateArchiveKeyAsync(IServiceProvider sp, string oidText, string name, TextWriter output)
    {
        if (await OrganisationByOidAsync(sp, oidText, output) is not { } org) return 1;
        var created = await sp.GetRequiredService<ManageClientSystems>().CreateAsync(new Actor(null, null, []), org.Id,
            new NewClientSystemForm { Name = name }, CancellationToken.None);
        if (!created.IsOk)
        {
            output.WriteLine(created.Errors.Any(e => e.Field == nameof(NewClientSystemForm.Name))
                ? $"Not created: the name must be 1 to {NewClientSystemForm.MaxNameLength} characters."
                : $"Not created: {org.Name} is not an active organisation.");
            return 1;
        }
        output.WriteLine($"Archive key \"{name.Trim()}\" for {org.Name} ({org.Oid}); send it as X-Api-Key, it is shown only now:");
        output.WriteLine(created.Value);
        return 0;
    }

    /// <summary>The organisation with this OID, or null after saying that none has it.</summary>
    private static async Task<OrganisationInfo?> OrganisationByOidAsync(IServiceProvider sp, string oidText, TextWriter output)
    {
        var org = Vakka.Platform.Finnish.Oid.TryParse(oidText, out var oid, out _)
            ? await sp.GetRequiredService<IOrganisationDirectory>().FindByOidAsync(oid, CancellationToken.None)
            : null;
        if (org is null) output.WriteLine($"No organisation has the OID \"{oidText}\".");
        return org;
    }

    /// <summary>The archive's integrity check: every stored document against its SHA-256, recorded in ar_verify_run.</summary>
    private static async Task<int> VerifyArchiveAsync(IServiceProvider sp, string[] options, TextWriter output)
    {
        Vakka.Platform.Ids.OrganisationId? organisation = null;
        if (options is ["--organisation", var oidText])
        {
            if (await OrganisationByOidAsync(sp, oidText, output) is not { } org) return 1;
            organisation = org.Id;
        }
        else if (options.Length > 0)
        {
            output.WriteLine(Usage);
            return 1;
        }
        var report = await sp.GetRequiredService<Vakka.Archive.Features.Integrity.VerifyArchive>().RunAsync(organisation, CancellationToken.None);
        foreach (var finding in report.Findings)
            output.WriteLine($"  {finding.Problem}: {finding.DocumentOid} (document {finding.DocumentId})");
        output.WriteLine(report.Intact
            ? $"Archive intact: {report.Checked} documents, every SHA-256 verified (run {report.RunId})."
            : $"Archive DAMAGED: {report.Mismatches} documents differ from their SHA-256 and {report.Missing} have lost their bytes, of {report.Checked} checked (run {report.RunId}).");
        return report.Intact ? 0 : 2;
    }

    /// <summary>The demo network (if the database has none) and a Kaikukortti register of the given volume.</summary>
    private static async Task<int> GenerateAsync(IServiceProvider sp, string[] options, TextWriter output)
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < options.Length; i += 2)
        {
            if (options[i] is not ("--cards" or "--uses" or "--years" or "--seed") || i + 1 >= options.Length
                || !int.TryParse(options[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                output.WriteLine(Usage);
                return 1;
            }
            values[options[i]] = n;
        }
        if (!values.TryGetValue("--cards", out var cards) || !values.TryGetValue("--uses", out var uses) || cards < 1)
        {
            output.WriteLine(Usage);
            return 1;
        }
        var volume = new CardDemoData.Volume(cards, uses, Years: values.GetValueOrDefault("--years", 3), Seed: values.GetValueOrDefault("--seed", 2026));

        var db = sp.GetRequiredService<VakkaDb>();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1)); // millions of rows: the rollup and VACUUM take minutes
        var clock = Stopwatch.StartNew();
        if (await sp.GetRequiredService<Directory.Features.DemoData>().LoadIfEmptyAsync(CancellationToken.None))
            output.WriteLine($"Demo network and accounts created ({clock.Elapsed.TotalSeconds:0.0} s).");
        var writer = CardBulkWriters.For(db);
        clock.Restart();
        if (!await sp.GetRequiredService<DemoRegister>().LoadIfEmptyAsync(volume, writer, CancellationToken.None))
        {
            output.WriteLine("Nothing generated: the database already has cards, or no active area has both distributor and venue sites.");
            return 1;
        }
        output.WriteLine(FormattableString.Invariant(
            $"Generated {cards:N0} cards and {uses:N0} uses over {volume.Years} years with {writer.Name}, first uses and the statistics rollup in {clock.Elapsed.TotalSeconds:0.0} s."));
        if (db.Provider == DatabaseProvider.Postgres)
        {
            // Leave the tables as a running server's autovacuum would: statistics for the planner, a visibility map for index-only scans.
            clock.Restart();
            await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) cc_card_batch, cc_card_code, cc_card, cc_card_event, cc_use, cc_event, cc_stat_month");
            output.WriteLine(FormattableString.Invariant($"VACUUM (ANALYZE) of the cc_ tables: {clock.Elapsed.TotalSeconds:0.0} s."));
        }
        return 0;
    }

    /// <summary>An API key for a venue's or ticket intermediary's site, made and stored as the API-key page makes it.</summary>
    private static async Task<int> CreateApiKeyAsync(IServiceProvider sp, string siteName, TextWriter output)
    {
        var directory = sp.GetRequiredService<ISiteDirectory>();
        var matches = new List<SiteInfo>();
        foreach (var area in await directory.AreasAsync(CancellationToken.None))
            matches.AddRange((await directory.InAreaAsync(area.Id, CancellationToken.None))
                .Where(s => string.Equals(s.Name, siteName, StringComparison.OrdinalIgnoreCase)));
        if (matches.Count != 1)
        {
            output.WriteLine(matches.Count == 0 ? $"No site in an area is named \"{siteName}\"." : $"{matches.Count} sites are named \"{siteName}\".");
            return 1;
        }
        var created = await sp.GetRequiredService<ManageApiKeys>().CreateAsync(new Actor(null, null, []), matches[0].Id,
            new NewApiKeyForm { Name = "culturecard apikey command" }, CancellationToken.None);
        if (!created.IsOk)
        {
            output.WriteLine($"Not created: {matches[0].Name} is not an active venue or ticket intermediary.");
            return 1;
        }
        output.WriteLine($"API key for {matches[0].Name} (send it as X-Api-Key; it is shown only now):");
        output.WriteLine(created.Value);
        return 0;
    }
}
