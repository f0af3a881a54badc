using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Vakka.CultureCard.Access;
using Vakka.CultureCard.Audit;
using Vakka.CultureCard.Features.Batches;
using Vakka.Platform.Audit;
using Vakka.Platform.Results;
using Vakka.Platform.Web;

namespace Vakka.CultureCard.Areas.CultureCard.Pages.Batches;

/// <summary>Import an old local card-ID series: "Check" reports each line, "Import" also saves the accepted ones.</summary>
public sealed class LegacyModel(ImportLegacyCodes import, ListBatches list) : VakkaPageModel
{
    [BindProperty] public LegacyImportForm Input { get; set; } = new();
    public IReadOnlyList<SelectListItem> Areas { get; private set; } = [];
    public LegacyReport? Report { get; private set; }
    public bool Checked { get; private set; }

    [Requires(CultureCardAction.ManageBatches), NoAudit("an empty form")]
    public async Task OnGetAsync(CancellationToken ct) => await LoadAreasAsync(ct);

    [Requires(CultureCardAction.ManageBatches), NoAudit("checks a list of old card IDs against the registry; saves nothing and reads no personal data")]
    public Task<IActionResult> OnPostCheckAsync(CancellationToken ct) => RunAsync(save: false, ct);

    [Requires(CultureCardAction.ManageBatches), Audited(CultureCardAudit.LegacyImport)]
    public Task<IActionResult> OnPostAsync(CancellationToken ct) => RunAsync(save: true, ct);

    private async Task<IActionResult> RunAsync(bool save, CancellationToken ct)
    {
        await LoadAreasAsync(ct);
        var file = await ImportLegacyCodes.ReadFileAsync(Input.File, ct);
        var result = file.IsOk ? await import.HandleAsync(Input, file.Value, await ActorAsync(), save, ct) : Result<LegacyReport>.From(file);
        // The handler checks every field (the annotations only mark them required): its messages replace theirs.
        if (!result.IsOk) ModelState.Clear();
        if (Failure(result) is { } failed) return failed;

        Report = result.Value;
        Checked = !save;
        var listField = file.Value is null ? "Input.Codes" : "Input.File";
        if (save && Report.AcceptedCount == 0)
        {
            ModelState.AddModelError(listField, Texts["CultureCard.Batches.Legacy.NothingAccepted"]);
            Audit.Outcome(AuditOutcome.Invalid);
        }
        if (Report.Saved)
        {
            // What was saved is done; the refused lines stay in the field to be fixed and imported again.
            ModelState.Remove("Input.Codes");
            ModelState.Remove("Input.HasHeading");
            Input.Codes = string.Join("\n", Report.Lines.Where(l => !l.Accepted).Select(l => l.Text));
            Input.HasHeading = false;
        }
        else if (file.Value is not null)
        {
            // The browser does not send a file back: its lines go into the field, ready to be fixed and imported.
            ModelState.Remove("Input.Codes");
            Input.Codes = file.Value.ReplaceLineEndings("\n").TrimStart('\uFEFF');
        }
        return Page();
    }

    private async Task LoadAreasAsync(CancellationToken ct) =>
        Areas = (await list.AreasAsync(ct)).Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToList();
}
