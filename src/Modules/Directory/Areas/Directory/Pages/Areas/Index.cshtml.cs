using Vakka.Directory.Access;
using Vakka.Directory.Audit;
using Vakka.Directory.Features.Areas;
using Vakka.Platform.Web;

namespace Vakka.Directory.Areas.Directory.Pages.Areas;

public sealed class IndexModel(ListAreas list) : VakkaPageModel
{
    public IReadOnlyList<AreaRow> Rows { get; private set; } = [];
    public bool CanCreate { get; private set; }
    public bool CanUpdate { get; private set; }

    [Requires(DirectoryAction.ViewAreas), Audited(DirectoryAudit.AreaList)]
    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await list.HandleAsync(await ActorAsync(), ct);
        foreach (var row in Rows) Audit.Target(row.Id.Value);
        var permitted = await PermittedAsync(null, DirectoryAction.CreateArea, DirectoryAction.UpdateArea);
        CanCreate = permitted.Contains(DirectoryAction.CreateArea);
        CanUpdate = permitted.Contains(DirectoryAction.UpdateArea);
    }
}
