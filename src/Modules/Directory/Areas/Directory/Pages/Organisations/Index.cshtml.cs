using Microsoft.AspNetCore.Mvc;
using Vakka.Directory.Access;
using Vakka.Directory.Audit;
using Vakka.Directory.Features.Organisations;
using Vakka.Platform.Web;

namespace Vakka.Directory.Areas.Directory.Pages.Organisations;

public sealed class IndexModel(ListOrganisations list) : VakkaPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public IReadOnlyList<OrganisationRow> Rows { get; private set; } = [];
    public bool CanCreate { get; private set; }
    public bool CanUpdate { get; private set; }

    [Requires(DirectoryAction.ViewOrganisations), Audited(DirectoryAudit.OrganisationList)]
    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await list.HandleAsync(Q, ct);
        foreach (var row in Rows) Audit.Target(row.Id.Value);
        var permitted = await PermittedAsync(null, DirectoryAction.CreateOrganisation, DirectoryAction.UpdateOrganisation);
        CanCreate = permitted.Contains(DirectoryAction.CreateOrganisation);
        CanUpdate = permitted.Contains(DirectoryAction.UpdateOrganisation);
    }
}
