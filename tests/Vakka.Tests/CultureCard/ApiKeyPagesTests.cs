using Vakka.Platform.Web;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.CultureCard.Features.ApiKeys;
using Vakka.Platform.Access;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;

namespace Vakka.Tests.CultureCard;

[Collection(AppCollection.Name)]
public sealed class ApiKeyPagesTests(VakkaFactory app)
{
    [Fact]
    public async Task The_area_coordinator_creates_a_key_shown_once_and_stored_hashed_then_revokes_it()
    {
        var org = await TestData.OrganisationAsync(app);
        var area = await TestData.AreaAsync(app, "Avaimela");
        var venue = await TestData.SiteAsync(app, org, area, SiteType.Venue);
        var coordinator = await TestData.PersonAsync(app, (Role.AreaCoordinator, Scope.Area(area.Id.Value)));
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!);
        var url = $"/culturecard/apikeys?siteId={venue.Id}";

        var created = await client.SubmitAsync(url, new() { ["Input.Name"] = "Lippujärjestelmä" }, handler: "Create");
        var key = created.QuerySelector("[data-testid=new-key-value]")!.TextContent;
        Assert.StartsWith("vk_", key);
        var stored = await app.WithDbAsync(db => db.Set<ApiKey>().AsNoTracking().SingleAsync(k => k.SiteId == venue.Id));
        Assert.Equal(ApiKeyHash.Of(key), stored.Hash);
        Assert.DoesNotContain(key, stored.Hash + stored.Prefix + stored.Name);
        Assert.Null((await client.GetPageAsync(url)).QuerySelector("[data-testid=new-key-value]")); // never shown again

        await client.SubmitAsync(url, [], handler: "Revoke");
        Assert.NotNull((await app.WithDbAsync(db => db.Set<ApiKey>().AsNoTracking().SingleAsync(k => k.Id == stored.Id))).RevokedAt);

        var otherArea = await TestData.AreaAsync(app, "Muuala");
        var foreignVenue = await TestData.SiteAsync(app, org, otherArea, SiteType.Venue);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/culturecard/apikeys?siteId={foreignVenue.Id}")).StatusCode);
        // A form field naming another area's site (the query names the own one) is checked as the handler sees it.
        var forged = await client.PostFormAsync(url, new() { ["Input.Name"] = "Varastettu", ["SiteId"] = foreignVenue.Id.ToString() }, handler: "Create",
            postUrl: $"/culturecard/apikeys?handler=Create&siteId={venue.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ApiKey>().CountAsync(k => k.SiteId == foreignVenue.Id)));

        var venueAccount = await TestData.SiteAccountAsync(app, venue, Role.VenueSite);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await AppClient.SignedInAsync(app, venueAccount.UserName!)).GetAsync(url)).StatusCode);
    }
}
