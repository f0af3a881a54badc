using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Vakka.Directory.Access;
using Vakka.Directory.Audit;
using Vakka.Platform.Web;

namespace Vakka.Directory.Areas.Directory.Pages.Account;

public sealed class SignOutModel(SignInManager<Domain.Account> signIn) : VakkaPageModel
{
    [Requires(DirectoryAction.ManageOwnAccount), NoAudit("a confirmation button only")]
    public void OnGet() { }

    [Requires(DirectoryAction.ManageOwnAccount), Audited(DirectoryAudit.SignOut)]
    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        Flash = "SignIn.SignedOut";
        return RedirectToPage("SignIn");
    }
}
