using Microsoft.AspNetCore.Mvc;
using Vakka.CultureCard.Access;
using Vakka.CultureCard.Audit;
using Vakka.CultureCard.Features.Network;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Ids;
using Vakka.Platform.Web;

namespace Vakka.CultureCard.Areas.CultureCard.Pages.Network;

/// <summary>The area coordinator's view of the network; the national coordinator chooses any area.</summary>
public sealed class IndexModel(NetworkOverview overview, ISiteDirectory sites, AccessControl access) : VakkaPageModel
{
    [BindProperty(SupportsGet = true)] public AreaId? AreaId { get; set; }
    public IReadOnlyList<AreaInfo> Areas { get; private set; } = [];
    public NetworkArea? Network { get; private set; }

    [Requires(CultureCardAction.ViewNetwork), Audited(CultureCardAudit.NetworkRead)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await ActorAsync();
        var all = await sites.AreasAsync(ct);
        var mine = new List<AreaInfo>();
        foreach (var a in all.Where(a => a.IsActive))
            if (await access.HasAsync(actor, CultureCardAction.ViewNetwork, a.Id.Value, ct)) mine.Add(a);
        Areas = mine;
        var chosen = AreaId is { } id ? mine.FirstOrDefault(a => a.Id == id) : mine.FirstOrDefault();
        if (chosen is null) return AreaId is null ? Page() : StatusCode(403);
        AreaId = chosen.Id;
        Audit.Target(chosen.Id.Value);
        Network = await overview.HandleAsync(chosen.Id, ct);
        return Page();
    }
}
