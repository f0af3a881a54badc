using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Vakka.Archive.Access;
using Vakka.Archive.Audit;
using Vakka.Archive.Features.Documents;
using Vakka.Archive.Features.Statistics;
using Vakka.Platform.Audit;
using Vakka.Platform.Web;

namespace Vakka.Archive.Areas.Archive.Pages.Reconciliation;

/// <summary>
/// /archive/reconciliation: an archivist uploads or pastes what a source system reports (group,count,hash per day or
/// per client) and sees the differences. The CSV is posted, never in a URL; client groups are shown masked; the audit
/// row names the registrar only.
/// </summary>
public sealed class IndexModel(Features.Statistics.Reconciliation reconciliation) : VakkaPageModel
{
    /// <summary>The largest upload read (16 MiB: about 100,000 lines).</summary>
    private const long MaxUploadBytes = 16 * 1024 * 1024;

    [BindProperty(SupportsGet = true)] public string? Registrar { get; set; }
    [BindProperty] public string By { get; set; } = "day";
    [BindProperty] public string? Csv { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public ReconciliationReport? Report { get; private set; }

    [Requires(ArchiveAction.Reconcile), NoAudit("the empty form: it reads nothing from the archive")]
    public IActionResult OnGet() => Page();

    [Requires(ArchiveAction.Reconcile), Audited(ArchiveAudit.ReconciliationRun)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var by = By == "client" ? ReconcileBy.Client : ReconcileBy.Day;
        var text = Csv ?? "";
        if (Upload is { Length: > 0 } file)
        {
            if (file.Length > MaxUploadBytes) return Invalid("Archive.Recon.Error.TooLarge");
            using var reader = new StreamReader(file.OpenReadStream());
            text = await reader.ReadToEndAsync(ct);
        }
        var (groups, problems) = Features.Statistics.Reconciliation.Parse(text, by);
        if (problems.Count > 0)
        {
            foreach (var p in problems) ModelState.AddModelError(nameof(Csv), Texts["Archive.Recon.Error.Line", p.Line, Texts[p.Key]]);
            Audit.Outcome(AuditOutcome.Invalid);
            return Page();
        }
        var outcome = await reconciliation.RunAsync(await ActorAsync(), Registrar, by, groups, ct);
        if (outcome.Value is not { } report)
        {
            foreach (var error in outcome.Errors) ModelState.AddModelError("", ArchiveProblems.Message(error, Texts));
            Audit.Outcome(AuditOutcome.Invalid);
            return StatusCode(outcome.Status);
        }
        Report = report;
        Csv = null; // a client CSV holds henkilötunnus values: not echoed back
        return Page();
    }

    private IActionResult Invalid(string key)
    {
        ModelState.AddModelError(nameof(Upload), Texts[key]);
        Audit.Outcome(AuditOutcome.Invalid);
        return Page();
    }

    /// <summary>A group as the page shows it: a day as it is, a client masked.</summary>
    public string Group(string group) => Report?.By == ReconcileBy.Client ? ArchivePageTexts.Masked(group) : group;
}
