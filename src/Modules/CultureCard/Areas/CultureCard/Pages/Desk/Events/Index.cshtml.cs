using Microsoft.AspNetCore.Mvc;
using Vakka.CultureCard.Access;
using Vakka.CultureCard.Audit;
using Vakka.CultureCard.Features.Desk;
using Vakka.CultureCard.Features.Events;
using Vakka.Platform.Web;

namespace Vakka.CultureCard.Areas.CultureCard.Pages.Desk.Events;

public sealed class IndexModel(ListEvents list) : DeskPageModel
{
    [BindProperty(SupportsGet = true)] public bool Past { get; set; }
    public DeskSite Desk { get; private set; } = default!;
    public IReadOnlyList<EventRow> Rows { get; private set; } = [];

    [Requires(CultureCardAction.ManageEvents), Audited(CultureCardAudit.EventList)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (desk, refusal) = await DeskAsync(CultureCardAction.ManageEvents, ct);
        if (desk is null) return refusal;
        Desk = desk;
        Rows = await list.HandleAsync(desk, Past, ct);
        return Page();
    }
}
