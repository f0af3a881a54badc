using Microsoft.AspNetCore.Mvc;
using Vakka.Directory.Access;
using Vakka.Directory.Audit;
using Vakka.Directory.Features.Areas;
using Vakka.Platform.Ids;
using Vakka.Platform.Web;

namespace Vakka.Directory.Areas.Directory.Pages.Areas;

public sealed class EditModel(GetArea get, UpdateArea update) : VakkaPageModel
{
    [BindProperty] public AreaForm Input { get; set; } = new();

    [Requires(DirectoryAction.UpdateArea, Target = "id"), Audited(DirectoryAudit.AreaRead)]
    public async Task<IActionResult> OnGetAsync(AreaId id, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } form) return NotFound();
        Input = form;
        return Page();
    }

    [Requires(DirectoryAction.UpdateArea, Target = "id"), Audited(DirectoryAudit.AreaUpdate)]
    public async Task<IActionResult> OnPostAsync(AreaId id, CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        if (Failure(await update.HandleAsync(id, Input, ct)) is { } failed) return failed;
        Flash = "Common.Saved";
        return Redirect("/directory/areas");
    }
}
