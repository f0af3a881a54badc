using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Vakka.Directory.Access;
using Vakka.Directory.Audit;
using Vakka.Directory.Features.Accounts;
using Vakka.Platform.Web;

namespace Vakka.Directory.Areas.Directory.Pages.Account;

public sealed class ChangePasswordModel(UserManager<Domain.Account> users, SignInManager<Domain.Account> signIn) : VakkaPageModel
{
    public sealed class InputModel : NewPasswordFields
    {
        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Password.Current")]
        public string? CurrentPassword { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    [Requires(DirectoryAction.ManageOwnAccount), NoAudit("the form itself")]
    public void OnGet() { }

    [Requires(DirectoryAction.ManageOwnAccount), Audited(DirectoryAudit.PasswordChange)]
    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var me = await users.GetUserAsync(User);
        if (me is null) return NotFound();
        Audit.Target(me.Id);
        var result = await users.ChangePasswordAsync(me, Input.CurrentPassword!, Input.NewPassword!);
        if (!result.Succeeded) return Failure(IdentityErrors.ToResult(result))!;
        await signIn.RefreshSignInAsync(me);
        Flash = "ChangePassword.Done";
        return RedirectToPage("Settings");
    }
}
