using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Vakka.Directory.Audit;
using Vakka.Platform.Audit;
using Vakka.Platform.Web;

namespace Vakka.Directory.Areas.Directory.Pages.Account;

/// <summary>
/// Return from the OpenID Connect identity provider (Suomi.fi through a broker, or the municipality's own).
/// An account is found by its linked login, or once by the provider's verified e-mail (then linked). No accounts
/// are created here: an administrator creates them.
/// </summary>
public sealed class ExternalModel(SignInManager<Domain.Account> signIn, UserManager<Domain.Account> users,
    IOptions<OidcOptions> oidc, Features.SignIn.SignInCompletion completion) : VakkaPageModel
{
    [Anonymous, Audited(DirectoryAudit.ExternalSignIn)]
    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null) return RedirectToPage("SignIn");
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: false);
        var target = Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
        if (result.Succeeded && await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey) is { } known)
        {
            Audit.Actor(known.Id);
            await completion.CompleteAsync(HttpContext, known);
            return LocalRedirect(target);
        }
        if (result.RequiresTwoFactor) return RedirectToPage("SignInTwoFactor", new { returnUrl = target });

        var email = info.Principal.FindFirstValue("email");
        var verified = string.Equals(info.Principal.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase);
        if (oidc.Value.MatchByEmail && verified && email is not null && await users.FindByEmailAsync(email) is { IsActive: true } account)
        {
            Audit.Actor(account.Id);
            await users.AddLoginAsync(account, info);
            var linked = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: false);
            if (linked.Succeeded)
            {
                await completion.CompleteAsync(HttpContext, account);
                return LocalRedirect(target);
            }
            if (linked.RequiresTwoFactor) return RedirectToPage("SignInTwoFactor", new { returnUrl = target });
        }
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        Audit.Outcome(AuditOutcome.Denied);
        return Page();
    }
}
