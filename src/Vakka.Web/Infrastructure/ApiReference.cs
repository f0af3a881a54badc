using NetEscapades.AspNetCore.SecurityHeaders.Headers.ContentSecurityPolicy;
using Scalar.AspNetCore;
using Vakka.Platform.Web;

namespace Vakka.Web;

/// <summary>
/// The interactive API reference at /api-docs: Scalar's script is served by the app (under /scalar), started by
/// our own script file, so no inline script is needed. Scalar injects its styles at run time, so this one page's
/// policy allows inline styles (never inline script).
/// </summary>
internal static class ApiReference
{
    public const string Path = "/api-docs";

    public static void Map(WebApplication app) =>
        app.MapScalarApiReference("/scalar", o =>
        {
            o.Title = "Vakka API";
            o.OpenApiRoutePattern = "/openapi/{documentName}.json";
        }).AllowAnonymous().NoAudit("API description assets");

    public static HeaderPolicyCollection Policy(bool development) =>
        SecurityHeaders.Policy(development).AddContentSecurityPolicy(b =>
        {
            b.AddDefaultSrc().Self();
            b.AddScriptSrc().Self();
            b.AddStyleSrc().Self().UnsafeInline();
            b.AddImgSrc().Self().Data();
            b.AddFontSrc().Self().Data();
            b.AddConnectSrc().Self();
            b.AddObjectSrc().None();
            b.AddBaseUri().Self();
            b.AddFormAction().Self();
            b.AddFrameAncestors().None();
        });
}
