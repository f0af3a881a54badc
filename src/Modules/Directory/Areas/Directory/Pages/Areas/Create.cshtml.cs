using Microsoft.AspNetCore.Mvc;
using Vakka.Directory.Access;
using Vakka.Directory.Audit;
using Vakka.Directory.Features.Areas;
using Vakka.Platform.Web;

namespace Vakka.Directory.Areas.Directory.Pages.Areas;

public sealed class CreateModel(CreateArea create) : VakkaPageModel
{
    [BindProperty] public AreaForm Input { get; set; } = new();

    [Requires(DirectoryAction.CreateArea), NoAudit("an empty form")]
    public void OnGet() { }

    [Requires(DirectoryAction.CreateArea), Audited(DirectoryAudit.AreaCreate)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        if (Failure(await create.HandleAsync(Input, ct)) is { } failed) return failed;
        Flash = "Common.Saved";
        return Redirect("/directory/areas");
    }
}
