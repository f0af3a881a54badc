using Microsoft.AspNetCore.Mvc;
using Vakka.Directory.Access;
using Vakka.Directory.Audit;
using Vakka.Directory.Features.Organisations;
using Vakka.Platform.Web;

namespace Vakka.Directory.Areas.Directory.Pages.Organisations;

public sealed class CreateModel(CreateOrganisation create) : VakkaPageModel
{
    [BindProperty] public OrganisationForm Input { get; set; } = new();

    [Requires(DirectoryAction.CreateOrganisation), NoAudit("an empty form")]
    public void OnGet() { }

    [Requires(DirectoryAction.CreateOrganisation), Audited(DirectoryAudit.OrganisationCreate)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var result = await create.HandleAsync(Input, ct);
        if (Failure(result) is { } failed) return failed;
        Flash = "Common.Saved";
        return Redirect("/directory/organisations");
    }
}
