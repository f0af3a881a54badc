using Microsoft.AspNetCore.Mvc;
using Vakka.CultureCard.Access;
using Vakka.CultureCard.Audit;
using Vakka.CultureCard.Features.AreaRuleSettings;
using Vakka.Platform.Ids;
using Vakka.Platform.Web;

namespace Vakka.CultureCard.Areas.CultureCard.Pages.AreaRuleSettings;

public sealed class EditModel(GetAreaRules get, UpdateAreaRules update) : VakkaPageModel
{
    [BindProperty] public AreaRulesForm Input { get; set; } = new();
    public string AreaName { get; private set; } = "";

    [Requires(CultureCardAction.ManageAreaRules, Target = "areaId"), Audited(CultureCardAudit.AreaRulesRead)]
    public async Task<IActionResult> OnGetAsync(AreaId areaId, CancellationToken ct)
    {
        if (await get.HandleAsync(areaId, ct) is not { } found) return NotFound();
        AreaName = found.Area.Name;
        Input = found.Form;
        return Page();
    }

    [Requires(CultureCardAction.ManageAreaRules, Target = "areaId"), Audited(CultureCardAudit.AreaRulesUpdate)]
    public async Task<IActionResult> OnPostAsync(AreaId areaId, CancellationToken ct)
    {
        if (await get.HandleAsync(areaId, ct) is not { } found) return NotFound();
        AreaName = found.Area.Name;
        var updated = await update.HandleAsync(areaId, Input, ct);
        // The handler checks every field (the annotations only mark them required): its messages replace theirs.
        if (!updated.IsOk) ModelState.Clear();
        if (Failure(updated) is { } failed) return failed;
        Flash = "Common.Saved";
        return Redirect("/culturecard/arearules");
    }
}
