using Microsoft.AspNetCore.Mvc;
using Vakka.CultureCard.Access;
using Vakka.CultureCard.Audit;
using Vakka.CultureCard.Features.LifeSituations;
using Vakka.Platform.Web;

namespace Vakka.CultureCard.Areas.CultureCard.Pages.LifeSituations;

public sealed class CreateModel(AddLifeSituation add) : LifeSituationPage
{
    [Requires(CultureCardAction.ManageLifeSituations), NoAudit("an empty form")]
    public void OnGet() { }

    [Requires(CultureCardAction.ManageLifeSituations), Audited(CultureCardAudit.LifeSituationUpdate)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var added = await add.HandleAsync(Input, ct);
        // The handler checks every field (the annotations only mark them required): its messages replace theirs.
        if (!added.IsOk) ModelState.Clear();
        if (Failure(added) is { } failed) return failed;
        Flash = "Common.Saved";
        return Redirect("/culturecard/lifesituations");
    }
}
