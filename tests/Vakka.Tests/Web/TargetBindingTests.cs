using System.Net;
using Microsoft.EntityFrameworkCore;
using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;

namespace Vakka.Tests.Web;

/// <summary>
/// The access check sees the target the handler acts on. Model binding reads a form field before the route value, so a
/// forged form field naming another target must be what the check looks at.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class TargetBindingTests(VakkaFactory app)
{
    [Fact]
    public async Task A_form_field_cannot_swap_the_target_the_route_names()
    {
        var org = await TestData.OrganisationAsync(app);
        var mine = await TestData.AreaAsync(app, "Omala");
        var theirs = await TestData.AreaAsync(app, "Vierala");
        var ownAccount = await TestData.SiteAccountAsync(app, await TestData.SiteAsync(app, org, mine, SiteType.Venue), Role.VenueSite);
        var foreignAccount = await TestData.SiteAccountAsync(app, await TestData.SiteAsync(app, org, theirs, SiteType.Venue), Role.VenueSite);
        var coordinator = await TestData.PersonAsync(app, (Role.AreaCoordinator, Scope.Area(mine.Id.Value)));
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!);

        var response = await client.PostFormAsync($"/directory/accounts/details/{ownAccount.Id}",
            new() { ["id"] = foreignAccount.Id.ToString(), ["Input.DisplayName"] = "Kaapattu", ["Input.Email"] = "kaapattu@example.fi" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var foreign = await app.WithDbAsync(db => db.Set<Account>().AsNoTracking().SingleAsync(a => a.Id == foreignAccount.Id));
        Assert.Equal(foreignAccount.DisplayName, foreign.DisplayName);
    }
}
