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
        if (!ModelState.IsValid) return Page();
        if (Failure(await add.HandleAsync(Input, ct)) is { } failed) return failed;
        Flash = "Common.Saved";
        return Redirect("/culturecard/lifesituations");
    }
}
