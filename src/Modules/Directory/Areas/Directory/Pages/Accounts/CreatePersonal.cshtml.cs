using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;
using Vakka.Directory.Access;
using Vakka.Directory.Audit;
using Vakka.Directory.Features.Accounts;
using Vakka.Platform.Web;

namespace Vakka.Directory.Areas.Directory.Pages.Accounts;

public sealed class CreatePersonalModel(CreateAccount create, IOptions<SecurityOptions> security) : VakkaPageModel
{
    [BindProperty] public NewAccountForm Input { get; set; } = new();
    public IReadOnlyList<SelectListItem> Languages => AccountPages.Languages(Texts);

    [Requires(DirectoryAction.CreatePersonalAccount), NoAudit("an empty form")]
    public void OnGet() { }

    [Requires(DirectoryAction.CreatePersonalAccount), Audited(DirectoryAudit.AccountCreate)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var result = await create.HandlePersonalAsync(Input, AccountPages.PublicUrl(Request, security.Value), ct);
        if (Failure(result) is { } failed) return failed;
        Flash = "Directory.Accounts.Created";
        return Redirect($"/directory/accounts/details/{result.Value}");
    }
}
