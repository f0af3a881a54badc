using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NetEscapades.AspNetCore.SecurityHeaders.Headers.ContentSecurityPolicy;
using Vakka.Directory.Access;
using Vakka.Platform.Access;
using Vakka.Platform.Localisation;
using Vakka.Platform.Web;

namespace Vakka.Web;

/// <summary>The menu: each entry is shown only to accounts that may take its action.</summary>
internal static class NavigationItems
{
    public static void Register(IServiceCollection services)
    {
        void Item(string group, string key, string url, Enum action, int order) => services.AddSingleton(new NavItem(group, key, url, action, order));
        Item("Nav.Group.Directory", "Nav.Organisations", "/directory/organisations", DirectoryAction.ViewOrganisations, 10);
        Item("Nav.Group.Directory", "Nav.Areas", "/directory/areas", DirectoryAction.ViewAreas, 20);
        Item("Nav.Group.Directory", "Nav.Sites", "/directory/sites", DirectoryAction.ViewSites, 30);
        Item("Nav.Group.Directory", "Nav.Accounts", "/directory/accounts", DirectoryAction.ViewAccounts, 40);
        Item("Nav.Group.Admin", "Nav.AuditLog", "/admin/audit", PlatformAction.SearchAuditLog, 90);
        Item("Nav.Group.Admin", "Nav.Jobs", "/admin/jobs", PlatformAction.ViewJobs, 95);
    }
}

/// <summary>Model-binding messages ("The value '' is invalid.") in the user's language.</summary>
internal static class ModelBindingTexts
{
    public static void Apply(MvcOptions options, IStringLocalizer texts)
    {
        var m = options.ModelBindingMessageProvider;
        m.SetValueIsInvalidAccessor(v => texts["Validation.ValueInvalid", v]);
        m.SetAttemptedValueIsInvalidAccessor((v, _) => texts["Validation.ValueInvalid", v]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => texts["Validation.ValueInvalid", v]);
        m.SetUnknownValueIsInvalidAccessor(_ => texts["Validation.ValueMissing"]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => texts["Validation.ValueMissing"]);
        m.SetValueMustNotBeNullAccessor(_ => texts["Validation.Required"]);
        m.SetMissingBindRequiredValueAccessor(_ => texts["Validation.Required"]);
        m.SetMissingKeyOrValueAccessor(() => texts["Validation.ValueMissing"]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => texts["Validation.ValueMissing"]);
        m.SetValueMustBeANumberAccessor(_ => texts["Validation.ValueMustBeNumber"]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => texts["Validation.ValueMustBeNumber"]);
    }
}

/// <summary>Security headers: a strict CSP without inline script, no framing, no sniffing, HSTS on HTTPS.</summary>
internal static class SecurityHeaders
{
    public static HeaderPolicyCollection Policy(bool development)
    {
        var policy = new HeaderPolicyCollection()
            .AddFrameOptionsDeny()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(b => b.SameOrigin())
            .AddPermissionsPolicy(b =>
            {
                b.AddCamera().Self(); // the ticket desk reads QR codes with the camera
                b.AddMicrophone().None();
                b.AddGeolocation().None();
            })
            .RemoveServerHeader()
            .AddContentSecurityPolicy(b =>
            {
                b.AddDefaultSrc().Self();
                b.AddScriptSrc().Self();
                b.AddStyleSrc().Self();
                b.AddImgSrc().Self().Data().Blob();
                b.AddFontSrc().Self();
                b.AddConnectSrc().Self();
                b.AddMediaSrc().Self().Blob();
                b.AddObjectSrc().None();
                b.AddBaseUri().Self();
                b.AddFormAction().Self();
                b.AddFrameAncestors().None();
            });
        if (!development) policy.AddStrictTransportSecurityMaxAgeIncludeSubDomains(maxAgeInSeconds: 63072000);
        return policy;
    }
}

/// <summary>
/// The archived display form (/archive/documents/{id}/display), the second of its two layers: whatever the sanitiser
/// missed cannot run script or load anything (CSP sandbox, no sources but inline styles and data: images), and only
/// the app's own document page may frame it (frame-ancestors 'self', X-Frame-Options SAMEORIGIN instead of DENY).
/// </summary>
internal static class ArchiveDisplayHeaders
{
    public static HeaderPolicyCollection Policy(bool development) =>
        SecurityHeaders.Policy(development).AddFrameOptionsSameOrigin().AddContentSecurityPolicy(b =>
        {
            b.AddDefaultSrc().None();
            b.AddStyleSrc().UnsafeInline();
            b.AddImgSrc().Data();
            b.AddSandbox();
            b.AddFrameAncestors().Self();
        });
}

/// <summary>The text-size choice (a cookie) becomes a class on the page's root element.</summary>
internal sealed class TextSizeMiddleware(RequestDelegate next)
{
    public const string Cookie = "vakka.textsize";
    public static readonly string[] Sizes = ["normal", "large", "larger"];

    public Task InvokeAsync(HttpContext http)
    {
        var size = http.Request.Cookies[Cookie];
        http.Items[Cookie] = Sizes.Contains(size) ? size : "normal";
        return next(http);
    }
}

/// <summary>The language and text-size switches: plain links that work without JavaScript.</summary>
internal static class SettingsEndpoints
{
    public static void Map(WebApplication app)
    {
        var settings = app.MapGroup("/settings").AllowAnonymous().NoAudit("user interface preference, no personal data");
        settings.MapGet("/language/{language}", (string language, string? returnUrl, HttpContext http, TimeProvider clock) =>
        {
            LanguageCookie.Set(http, TextCatalog.Languages.Contains(language) ? language : TextCatalog.DefaultLanguage, clock);
            return Results.LocalRedirect(SafeReturn(returnUrl));
        }).ExcludeFromDescription();
        settings.MapGet("/text-size/{size}", (string size, string? returnUrl, HttpContext http, TimeProvider clock) =>
        {
            http.Response.Cookies.Append(TextSizeMiddleware.Cookie, TextSizeMiddleware.Sizes.Contains(size) ? size : "normal",
                new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(SafeReturn(returnUrl));
        }).ExcludeFromDescription();
    }

    private static string SafeReturn(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}

public static class CultureText
{
    public static string Language => Vakka.Platform.Localisation.TextCatalog.LanguageOf(CultureInfo.CurrentUICulture);
}
