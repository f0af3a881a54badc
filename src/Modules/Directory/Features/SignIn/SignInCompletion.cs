using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Vakka.Directory.Domain;
using Vakka.Platform.Localisation;

namespace Vakka.Directory.Features.SignIn;

/// <summary>What every successful sign-in does (password, second factor or identity provider).</summary>
public sealed class SignInCompletion(UserManager<Account> users, TimeProvider clock)
{
    /// <summary>Records the time and switches the UI to the account's preferred language, if it has one.</summary>
    public async Task CompleteAsync(HttpContext http, Account account)
    {
        account.LastSignInAt = clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(account);
        if (account.PreferredLanguage is { } language) LanguageCookie.Set(http, language, clock);
    }
}
