using Microsoft.AspNetCore.Mvc;
using Vakka.Directory.Access;
using Vakka.Directory.Audit;
using Vakka.Directory.Features.Areas;
using Vakka.Directory.Features.Organisations;
using Vakka.Directory.Features.Sites;
using Vakka.Platform.Ids;
using Vakka.Platform.Web;

namespace Vakka.Directory.Areas.Directory.Pages.Sites;

public sealed class CreateModel(CreateSite create, ListOrganisations organisations, ListAreas areas) : SiteFormPage(organisations, areas)
{
    [Requires(DirectoryAction.CreateSite), NoAudit("an empty form")]
    public async Task OnGetAsync(AreaId? areaId, OrganisationId? organisation, CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        Input.AreaId = areaId ?? (Areas.Count == 1 ? AreaId.Parse(Areas[0].Value, null) : null);
        Input.OrganisationId = organisation;
    }

    [Requires(DirectoryAction.CreateSite), Audited(DirectoryAudit.SiteCreate)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        if (!ModelState.IsValid) return Page();
        var result = await create.HandleAsync(await ActorAsync(), Input, ct);
        if (Failure(result) is { } failed) return failed;
        Flash = "Directory.Sites.Created";
        return Redirect($"/directory/sites/details/{result.Value}");
    }
}
