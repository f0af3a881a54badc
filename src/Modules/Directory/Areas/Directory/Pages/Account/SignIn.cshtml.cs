using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Vakka.Directory.Audit;
using Vakka.Directory.Domain;
using Vakka.Directory.Features.SignIn;
using Vakka.Platform.Audit;
using Vakka.Platform.Localisation;
using Vakka.Platform.Web;

namespace Vakka.Directory.Areas.Directory.Pages.Account;

public sealed class SignInModel(UserManager<Domain.Account> users, SignInManager<Domain.Account> signIn,
    IOptions<OidcOptions> oidc, SignInCompletion completion) : VakkaPageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), Display(Name = "SignIn.UserName")]
        public string? UserName { get; set; }

        [Required(ErrorMessage = "Validation.Required"), Display(Name = "SignIn.Password"), DataType(DataType.Password)]
        public string? Password { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public bool OidcEnabled => oidc.Value.Enabled;
    public string OidcName => oidc.Value.DisplayName;

    [Anonymous, NoAudit("the sign-in form itself")]
    public void OnGet() { }

    [Anonymous, Audited(DirectoryAudit.SignIn)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var name = Input.UserName!.Trim();
        var account = await users.FindByNameAsync(name) ?? (name.Contains('@') ? await users.FindByEmailAsync(name) : null);
        if (account is not null) Audit.Actor(account.Id);

        var result = account is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(account, Input.Password!, isPersistent: false, lockoutOnFailure: true);

        if (result.Succeeded)
        {
            await completion.CompleteAsync(HttpContext, account!);
            return LocalRedirect(SafeReturnUrl());
        }
        if (result.RequiresTwoFactor)
            return RedirectToPage("SignInTwoFactor", new { returnUrl = SafeReturnUrl() });

        Audit.Outcome(AuditOutcome.Denied);
        ModelState.AddModelError("", Texts[result.IsLockedOut ? "SignIn.LockedOut" : "SignIn.Failed"]);
        Input.Password = null;
        return Page();
    }

    [Anonymous, NoAudit("starts the identity provider's sign-in; the callback is audited")]
    public IActionResult OnPostExternal()
    {
        if (!OidcEnabled) return NotFound();
        var properties = signIn.ConfigureExternalAuthenticationProperties("oidc", $"/account/external?returnUrl={Uri.EscapeDataString(SafeReturnUrl())}");
        return new ChallengeResult("oidc", properties);
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
