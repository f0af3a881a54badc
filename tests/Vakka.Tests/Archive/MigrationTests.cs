using System.Net;
using System.Net.Http.Headers;
using SHA256 = System.Security.Cryptography.SHA256;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vakka.Archive.Domain;
using Vakka.Archive.Features.Integrity;
using Vakka.Archive.Features.Migration;
using Vakka.Cda;
using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Finnish;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;
using static Vakka.Tests.Archive.ArchiveKit;

namespace Vakka.Tests.Archive;

/// <summary>
/// The legacy migration end to end (issue 5, design §g): dry run, run, idempotency, resume after a crash half-way, the
/// job, and the archivist's pages with their access. On SQLite (EF Core) and PostgreSQL (binary COPY) alike.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class MigrationTests(VakkaFactory app)
{
    private const int Documents = 60;

    /// <summary>A registrar with a generated export of its own in the import folder and the export's mapping table.</summary>
    private async Task<(Organisation Org, string Folder, string Name)> ExportAsync(double faulty = 0, int documents = Documents, bool importMapping = true)
    {
        var org = await TestData.OrganisationAsync(app);
        var name = "export-" + Guid.NewGuid().ToString("N")[..8];
        var folder = Path.Combine(Runner.ImportRoot, name);
        LegacyGenerator.Write(folder, Oid.Parse(org.Oid), new LegacyVolume(documents, 15, TextBytes: 400, Faulty: faulty, Seed: documents));
        if (importMapping)
        {
            var (table, problems) = await app.WithScopeAsync(sp => sp.GetRequiredService<ImportMapping>()
                .ImportAsync(new Actor(null, null, []), org.Id, File.ReadAllBytes(Path.Combine(folder, "mapping.csv")), default));
            Assert.Empty(problems);
            Assert.Equal(390, table!.Rows.Count);
        }
        return (org, folder, name);
    }

    private MigrationRunner Runner => app.Services.GetRequiredService<MigrationRunner>();

    private Task<MigrationRunId> StartAsync(Organisation org, string folder, MigrationKind kind) => app.WithScopeAsync(async sp =>
    {
        var (run, problems) = await sp.GetRequiredService<StartMigration>()
            .StartAsync(new Actor(null, null, []), org.Id, new StartRequest(folder, null, kind), planJob: false, anyFolder: true, default);
        Assert.Empty(problems);
        return run!.Value;
    });

    private Task<MigrationRun> RunRowAsync(MigrationRunId id) => app.WithDbAsync(db => db.Set<MigrationRun>().AsNoTracking().SingleAsync(r => r.Id == id));

    private Task<List<ArchivedDocument>> DocumentsAsync(Organisation org) =>
        app.WithDbAsync(db => db.Set<ArchivedDocument>().AsNoTracking().Where(d => d.RegistrarOrgId == org.Id).ToListAsync());

    /// <summary>A runner with small batches (so that a test crosses many batch boundaries).</summary>
    private MigrationRunner SmallBatches(int batch) => ActivatorUtilities.CreateInstance<MigrationRunner>(app.Services,
        Options.Create(new MigrationOptions { BatchSize = batch }));

    [Fact]
    public async Task A_dry_run_reports_what_would_be_archived_and_why_the_rest_would_not_and_archives_nothing()
    {
        var (org, folder, _) = await ExportAsync(faulty: 0.3);
        var run = await StartAsync(org, folder, MigrationKind.DryRun);
        Assert.Equal(MigrationSlice.Finished, await Runner.RunAsync(run, null, null, default));

        var row = await RunRowAsync(run);
        Assert.Equal((MigrationStatus.Completed, Documents, Documents), (row.Status, row.Total, row.Cursor));
        Assert.Equal(Documents, row.Archived + row.Failed);
        Assert.InRange(row.Failed, 5, 35);
        Assert.Empty(await DocumentsAsync(org));
        var report = (await app.WithScopeAsync(sp => sp.GetRequiredService<MigrationReports>().ReportAsync(run, default)))!;
        // The generator's faults: an unmapped old type, a wrong check character, a missing file.
        Assert.Subset(new HashSet<string> { "MAPPING_MISSING", "HETU_CHECK_CHARACTER", "CONTENT_MISSING" }, report.Reasons.Select(r => r.Code).ToHashSet());
        Assert.Equal(row.Failed, report.Reasons.Sum(r => r.Count));
        Assert.Equal(row.Archived, report.Groups.Sum(g => g.Archived));
        Assert.All(report.Groups.Where(g => g.OldDocumentType.StartsWith("Tuntematon", StringComparison.Ordinal)), g => Assert.Null(g.DocumentTypeCode));
        // The failure list never holds a henkilötunnus.
        var csv = Encoding.UTF8.GetString(await app.WithScopeAsync(sp => sp.GetRequiredService<MigrationReports>().FailuresCsvAsync(run, default)));
        Assert.Equal(row.Failed + 1, csv.TrimEnd('\n').Split('\n').Length);
        Assert.DoesNotMatch(@"\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]", csv);
    }

    [Fact]
    public async Task A_run_archives_the_exact_built_bytes_retrievable_through_the_api_and_running_it_again_archives_nothing_twice()
    {
        var (org, folder, _) = await ExportAsync(faulty: 0.1);
        var first = await StartAsync(org, folder, MigrationKind.Run);
        await Runner.RunAsync(first, null, null, default);
        var done = await RunRowAsync(first);
        Assert.Equal(MigrationStatus.Completed, done.Status);
        var documents = await DocumentsAsync(org);
        Assert.Equal(done.Archived, documents.Count);
        Assert.All(documents, d => Assert.Equal((DocumentSource.Migration, 1, true), (d.Source, d.VersionNumber, d.IsLatest)));

        // The API returns each document's exact bytes; they hash to the stored SHA-256 and parse back to the record's values.
        var (_, client) = await KeyClientAsync(app, org);
        var sample = documents.OrderBy(d => d.DocumentOid, StringComparer.Ordinal).First();
        var response = await client.GetAsync($"{Api}/documents/{sample.DocumentOid}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(sample.Sha256, SHA256.HashData(bytes));
        var record = LegacyMetadata.Open(folder).Read(0, default).Single(r => sample.DocumentOid.EndsWith("." + r.Index, StringComparison.Ordinal));
        var header = CdaReader.Read(bytes).Header!;
        Assert.Equal((record.ClientHetu, org.Oid), (header.Client!.Value.Value, header.Registrar!.Value.Value));

        // The same export again: every old id is in the ledger, nothing is archived twice, failures are tried again.
        var second = await StartAsync(org, folder, MigrationKind.Run);
        await Runner.RunAsync(second, null, null, default);
        var again = await RunRowAsync(second);
        Assert.Equal((0L, done.Archived, done.Failed), (again.Archived, again.Skipped, again.Failed));
        Assert.Equal(documents.Count, (await DocumentsAsync(org)).Count);
        var ledger = await app.WithDbAsync(db => db.Set<MigrationItem>().CountAsync(i => i.RegistrarOrgId == org.Id));
        Assert.Equal(documents.Count, ledger);
        var verify = await app.WithScopeAsync(sp => sp.GetRequiredService<VerifyArchive>().RunAsync(org.Id, default));
        Assert.True(verify.Intact);
    }

    [Fact]
    public async Task A_run_killed_half_way_resumes_after_its_last_committed_batch_and_ends_as_a_clean_run_would()
    {
        var (org, folder, _) = await ExportAsync(faulty: 0.1, documents: 95);
        var run = await StartAsync(org, folder, MigrationKind.Run);
        using var crash = new CancellationTokenSource();
        var batches = 0;
        // The "process" dies during the fourth batch: the third has committed, the fourth rolls back. The timer may fire
        // late on a loaded machine; then the kill comes at the latest right after the fourth batch has committed.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SmallBatches(10).RunAsync(run, null, _ =>
        {
            switch (++batches)
            {
                case 3: crash.CancelAfter(TimeSpan.FromMilliseconds(1)); break;
                case 4: crash.Cancel(); break;
            }
        }, crash.Token));
        var stopped = await RunRowAsync(run);
        Assert.Equal(MigrationStatus.Running, stopped.Status);
        Assert.Equal(stopped.Cursor, stopped.Archived + stopped.Failed);
        Assert.InRange(stopped.Cursor, 30, 40);
        Assert.Equal(stopped.Archived, (await DocumentsAsync(org)).Count);

        Assert.Equal(MigrationSlice.Finished, await SmallBatches(10).RunAsync(run, null, null, default));
        var done = await RunRowAsync(run);
        Assert.Equal((MigrationStatus.Completed, 95L, 95L), (done.Status, done.Cursor, done.Archived + done.Failed));

        // Exactly the documents a clean run makes: every good record once, with the bytes the builder makes for it.
        var documents = await DocumentsAsync(org);
        Assert.Equal(done.Archived, documents.Count);
        var settings = new BuildSettings(Oid.Parse(org.Oid), done.Number, done.SourceSystem, Path.Combine(folder, "content"), new MigrationOptions(),
            TestPersonsOnly: false, CdaConstants.DefaultMaxDocumentBytes, TimeProvider.System);
        var mapping = MappingTable.Parse(File.ReadAllBytes(Path.Combine(folder, "mapping.csv")), CodeLists.Instance).Table!;
        var expected = LegacyMetadata.Open(folder).Read(0, default).Select(r => LegacyDocumentBuilder.Build(r, mapping, settings)).OfType<BuiltDocument>()
            .ToDictionary(b => b.Header.Id!.Root.Value, b => Convert.ToHexStringLower(b.Sha256));
        Assert.Equal(expected.OrderBy(e => e.Key), documents.ToDictionary(d => d.DocumentOid, d => d.Sha256Hex).OrderBy(e => e.Key));
        var failures = await app.WithDbAsync(db => db.Set<MigrationFailure>().Where(f => f.RunId == run).Select(f => f.Record).ToListAsync());
        Assert.Equal(failures.Distinct().Count(), failures.Count); // the rolled-back batch's failures were not recorded twice
        Assert.Equal(done.Failed, failures.Count);
    }

    [Fact]
    public async Task A_job_whose_node_died_half_way_is_taken_again_after_its_lease_and_finishes_the_run()
    {
        var (org, folder, _) = await ExportAsync(documents: 45);
        var (run, problems) = await app.WithScopeAsync(sp => sp.GetRequiredService<StartMigration>()
            .StartAsync(new Actor(null, null, []), org.Id, new StartRequest(folder, "effica", MigrationKind.Run), planJob: true, anyFolder: true, default));
        Assert.Empty(problems);
        // A node claimed the job, committed two batches and died: its job row stays Running until the lease ends.
        using var crash = new CancellationTokenSource();
        var batches = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SmallBatches(10).RunAsync(run!.Value, null, _ =>
        {
            if (++batches == 2) crash.Cancel();
        }, crash.Token));
        var jobKey = MigrationJob.Key(run!.Value, 1);
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE platform_job SET status = 'Running', locked_by = 'dead-node', locked_until = {DateTime.UtcNow.AddMinutes(-1)}, attempts = 1 WHERE idempotency_key = {jobKey}"));
        Assert.Equal(20L, (await RunRowAsync(run.Value)).Cursor);

        await app.RunJobsAsync();
        var done = await RunRowAsync(run.Value);
        Assert.Equal((MigrationStatus.Completed, 45L, 45L), (done.Status, done.Cursor, done.Archived));
        Assert.Equal(45, (await DocumentsAsync(org)).Count);
        var job = await app.WithDbAsync(db => db.Database.SqlQuery<string>($"SELECT status AS \"Value\" FROM platform_job WHERE idempotency_key = {jobKey}").SingleAsync());
        Assert.Equal("Succeeded", job);
    }

    [Fact]
    public async Task Vammaispalvelut_documents_get_their_end_from_the_recompute_planned_when_the_run_completes()
    {
        var (org, folder, _) = await ExportAsync(documents: 80);
        var run = await StartAsync(org, folder, MigrationKind.Run);
        await Runner.RunAsync(run, null, null, default);
        var disability = (await DocumentsAsync(org)).Where(d => d.ServiceTaskCode == "20").ToList();
        Assert.NotEmpty(disability);
        Assert.All(disability, d => Assert.Equal(("vammaispalvelut", (DateOnly?)null), (d.RetentionRule, d.RetentionEnd)));
        // Other rules got their end at once where the case is closed (the generator closes about two cases in three).
        Assert.Contains(await DocumentsAsync(org), d => d.ServiceTaskCode != "20" && d.RetentionEnd is not null);

        await app.RunJobsAsync();
        var cases = await app.WithDbAsync(db => db.Set<ArchiveCase>().AsNoTracking().Where(c => c.RegistrarOrgId == org.Id && c.ServiceTaskCode == "20").ToListAsync());
        var checkedEnds = new List<DateOnly?>();
        foreach (var person in (await DocumentsAsync(org)).Where(d => d.ServiceTaskCode == "20").GroupBy(d => d.PersonId))
        {
            // The rule: 10 years from the last closing of the client's Vammaispalvelut cases, none open.
            var exts = person.Select(d => d.CaseExt).ToHashSet();
            var own = cases.Where(c => exts.Contains(c.CaseExt)).ToList();
            if (own.Count != exts.Count) continue; // a document in a case opened under another service task: not this rule's plain case
            DateOnly? expected = own.All(c => c.ClosedOn is not null) ? own.Max(c => c.ClosedOn!.Value).AddYears(10) : null;
            Assert.All(person, d => Assert.Equal(expected, d.RetentionEnd));
            checkedEnds.Add(expected);
        }
        Assert.Contains(checkedEnds, e => e is not null);
        Assert.Contains(checkedEnds, e => e is null);
    }

    [Fact]
    public async Task A_duplicate_old_id_in_the_export_is_archived_once_and_listed_as_a_failure()
    {
        var (org, folder, _) = await ExportAsync(documents: 25);
        var lines = File.ReadAllLines(Path.Combine(folder, "metadata.csv")).ToList();
        lines.Add(lines[3]);      // in another batch
        lines.Insert(5, lines[4]); // in the same batch
        File.WriteAllLines(Path.Combine(folder, "metadata.csv"), lines);
        var run = await StartAsync(org, folder, MigrationKind.Run);
        await SmallBatches(10).RunAsync(run, null, null, default);
        var done = await RunRowAsync(run);
        Assert.Equal((25L, 2L), (done.Archived, done.Failed));
        var codes = await app.WithDbAsync(db => db.Set<MigrationFailure>().Where(f => f.RunId == run).Select(f => f.Codes).ToListAsync());
        Assert.Equal(["DUPLICATE_OLD_ID", "DUPLICATE_OLD_ID"], codes);
    }

    [Fact]
    public async Task A_changed_metadata_file_stops_a_resumed_run_instead_of_mixing_two_exports()
    {
        var (org, folder, _) = await ExportAsync(documents: 30);
        var run = await StartAsync(org, folder, MigrationKind.Run);
        using var crash = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SmallBatches(10).RunAsync(run, null, _ => crash.Cancel(), crash.Token));
        File.AppendAllText(Path.Combine(folder, "metadata.csv"), "EFF-X,010181-900C,Muistio-1,AIK,2012-01-01,,,,,1.2.3,,x.txt\n");
        await SmallBatches(10).RunAsync(run, null, null, default);
        var stopped = await RunRowAsync(run);
        Assert.Equal((MigrationStatus.Failed, "METADATA_CHANGED"), (stopped.Status, stopped.Problem));
    }

    [Fact]
    public void Every_kind_status_and_problem_of_a_run_has_a_text_in_finnish_swedish_and_english()
    {
        var catalog = app.Services.GetRequiredService<Vakka.Platform.Localisation.TextCatalog>();
        var keys = Enum.GetValues<MigrationKind>().Select(k => $"Archive.Migration.Kind.{k}")
            .Concat(Enum.GetValues<MigrationStatus>().Select(s => $"Archive.Migration.Status.{s}"))
            .Concat(new[] { "METADATA_MISSING", "METADATA_NOT_CSV", "METADATA_COLUMN_MISSING", "METADATA_CHANGED", "MAPPING_CHANGED", "METADATA_UNREADABLE",
                "REGISTRAR_UNKNOWN", "METADATA_LINE_INVALID", "OLD_ID_MISSING", "OLD_ID_TOO_LONG", "SOURCE_SYSTEM_TOO_LONG", "MAPPING_MISSING", "HETU_MISSING",
                "DATE_MISSING", "DATE_INVALID", "CASE_ID_MISSING", "CASE_ID_INVALID", "UNIT_OID_INVALID", "AUTHOR_ID_INVALID", "CONTENT_MISSING",
                "CONTENT_PATH_INVALID", "CONTENT_TYPE_UNSUPPORTED", "CONTENT_TOO_LARGE", "CONTENT_ENCODING_INVALID", "DOCUMENT_NOT_BUILT", "DUPLICATE_OLD_ID" }
                .Select(c => $"Archive.Migration.Problem.{c}"));
        var missing = keys.SelectMany(k => Vakka.Platform.Localisation.TextCatalog.Languages.Where(l => string.IsNullOrWhiteSpace(catalog.Find(k, l))).Select(l => $"{k} [{l}]")).ToList();
        Assert.True(missing.Count == 0, "Missing: " + string.Join(", ", missing));
    }

    private async Task<AppClient> ArchivistAsync(Organisation org, string language = "en")
    {
        var account = await TestData.PersonAsync(app, (Role.Archivist, Scope.Organisation(org.Id.Value)));
        return await AppClient.SignedInAsync(app, account.UserName!, language: language);
    }

    /// <summary>Posts the mapping form with a file, as a browser does (multipart, with the page's antiforgery token).</summary>
    private static async Task<HttpResponseMessage> UploadAsync(AppClient client, byte[] csv)
    {
        var page = await client.GetPageAsync("/archive/migration");
        var form = page.QuerySelector("[data-testid=mapping-form]") as IHtmlFormElement;
        var token = form!.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "Upload", "mapping.csv");
        return await client.Http.PostAsync(form.GetAttribute("action"), content);
    }

    /// <summary>Posts the start form with one of its two buttons (Dry run, Migrate), with the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> StartFormAsync(AppClient client, string handler, string folder, string? source = null)
    {
        var page = await client.GetPageAsync("/archive/migration");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Folder"] = folder, ["SourceSystem"] = source ?? "" };
        return await client.Http.PostAsync($"/archive/migration?handler={handler}", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task The_archivist_uploads_the_mapping_makes_a_dry_run_through_the_job_and_reads_its_report_in_finnish()
    {
        var (org, folder, name) = await ExportAsync(faulty: 0.2, importMapping: false);
        var archivist = await ArchivistAsync(org, "fi");
        var page = await archivist.GetPageAsync("/archive/migration");
        Assert.Equal("Muunnostaulukkoa ei ole vielä ladattu.", page.QuerySelector("[data-testid=mapping-state]")!.TextContent.Trim());
        Assert.Contains(name, page.QuerySelectorAll("#Folder option").Select(o => o.GetAttribute("value")));

        // A table with problems: every problem by line, in Finnish, and nothing stored.
        var bad = await UploadAsync(archivist, Encoding.UTF8.GetBytes("old_document_type,old_service,document_type_code,service_task_code,process_phase_code,retention_class_code,record_status_code\nMuistio,AIK,19005,15,,,\nMuistio,AIK,99999,15,,,\n"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var errors = (await AppClient.ParseAsync(bad)).QuerySelectorAll(".error-summary li").Select(e => e.TextContent.Trim()).ToList();
        Assert.Contains("Rivi 3: document_type_code: koodia ei ole koodistossa.", errors);
        Assert.Contains("Rivi 3: old_service: sama vanha tyyppi ja palvelu on taulukossa toiseen kertaan.", errors);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<MappingRow>().CountAsync(r => r.RegistrarOrgId == org.Id)));

        var good = await UploadAsync(archivist, File.ReadAllBytes(Path.Combine(folder, "mapping.csv")));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(390, await app.WithDbAsync(db => db.Set<MappingRow>().CountAsync(r => r.RegistrarOrgId == org.Id)));
        var download = await archivist.Http.GetAsync("/archive/migration?handler=Mapping");
        Assert.Equal(390, MappingTable.Parse(await download.Content.ReadAsByteArrayAsync(), CodeLists.Instance).Table!.Rows.Count);

        var started = await StartFormAsync(archivist, "DryRun", name, "effica");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var runUrl = started.Headers.Location!.ToString();
        var queued = await archivist.GetPageAsync(runUrl);
        Assert.Equal("Jonossa", queued.QuerySelector("[data-field=status]")!.TextContent.Trim());
        Assert.EndsWith("?handler=Progress", queued.QuerySelector("[data-progress-url]")!.GetAttribute("data-progress-url"));
        var busy = await AppClient.ParseAsync(await StartFormAsync(archivist, "Run", name));
        Assert.Contains("Rekisterinpitäjän toinen ajo on jonossa tai käynnissä. Odota, että se päättyy.", busy.QuerySelector(".error-summary")!.TextContent);

        await app.RunJobsAsync();
        var report = await archivist.GetPageAsync(runUrl);
        Assert.Equal("", report.QuerySelector("[data-progress-url]")!.GetAttribute("data-progress-url")); // finished: nothing to follow
        Assert.Equal("Valmis", report.QuerySelector("[data-field=status]")!.TextContent.Trim());
        var failed = long.Parse(report.QuerySelector("[data-testid=failed]")!.TextContent.Replace("\u00a0", "").Trim());
        Assert.True(failed > 0);
        Assert.Equal("Vanhalle asiakirjatyypille ja palvelulle ei ole muunnosta.",
            report.QuerySelector("[data-testid=reason-MAPPING_MISSING] td")!.TextContent.Trim());
        var progress = await archivist.Http.GetStringAsync(runUrl + "?handler=Progress");
        Assert.Contains("\"status\":\"Completed\"", progress);
        Assert.Contains("\"percent\":100", progress);
        Assert.Empty(await DocumentsAsync(org));
        var audit = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking()
            .Where(a => a.EventCode == "Archive.MigrationStart" && a.TargetIds.Contains(org.Id.Value.ToString())).Select(a => a.Outcome).ToListAsync());
        Assert.Equal([AuditOutcome.Success, AuditOutcome.Invalid], audit.Order()); // the dry run, and the refused run
    }

    [Fact]
    public async Task Only_the_registrars_archivists_see_its_migration_and_a_folder_outside_the_import_root_is_refused()
    {
        var (org, folder, _) = await ExportAsync(documents: 5);
        var run = await StartAsync(org, folder, MigrationKind.DryRun);
        var own = await ArchivistAsync(org);
        var other = await ArchivistAsync(await TestData.OrganisationAsync(app));
        var worker = await AppClient.SignedInAsync(app, (await TestData.PersonAsync(app, (Role.SocialWelfareProfessional, Scope.Organisation(org.Id.Value)))).UserName!);

        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/archive/migration/runs/{run}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/archive/migration/runs/{run}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/archive/migration/runs/{run}?handler=Failures")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/archive/migration")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AppClient.For(app).GetAsync("/archive/migration")).StatusCode);

        foreach (var path in new[] { "../" + Path.GetFileName(Path.GetDirectoryName(folder)), folder, "/etc" })
        {
            var refused = await AppClient.ParseAsync(await StartFormAsync(own, "DryRun", path));
            Assert.Contains("The export is not in the import folder.", refused.QuerySelector(".error-summary")!.TextContent);
        }
        var noMapping = await ArchivistAsync(await TestData.OrganisationAsync(app));
        var refusedRun = await AppClient.ParseAsync(await StartFormAsync(noMapping, "Run", Path.GetFileName(folder)));
        Assert.Contains("The mapping table has no rows.", refusedRun.QuerySelector(".error-summary")!.TextContent);
    }
}
