using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Vakka.Directory.Audit;
using Vakka.Directory.Features.Accounts;
using Vakka.Platform.Web;

namespace Vakka.Directory.Areas.Directory.Pages.Account;

/// <summary>Sets a password from an e-mailed link (new accounts and forgotten passwords).</summary>
public sealed class ResetPasswordModel(UserManager<Domain.Account> users) : VakkaPageModel
{
    [BindProperty] public NewPasswordFields Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public Guid? Account { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    [Anonymous, NoAudit("the form itself; the token is checked on posting")]
    public IActionResult OnGet() => Account is null || string.IsNullOrEmpty(Token) ? RedirectToPage("ForgotPassword") : Page();

    [Anonymous, Audited(DirectoryAudit.PasswordReset)]
    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var account = Account is { } id ? await users.FindByIdAsync(id.ToString()) : null;
        if (account is null || !account.IsActive || string.IsNullOrEmpty(Token))
        {
            ModelState.AddModelError("", Texts["Directory.Password.LinkExpired"]);
            return Page();
        }
        Audit.Actor(account.Id);
        Audit.Target(account.Id);
        var result = await users.ResetPasswordAsync(account, Token, Input.NewPassword!);
        if (!result.Succeeded) return Failure(IdentityErrors.ToResult(result))!;
        await users.SetLockoutEndDateAsync(account, null);
        await users.ResetAccessFailedCountAsync(account);
        Flash = "Reset.Done";
        return RedirectToPage("SignIn");
    }
}
