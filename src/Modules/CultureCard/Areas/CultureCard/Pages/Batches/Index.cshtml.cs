using Microsoft.AspNetCore.Mvc;
using Vakka.CultureCard.Access;
using Vakka.CultureCard.Audit;
using Vakka.CultureCard.Features.Batches;
using Vakka.Platform;
using Vakka.Platform.Ids;
using Vakka.Platform.Web;

namespace Vakka.CultureCard.Areas.CultureCard.Pages.Batches;

public sealed class IndexModel(ListBatches list) : VakkaPageModel
{
    /// <summary>The area filter. Not named "area": that is the route value of the Razor area ("CultureCard"), bound first.</summary>
    [BindProperty(SupportsGet = true)] public AreaId? AreaId { get; set; }
    public IReadOnlyList<BatchRow> Rows { get; private set; } = [];
    public IReadOnlyList<AreaInfo> Areas { get; private set; } = [];

    [Requires(CultureCardAction.ManageBatches), Audited(CultureCardAudit.BatchList)]
    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await list.HandleAsync(AreaId, ct);
        Areas = await list.AreasAsync(ct);
        foreach (var row in Rows) Audit.Target(row.Id.Value);
    }
}
