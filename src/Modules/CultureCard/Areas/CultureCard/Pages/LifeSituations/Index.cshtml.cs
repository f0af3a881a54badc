using Vakka.CultureCard.Access;
using Vakka.CultureCard.Audit;
using Vakka.CultureCard.Features.LifeSituations;
using Vakka.Platform.Web;

namespace Vakka.CultureCard.Areas.CultureCard.Pages.LifeSituations;

public sealed class IndexModel(ListLifeSituations list) : VakkaPageModel
{
    public IReadOnlyList<LifeSituationRow> Rows { get; private set; } = [];

    [Requires(CultureCardAction.ManageLifeSituations), Audited(CultureCardAudit.LifeSituationList)]
    public async Task OnGetAsync(CancellationToken ct) => Rows = await list.HandleAsync(ct);
}
