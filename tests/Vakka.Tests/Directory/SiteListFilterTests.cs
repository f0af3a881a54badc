using Vakka.Platform.Access;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;

namespace Vakka.Tests.Directory;

/// <summary>The site list's area filter (its query parameter must not be "area", the Razor Pages area route value).</summary>
[Collection(AppCollection.Name)]
public sealed class SiteListFilterTests(VakkaFactory app)
{
    [Fact]
    public async Task Choosing_an_area_lists_only_its_sites()
    {
        var org = await TestData.OrganisationAsync(app);
        var one = await TestData.AreaAsync(app, "Yksi");
        var two = await TestData.AreaAsync(app, "Kaksi");
        var inOne = await TestData.SiteAsync(app, org, one, SiteType.Venue);
        var inTwo = await TestData.SiteAsync(app, org, two, SiteType.Venue);
        var admin = await TestData.PersonAsync(app, (Role.SystemAdmin, Scope.Global));
        var client = await AppClient.SignedInAsync(app, admin.UserName!);

        var page = await client.GetPageAsync($"/directory/sites?areaId={one.Id}");
        var names = page.QuerySelectorAll("[data-testid=sites] tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal([inOne.Name], names);
        Assert.Equal(one.Id.ToString(), page.QuerySelector("#areaId option[selected]")!.GetAttribute("value"));
        Assert.DoesNotContain(inTwo.Name, page.QuerySelector("[data-testid=sites]")!.TextContent);
    }
}
