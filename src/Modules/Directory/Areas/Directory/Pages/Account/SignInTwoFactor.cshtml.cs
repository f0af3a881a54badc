using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Vakka.Directory.Audit;
using Vakka.Platform.Audit;
using Vakka.Platform.Web;

namespace Vakka.Directory.Areas.Directory.Pages.Account;

/// <summary>The second step of signing in: a code from the authenticator app, or a one-time recovery code.</summary>
public sealed class SignInTwoFactorModel(SignInManager<Domain.Account> signIn, Features.SignIn.SignInCompletion completion) : VakkaPageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), Display(Name = "TwoFactor.Code")]
        public string? Code { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    [Anonymous, NoAudit("the code form itself")]
    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignIn") : Page();

    [Anonymous, Audited(DirectoryAudit.SignInTwoFactor)]
    public async Task<IActionResult> OnPostAsync()
    {
        var account = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (account is null) return RedirectToPage("SignIn");
        Audit.Actor(account.Id);
        if (!ModelState.IsValid) return Page();

        var code = Input.Code!.Replace(" ", "").Replace("-", "");
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(Input.Code!.Trim());
        if (result.Succeeded)
        {
            await completion.CompleteAsync(HttpContext, account);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        Audit.Outcome(AuditOutcome.Denied);
        ModelState.AddModelError("Input.Code", Texts[result.IsLockedOut ? "SignIn.LockedOut" : "TwoFactor.CodeWrong"]);
        return Page();
    }
}
