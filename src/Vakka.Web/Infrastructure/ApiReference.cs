using Scalar.AspNetCore;
using Vakka.Platform.Web;

namespace Vakka.Web;

/// <summary>The interactive API reference at /api-docs, served from the app's own assets (no CDN).</summary>
internal static class ApiReference
{
    public static void Map(WebApplication app) =>
        app.MapScalarApiReference("/api-docs", o =>
        {
            o.Title = "Vakka API";
            o.OpenApiRoutePattern = "/openapi/{documentName}.json";
        }).AllowAnonymous().NoAudit("API description");
}
