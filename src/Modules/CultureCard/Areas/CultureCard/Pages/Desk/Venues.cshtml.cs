using Microsoft.AspNetCore.Mvc;
using Vakka.CultureCard.Access;
using Vakka.CultureCard.Features.Desk;
using Vakka.Platform;
using Vakka.Platform.Web;

namespace Vakka.CultureCard.Areas.CultureCard.Pages.Desk;

/// <summary>A ticket intermediary chooses which served venue's desk to work (a venue's own account goes to its desk).</summary>
public sealed class VenuesModel(DeskSites desks) : VakkaPageModel
{
    public IReadOnlyList<SiteInfo> Venues { get; private set; } = [];

    [Requires(CultureCardAction.UseDesk), NoAudit("the names of the venues the intermediary serves; no card or person is named")]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var choice = await desks.ChooseAsync(await ActorAsync(), CultureCardAction.UseDesk, null, ct);
        if (!choice.IsIntermediary) return choice.Desk is not null ? Redirect("/culturecard/desk") : StatusCode(403);
        Venues = choice.Venues;
        return Page();
    }
}
