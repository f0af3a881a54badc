using Microsoft.AspNetCore.Mvc;
using Vakka.CultureCard.Access;
using Vakka.CultureCard.Audit;
using Vakka.CultureCard.Features.Desk;
using Vakka.Platform.Web;

namespace Vakka.CultureCard.Areas.CultureCard.Pages.Desk;

/// <summary>Today's Kaikukortti tickets at the venue, per event; the desk's script refreshes the table every few seconds.</summary>
public sealed class TodayModel(TodayCounts counts) : DeskPageModel
{
    public DeskSite Desk { get; private set; } = default!;
    public TodayView View { get; private set; } = default!;

    [Requires(CultureCardAction.UseDesk), Audited(CultureCardAudit.TodayRead)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    [Requires(CultureCardAction.UseDesk), NoAudit("ticket counts of the venue's own events; no card or person is named")]
    public async Task<IActionResult> OnGetCountsAsync(CancellationToken ct) =>
        await LoadAsync(ct) ?? Partial("_TodayCounts", View);

    /// <summary>Loads the counts; the refusal instead when there is no desk.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var (desk, refusal) = await DeskAsync(CultureCardAction.UseDesk, ct);
        if (desk is null) return refusal;
        Desk = desk;
        View = await counts.HandleAsync(desk, ct);
        return null;
    }
}
