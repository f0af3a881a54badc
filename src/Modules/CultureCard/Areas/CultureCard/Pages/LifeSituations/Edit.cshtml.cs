using Microsoft.AspNetCore.Mvc;
using Vakka.CultureCard.Access;
using Vakka.CultureCard.Audit;
using Vakka.CultureCard.Features.LifeSituations;
using Vakka.Platform.Web;

namespace Vakka.CultureCard.Areas.CultureCard.Pages.LifeSituations;

public sealed class EditModel(GetLifeSituation get, UpdateLifeSituation update) : LifeSituationPage
{
    /// <summary>The entry as stored (its code, which never changes, and its name for the heading).</summary>
    public LifeSituationRow Entry { get; private set; } = default!;

    [Requires(CultureCardAction.ManageLifeSituations), NoAudit("a code list entry, no personal data")]
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } found) return NotFound();
        (Input, Entry) = found;
        return Page();
    }

    [Requires(CultureCardAction.ManageLifeSituations), Audited(CultureCardAudit.LifeSituationUpdate)]
    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } found) return NotFound();
        Entry = found.Row;
        var updated = await update.HandleAsync(id, Input, ct);
        // The handler checks every field (the annotations only mark them required): its messages replace theirs.
        if (!updated.IsOk) ModelState.Clear();
        if (Failure(updated) is { } failed) return failed;
        Flash = "Common.Saved";
        return Redirect("/culturecard/lifesituations");
    }
}
