using Microsoft.AspNetCore.Mvc;
using Vakka.Directory.Access;
using Vakka.Directory.Audit;
using Vakka.Directory.Features.Areas;
using Vakka.Directory.Features.Organisations;
using Vakka.Directory.Features.Sites;
using Vakka.Platform.Ids;
using Vakka.Platform.Web;

namespace Vakka.Directory.Areas.Directory.Pages.Sites;

public sealed class EditModel(GetSite get, UpdateSite update, ListOrganisations organisations, ListAreas areas) : SiteFormPage(organisations, areas)
{
    public SiteId Id { get; private set; }

    [Requires(DirectoryAction.UpdateSite, Target = "id"), Audited(DirectoryAudit.SiteRead)]
    public async Task<IActionResult> OnGetAsync(SiteId id, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } site) return NotFound();
        Id = id;
        Input = site.Form;
        await LoadChoicesAsync(ct);
        return Page();
    }

    [Requires(DirectoryAction.UpdateSite, Target = "id"), Audited(DirectoryAudit.SiteUpdate)]
    public async Task<IActionResult> OnPostAsync(SiteId id, CancellationToken ct)
    {
        Id = id;
        await LoadChoicesAsync(ct);
        if (!ModelState.IsValid) return Page();
        if (Failure(await update.HandleAsync(await ActorAsync(), id, Input, ct)) is { } failed) return failed;
        Flash = "Common.Saved";
        return Redirect($"/directory/sites/details/{id}");
    }
}
