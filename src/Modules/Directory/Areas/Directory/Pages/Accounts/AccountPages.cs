using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Vakka.Directory.Areas.Directory.Pages.Accounts;

internal static class AccountPages
{
    public static IReadOnlyList<SelectListItem> Languages(IStringLocalizer texts) =>
        [new("Suomi", "fi"), new("Svenska", "sv"), new("English", "en")];

    /// <summary>Where e-mailed links point: the configured public address, else this request's.</summary>
    public static string PublicUrl(HttpRequest request, SecurityOptions security) =>
        security.PublicUrl ?? $"{request.Scheme}://{request.Host}";
}
