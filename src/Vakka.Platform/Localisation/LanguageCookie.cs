using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;

namespace Vakka.Platform.Localisation;

/// <summary>The chosen UI language, remembered in the standard culture cookie for a year.</summary>
public static class LanguageCookie
{
    public static string CultureOf(string language) => language switch { "sv" => "sv-FI", "en" => "en-GB", _ => "fi-FI" };

    public static void Set(HttpContext http, string language, TimeProvider clock)
    {
        var culture = CultureOf(language);
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
    }
}
