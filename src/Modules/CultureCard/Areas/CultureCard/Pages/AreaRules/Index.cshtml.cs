using Vakka.CultureCard.Access;
using Vakka.CultureCard.Audit;
using Vakka.CultureCard.Features.AreaRuleSettings;
using Vakka.Platform.Web;

// Not "…Pages.AreaRules": that namespace would hide the Domain type AreaRules from the module's other pages.
namespace Vakka.CultureCard.Areas.CultureCard.Pages.AreaRuleSettings;

public sealed class IndexModel(ListAreaRules list) : VakkaPageModel
{
    public IReadOnlyList<AreaRulesRow> Rows { get; private set; } = [];

    [Requires(CultureCardAction.ManageAreaRules), Audited(CultureCardAudit.AreaRulesRead)]
    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await list.HandleAsync(await ActorAsync(), ct);
        foreach (var row in Rows) Audit.Target(row.AreaId.Value);
    }
}
