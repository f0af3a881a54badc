using Microsoft.AspNetCore.Mvc;
using Vakka.CultureCard.Access;
using Vakka.CultureCard.Audit;
using Vakka.CultureCard.Features.Desk;
using Vakka.Platform.Web;

namespace Vakka.CultureCard.Areas.CultureCard.Pages.Desk;

/// <summary>Today's Kaikukortti tickets at the venue, per event; the desk's script refreshes the table every few seconds.</summary>
public sealed class TodayModel(DeskSites desks, TodayCounts counts) : VakkaPageModel
{
    public DeskSite Desk { get; private set; } = default!;
    public TodayView View { get; private set; } = default!;

    [Requires(CultureCardAction.UseDesk), Audited(CultureCardAudit.TodayRead)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return StatusCode(403);
        Audit.Target(Desk.Id.Value);
        return Page();
    }

    [Requires(CultureCardAction.UseDesk), NoAudit("ticket counts of the venue's own events; no card or person is named")]
    public async Task<IActionResult> OnGetCountsAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Partial("_TodayCounts", View) : StatusCode(403);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await desks.OfAsync(await ActorAsync(), CultureCardAction.UseDesk, ct) is not { } desk) return false;
        Desk = desk;
        View = await counts.HandleAsync(desk, ct);
        return true;
    }
}
