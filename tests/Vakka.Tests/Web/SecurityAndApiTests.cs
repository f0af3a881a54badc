using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Localisation;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;

namespace Vakka.Tests.Web;

[Collection(AppCollection.Name)]
public sealed class SecurityAndApiTests(VakkaFactory app)
{

    [Fact]
    public async Task Pages_carry_a_strict_content_security_policy_and_the_other_security_headers()
    {
        var response = await AppClient.For(app).GetAsync("/account/sign-in");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html); // no inline script element
        Assert.DoesNotContain("style=\"", html);
    }

    [Fact]
    public async Task Https_requests_get_HSTS_outside_development()
    {
        var client = app.CreateClient(new() { BaseAddress = new Uri("https://vakka.example"), AllowAutoRedirect = false });
        var response = await client.GetAsync("/account/sign-in");
        Assert.Contains("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task The_api_reference_loads_its_scripts_from_the_app_and_allows_no_inline_script()
    {
        var client = AppClient.For(app);
        var page = await client.GetAsync("/api-docs");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("https://", html);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/scalar/scalar.js")).StatusCode);

        var document = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        using var json = JsonDocument.Parse(await document.Content.ReadAsStringAsync());
        var paths = json.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/directory/sites", out _));
        Assert.True(paths.TryGetProperty("/api/v1/directory/sites/{id}", out _));
    }

    [Fact]
    public async Task The_api_answers_with_problem_details_401_403_and_localised_400()
    {
        var anonymous = await AppClient.For(app).Http.GetAsync("/api/v1/directory/sites");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType!.MediaType);

        var org = await TestData.OrganisationAsync(app);
        var mine = await TestData.AreaAsync(app);
        var theirs = await TestData.AreaAsync(app);
        var theirSite = await TestData.SiteAsync(app, org, theirs);
        var coordinator = await TestData.PersonAsync(app, (Role.AreaCoordinator, Scope.Area(mine.Id.Value)));
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!, language: "sv");

        var forbidden = await client.Http.GetAsync($"/api/v1/directory/sites/{theirSite.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType!.MediaType);

        var invalid = await client.Http.PostAsJsonAsync("/api/v1/directory/sites", new
        {
            organisationId = org.Id.Value, areaId = mine.Id.Value, name = "", type = "Venue",
            streetAddress = "Katu 1", postalCode = "123", municipality = mine.Municipalities[0].Name,
        });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        using var problem = JsonDocument.Parse(await invalid.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal(app.Text("Validation.Required", "sv"), errors.GetProperty("name")[0].GetString());

        var created = await client.Http.PostAsJsonAsync("/api/v1/directory/sites", new
        {
            organisationId = org.Id.Value, areaId = mine.Id.Value, name = "API-kohde", type = "Venue",
            streetAddress = "Katu 1", postalCode = "123", municipality = mine.Municipalities[0].Name,
        });
        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        using var postal = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        Assert.Equal(app.Text("Validation.PostalCode.Format", "sv"), postal.RootElement.GetProperty("errors").GetProperty("postalCode")[0].GetString());
        Assert.Equal(0, await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Set<Site>(), s => s.Name == "API-kohde")));

        var ok = await client.Http.PostAsJsonAsync("/api/v1/directory/sites", new
        {
            organisationId = org.Id.Value, areaId = mine.Id.Value, name = "API-kohde", type = "Venue",
            streetAddress = "Katu 1", postalCode = "00100", municipality = mine.Municipalities[0].Name,
        });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var listed = await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/directory/sites");
        Assert.Contains(listed.EnumerateArray(), s => s.GetProperty("name").GetString() == "API-kohde");
        Assert.DoesNotContain(listed.EnumerateArray(), s => s.GetProperty("id").GetGuid() == theirSite.Id.Value);
    }
}
