using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vakka.Directory.Domain;
using Vakka.Platform.Data;

namespace Vakka.Directory.Features.SignIn;

/// <summary>Identity's sign-in manager, plus: a deactivated account, or a site account of a deactivated site, cannot sign in.</summary>
public sealed class VakkaSignInManager(UserManager<Account> users, IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<Account> claims, IOptions<IdentityOptions> options, ILogger<SignInManager<Account>> log,
    IAuthenticationSchemeProvider schemes, IUserConfirmation<Account> confirmation, VakkaDb db)
    : SignInManager<Account>(users, http, claims, options, log, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(Account user)
    {
        if (!user.IsActive) return false;
        if (user.SiteId is { } siteId && !await db.Set<Site>().AnyAsync(s => s.Id == siteId && s.IsActive)) return false;
        return await base.CanSignInAsync(user);
    }
}
