using Microsoft.AspNetCore.Mvc;
using Vakka.Directory.Access;
using Vakka.Directory.Audit;
using Vakka.Directory.Features.Organisations;
using Vakka.Platform.Ids;
using Vakka.Platform.Web;

namespace Vakka.Directory.Areas.Directory.Pages.Organisations;

public sealed class EditModel(GetOrganisation get, UpdateOrganisation update, SetOrganisationActive setActive) : VakkaPageModel
{
    [BindProperty] public OrganisationForm Input { get; set; } = new();
    public bool IsActive { get; private set; }

    [Requires(DirectoryAction.UpdateOrganisation, Target = "id"), Audited(DirectoryAudit.OrganisationRead)]
    public async Task<IActionResult> OnGetAsync(OrganisationId id, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } found) return NotFound();
        (Input, IsActive) = found;
        return Page();
    }

    [Requires(DirectoryAction.UpdateOrganisation, Target = "id"), Audited(DirectoryAudit.OrganisationUpdate)]
    public async Task<IActionResult> OnPostAsync(OrganisationId id, CancellationToken ct)
    {
        IsActive = (await get.HandleAsync(id, ct))?.IsActive ?? false;
        if (!ModelState.IsValid) return Page();
        if (Failure(await update.HandleAsync(id, Input, ct)) is { } failed) return failed;
        Flash = "Common.Saved";
        return Redirect($"/directory/organisations/edit/{id}");
    }

    [Requires(DirectoryAction.DeactivateOrganisation, Target = "id"), Audited(DirectoryAudit.OrganisationDeactivate)]
    public Task<IActionResult> OnPostDeactivateAsync(OrganisationId id, CancellationToken ct) => SetActiveAsync(id, false, ct);

    [Requires(DirectoryAction.DeactivateOrganisation, Target = "id"), Audited(DirectoryAudit.OrganisationActivate)]
    public Task<IActionResult> OnPostActivateAsync(OrganisationId id, CancellationToken ct) => SetActiveAsync(id, true, ct);

    private async Task<IActionResult> SetActiveAsync(OrganisationId id, bool active, CancellationToken ct)
    {
        if ((await setActive.HandleAsync(id, active, ct)).Kind == Platform.Results.ResultKind.NotFound) return NotFound();
        Flash = active ? "Common.Activated" : "Common.Deactivated";
        return Redirect($"/directory/organisations/edit/{id}");
    }
}
