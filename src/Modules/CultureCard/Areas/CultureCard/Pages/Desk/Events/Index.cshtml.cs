using Microsoft.AspNetCore.Mvc;
using Vakka.CultureCard.Access;
using Vakka.CultureCard.Audit;
using Vakka.CultureCard.Features.Desk;
using Vakka.CultureCard.Features.Events;
using Vakka.Platform.Web;

namespace Vakka.CultureCard.Areas.CultureCard.Pages.Desk.Events;

public sealed class IndexModel(DeskSites desks, ListEvents list) : VakkaPageModel
{
    [BindProperty(SupportsGet = true)] public bool Past { get; set; }
    public DeskSite Desk { get; private set; } = default!;
    public IReadOnlyList<EventRow> Rows { get; private set; } = [];

    [Requires(CultureCardAction.ManageEvents), Audited(CultureCardAudit.EventList)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await desks.OfAsync(await ActorAsync(), CultureCardAction.ManageEvents, ct) is not { } desk) return StatusCode(403);
        Desk = desk;
        Audit.Target(desk.Id.Value);
        Rows = await list.HandleAsync(desk, Past, ct);
        return Page();
    }
}
