using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Vakka.Archive.Access;
using Vakka.Archive.Audit;
using Vakka.Archive.Domain;
using Vakka.Archive.Features.Documents;
using Vakka.Archive.Features.Migration;
using Vakka.Archive.Features.Retention;
using Vakka.Platform;
using Vakka.Platform.Audit;
using Vakka.Platform.Ids;
using Vakka.Platform.Web;

namespace Vakka.Archive.Areas.Archive.Pages.Migration;

/// <summary>
/// /archive/migration: the registrar's legacy migration. The mapping table (download, upload as CSV: checked as a
/// whole), the source folders the import root offers with a dry run or a run for each, and the runs with their
/// progress. Browsers pick a folder by name; they never send a path.
/// </summary>
public sealed class IndexModel(ImportMapping mappings, StartMigration starter, MigrationReports reports, IOrganisationDirectory organisations) : VakkaPageModel
{
    [BindProperty(SupportsGet = true)] public string? Registrar { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Folder { get; set; }
    [BindProperty] public string? SourceSystem { get; set; }

    public string RegistrarName { get; private set; } = "";
    public int MappingRows { get; private set; }
    internal MappingImport? Imported { get; private set; }
    public IReadOnlyList<string> Folders { get; private set; } = [];
    public IReadOnlyList<RunSummary> Runs { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public string ImportRoot => starter.ImportRootName;

    [Requires(ArchiveAction.MigrateLegacy), Audited(ArchiveAudit.MigrationRead)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await RegistrarAsync(ct) is { } org ? await LoadAsync(org, ct) : StatusCode(StatusCodes.Status403Forbidden);

    [Requires(ArchiveAction.MigrateLegacy), Audited(ArchiveAudit.MappingExport)]
    public async Task<IActionResult> OnGetMappingAsync(CancellationToken ct)
    {
        if (await RegistrarAsync(ct) is not { } org) return StatusCode(StatusCodes.Status403Forbidden);
        var table = await mappings.CurrentAsync(org, ct);
        return File(System.Text.Encoding.UTF8.GetBytes(table.ToCsv()), "text/csv; charset=utf-8", "mapping.csv");
    }

    [Requires(ArchiveAction.MigrateLegacy), Audited(ArchiveAudit.MappingImport)]
    public async Task<IActionResult> OnPostMappingAsync(CancellationToken ct)
    {
        if (await RegistrarAsync(ct) is not { } org) return StatusCode(StatusCodes.Status403Forbidden);
        if (Upload is not { Length: > 0 } file) return await RefusedAsync(org, [new MigrationProblem("MAPPING_FILE_MISSING")], ct);
        if (file.Length > MappingTable.MaxBytes) return await RefusedAsync(org, [new MigrationProblem("MAPPING_TOO_LARGE")], ct);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var (table, problems) = await mappings.ImportAsync(await ActorAsync(), org, buffer.ToArray(), ct);
        if (table is null) return await RefusedAsync(org, problems, ct);
        Flash = "Archive.Migration.MappingImported";
        return Redirect(Here());
    }

    [Requires(ArchiveAction.MigrateLegacy), Audited(ArchiveAudit.MigrationStart)]
    public Task<IActionResult> OnPostDryRunAsync(CancellationToken ct) => StartAsync(MigrationKind.DryRun, ct);

    [Requires(ArchiveAction.MigrateLegacy), Audited(ArchiveAudit.MigrationStart)]
    public Task<IActionResult> OnPostRunAsync(CancellationToken ct) => StartAsync(MigrationKind.Run, ct);

    private async Task<IActionResult> StartAsync(MigrationKind kind, CancellationToken ct)
    {
        if (await RegistrarAsync(ct) is not { } org) return StatusCode(StatusCodes.Status403Forbidden);
        var (run, problems) = await starter.StartAsync(await ActorAsync(), org, new StartRequest(Folder, SourceSystem, kind), planJob: true, anyFolder: false, ct);
        if (run is not { } id) return await RefusedAsync(org, problems, ct);
        return Redirect($"/archive/migration/runs/{id}");
    }

    /// <summary>The archivist's registrar: the one named (?registrar=OID, if theirs), or their only one.</summary>
    private async Task<OrganisationId?> RegistrarAsync(CancellationToken ct)
    {
        var (org, refusal) = await RegistrarChoice.ChooseAsync(organisations, Destruction.ArchivistOrganisations(await ActorAsync()), Registrar, ct);
        if (refusal is not null) return null;
        Audit.Target(org.Value);
        return org;
    }

    private async Task<IActionResult> RefusedAsync(OrganisationId org, IReadOnlyList<MigrationProblem> problems, CancellationToken ct)
    {
        Problems = [.. problems.Take(50).Select(p => ImportMapping.Message(p, Texts))];
        foreach (var problem in Problems) ModelState.AddModelError("", problem);
        Audit.Outcome(AuditOutcome.Invalid);
        Response.StatusCode = ImportMapping.StatusOf(problems);
        return await LoadAsync(org, ct);
    }

    private async Task<IActionResult> LoadAsync(OrganisationId org, CancellationToken ct)
    {
        RegistrarName = (await organisations.GetAsync(org, ct))?.Name ?? "";
        MappingRows = (await mappings.CurrentAsync(org, ct)).Rows.Count;
        Imported = await mappings.ImportedAsync(org, ct);
        Folders = starter.Folders();
        Runs = await reports.RunsAsync(org, ct);
        return Page();
    }

    private string Here() => "/archive/migration" + (Registrar is null ? "" : "?registrar=" + Uri.EscapeDataString(Registrar));
}
