using Microsoft.AspNetCore.Mvc;
using Vakka.Directory.Access;
using Vakka.Directory.Audit;
using Vakka.Directory.Features.Sites;
using Vakka.Platform.Ids;
using Vakka.Platform.Results;
using Vakka.Platform.Web;

namespace Vakka.Directory.Areas.Directory.Pages.Sites;

public sealed class DetailsModel(GetSite get, SetSiteActive setActive) : VakkaPageModel
{
    public SiteDetails? Site { get; private set; }
    public bool CanUpdate { get; private set; }
    public bool CanDeactivate { get; private set; }
    public bool CanCreateAccount { get; private set; }
    public bool CanViewAccounts { get; private set; }

    [Requires(DirectoryAction.ViewSite, Target = "id"), Audited(DirectoryAudit.SiteRead)]
    public async Task<IActionResult> OnGetAsync(SiteId id, CancellationToken ct)
    {
        Site = await get.HandleAsync(id, ct);
        if (Site is null) return NotFound();
        var permitted = await PermittedAsync(id.Value, DirectoryAction.UpdateSite, DirectoryAction.DeactivateSite, DirectoryAction.CreateSiteAccount);
        CanUpdate = permitted.Contains(DirectoryAction.UpdateSite);
        CanDeactivate = permitted.Contains(DirectoryAction.DeactivateSite);
        CanCreateAccount = permitted.Contains(DirectoryAction.CreateSiteAccount);
        CanViewAccounts = (await PermittedAsync(null, DirectoryAction.ViewAccounts)).Count > 0;
        return Page();
    }

    [Requires(DirectoryAction.DeactivateSite, Target = "id"), Audited(DirectoryAudit.SiteDeactivate)]
    public Task<IActionResult> OnPostDeactivateAsync(SiteId id, CancellationToken ct) => SetActiveAsync(id, false, ct);

    [Requires(DirectoryAction.DeactivateSite, Target = "id"), Audited(DirectoryAudit.SiteActivate)]
    public Task<IActionResult> OnPostActivateAsync(SiteId id, CancellationToken ct) => SetActiveAsync(id, true, ct);

    private async Task<IActionResult> SetActiveAsync(SiteId id, bool active, CancellationToken ct)
    {
        if ((await setActive.HandleAsync(id, active, ct)).Kind == ResultKind.NotFound) return NotFound();
        Flash = active ? "Common.Activated" : "Common.Deactivated";
        return Redirect($"/directory/sites/details/{id}");
    }
}
