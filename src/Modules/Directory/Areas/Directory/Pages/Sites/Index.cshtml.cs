using Microsoft.AspNetCore.Mvc;
using Vakka.Directory.Access;
using Vakka.Directory.Audit;
using Vakka.Directory.Domain;
using Vakka.Directory.Features.Areas;
using Vakka.Directory.Features.Sites;
using Vakka.Platform.Ids;
using Vakka.Platform.Web;

namespace Vakka.Directory.Areas.Directory.Pages.Sites;

public sealed class IndexModel(ListSites list, ListAreas areas) : VakkaPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public SiteType? Type { get; set; }
    /// <summary>Not "area": that is the Razor Pages area route value, which would win over the query string.</summary>
    [BindProperty(SupportsGet = true)] public AreaId? AreaId { get; set; }
    [BindProperty(SupportsGet = true)] public bool Inactive { get; set; }
    public IReadOnlyList<SiteRow> Rows { get; private set; } = [];
    public IReadOnlyList<(AreaId Id, string Name)> Areas { get; private set; } = [];
    public bool CanCreate { get; private set; }

    [Requires(DirectoryAction.ViewSites), Audited(DirectoryAudit.SiteList)]
    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = await ActorAsync();
        Rows = await list.HandleAsync(actor, new ListSites.Query(Q, Type, AreaId, Inactive), ct);
        Areas = await areas.ChoicesAsync(actor, ct);
        CanCreate = (await PermittedAsync(null, DirectoryAction.CreateSite)).Count > 0;
        foreach (var row in Rows) Audit.Target(row.Id.Value);
    }
}
