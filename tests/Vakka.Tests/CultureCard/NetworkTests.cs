using System.Net;
using Vakka.Platform.Access;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;

namespace Vakka.Tests.CultureCard;

[Collection(AppCollection.Name)]
public sealed class NetworkTests(VakkaFactory app)
{
    [Fact]
    public async Task The_area_coordinator_sees_the_areas_sites_with_their_activity_and_not_another_area()
    {
        var org = await TestData.OrganisationAsync(app);
        var area = await TestData.AreaAsync(app, "Verkostola");
        var distributor = await TestData.SiteAsync(app, org, area, SiteType.Distributor, "Jakopiste Verkosto");
        var venue = await TestData.SiteAsync(app, org, area, SiteType.Venue, "Teatteri Verkosto");
        for (var i = 0; i < 3; i++) await CardData.CardAsync(app, distributor, area);
        var coordinator = await TestData.PersonAsync(app, (Role.AreaCoordinator, Scope.Area(area.Id.Value)));
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!);

        var page = await client.GetPageAsync("/culturecard/network");
        var distributors = page.QuerySelector("[data-testid='CultureCard.Network.Distributors']")!;
        var row = distributors.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Jakopiste Verkosto"));
        Assert.Equal("3", row.QuerySelectorAll("td")[2].TextContent.Trim());
        Assert.Contains("Teatteri Verkosto", page.QuerySelector("[data-testid='CultureCard.Network.Venues']")!.TextContent);

        var otherArea = await TestData.AreaAsync(app, "Toisaalla");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/culturecard/network?areaId={otherArea.Id}")).StatusCode);
        var venueAccount = await TestData.SiteAccountAsync(app, venue, Role.VenueSite);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await AppClient.SignedInAsync(app, venueAccount.UserName!)).GetAsync("/culturecard/network")).StatusCode);
    }
}
