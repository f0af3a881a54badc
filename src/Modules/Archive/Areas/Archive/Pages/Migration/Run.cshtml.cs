using Microsoft.AspNetCore.Mvc;
using Vakka.Archive.Access;
using Vakka.Archive.Audit;
using Vakka.Archive.Domain;
using Vakka.Archive.Features.Migration;
using Vakka.Platform.Web;

namespace Vakka.Archive.Areas.Archive.Pages.Migration;

/// <summary>
/// /archive/migration/runs/{id}: one dry run or run. Its progress (a progress bar that follows the job while it works),
/// the failure reasons with their counts, the report per old document type and service with the target, the first
/// failures, and every failure as CSV. Never a henkilötunnus: failures name the record and the old id.
/// </summary>
public sealed class RunModel(MigrationReports reports) : VakkaPageModel
{
    public RunReport? Report { get; private set; }

    [Requires(ArchiveAction.MigrateLegacy, Target = "id"), Audited(ArchiveAudit.MigrationRead)]
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Audit.Target(id);
        Report = await reports.ReportAsync(new MigrationRunId(id), ct);
        return Report is null ? NotFound() : Page();
    }

    /// <summary>The counters as JSON, for the progress bar while the run works (every 2 s).</summary>
    [Requires(ArchiveAction.MigrateLegacy, Target = "id"), NoAudit("counters of a run: no documents and no personal data")]
    public async Task<IActionResult> OnGetProgressAsync(Guid id, CancellationToken ct) =>
        await reports.SummaryAsync(new MigrationRunId(id), ct) is { } run
            ? new JsonResult(new { status = run.Status.ToString(), run.Total, run.Done, run.Archived, run.Skipped, run.Failed, run.Percent, problem = run.Problem })
            : NotFound();

    [Requires(ArchiveAction.MigrateLegacy, Target = "id"), Audited(ArchiveAudit.MigrationFailuresExport)]
    public async Task<IActionResult> OnGetFailuresAsync(Guid id, CancellationToken ct)
    {
        Audit.Target(id);
        if (await reports.SummaryAsync(new MigrationRunId(id), ct) is not { } run) return NotFound();
        return File(await reports.FailuresCsvAsync(new MigrationRunId(id), ct), "text/csv; charset=utf-8", $"migration-{run.Number}-failures.csv");
    }
}
