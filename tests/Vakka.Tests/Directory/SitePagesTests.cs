using System.Net;
using Microsoft.EntityFrameworkCore;
using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Ids;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;
using static Vakka.Tests.Directory.DirectoryKit;

namespace Vakka.Tests.Directory;

[Collection(AppCollection.Name)]
public sealed class SitePagesTests(VakkaFactory app)
{
    private const string CreatePage = "/directory/sites/create";

    /// <summary>An area with its coordinator, and an organisation with no sites yet.</summary>
    private async Task<(Area Area, Organisation Organisation, Account Coordinator)> AreaWithCoordinatorAsync()
    {
        var area = await TestData.AreaAsync(app);
        var organisation = await TestData.OrganisationAsync(app);
        var coordinator = await TestData.PersonAsync(app, (Role.AreaCoordinator, Scope.Area(area.Id.Value)));
        return (area, organisation, coordinator);
    }

    private static Dictionary<string, string> Fields(Organisation organisation, Area area, string name, string oid = "", string postalCode = "00530") => new()
    {
        ["Input.Name"] = name,
        ["Input.Type"] = nameof(SiteType.Venue),
        ["Input.OrganisationId"] = organisation.Id.ToString(),
        ["Input.AreaId"] = area.Id.ToString(),
        ["Input.Oid"] = oid,
        ["Input.StreetAddress"] = "Kulttuurikuja 3 B",
        ["Input.PostalCode"] = postalCode,
        ["Input.Municipality"] = area.Municipalities[0].Name,
        ["Input.ContactName"] = "",
        ["Input.ContactEmail"] = "",
        ["Input.ContactPhone"] = "",
    };

    private Task<List<Site>> SitesNamedAsync(string name) =>
        app.WithDbAsync(db => db.Set<Site>().AsNoTracking().Where(s => s.Name == name).ToListAsync());

    private Task<Site> StoredAsync(SiteId id) => app.WithDbAsync(db => db.Set<Site>().AsNoTracking().SingleAsync(s => s.Id == id));

    private async Task<Site> SiteWithOidAsync(Organisation organisation, Area area, string oid)
    {
        var site = new Site
        {
            Id = SiteId.New(), OrganisationId = organisation.Id, AreaId = area.Id, Name = TestData.Unique("Museo "), Oid = oid,
            Type = SiteType.Venue, StreetAddress = "Museokatu 1", PostalCode = "00100", Municipality = area.Municipalities[0].Name,
            CreatedAt = DateTime.UtcNow,
        };
        await app.WithDbAsync(async db => { db.Add(site); await db.SaveChangesAsync(); });
        return site;
    }

    [Fact]
    public async Task Area_coordinator_creates_a_venue_site_in_their_area_and_gets_the_next_free_OID()
    {
        var (area, organisation, coordinator) = await AreaWithCoordinatorAsync();
        await SiteWithOidAsync(organisation, area, $"{organisation.Oid}.10.41");
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!);
        var name = TestData.Unique("Kaupunginteatteri ");
        var mark = await AuditMarkAsync(app);

        var details = await client.SubmitAsync(CreatePage, Fields(organisation, area, name));

        Assert.Equal(Text(app, "Directory.Sites.Created", "en"), Flash(details));
        Assert.Equal(name, Heading(details));
        var site = Assert.Single(await SitesNamedAsync(name));
        Assert.Equal($"{organisation.Oid}.10.42", site.Oid);
        Assert.Contains(site.Oid, details.QuerySelector("[data-testid=site-facts]")!.TextContent);
        Assert.Equal(area.Id, site.AreaId);
        Assert.Equal(organisation.Id, site.OrganisationId);
        Assert.Equal(SiteType.Venue, site.Type);
        Assert.Equal("00530", site.PostalCode);
        Assert.True(site.IsActive);
        await AssertOneChangeAsync(app, mark, "Directory.SiteCreate", coordinator.Id, site.Id.Value, name, "Kulttuurikuja");
    }

    public static TheoryData<string, string> RefusedSiteInput()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in Languages)
        foreach (var problem in new[] { "postal code", "OID outside the organisation", "OID taken" })
            data.Add(language, problem);
        return data;
    }

    [Theory]
    [MemberData(nameof(RefusedSiteInput))]
    public async Task Refused_site_input_gets_a_field_message_keeps_what_was_typed_and_saves_nothing(string language, string problem)
    {
        var (area, organisation, coordinator) = await AreaWithCoordinatorAsync();
        var existing = await SiteWithOidAsync(organisation, area, $"{organisation.Oid}.10.7");
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!, language: language);
        var name = TestData.Unique("Kirjasto ");
        var (fields, field, message) = problem switch
        {
            "postal code" => (Fields(organisation, area, name, postalCode: "123"), "Input.PostalCode",
                Text(app, "Validation.PostalCode.Format", language)),
            "OID outside the organisation" => (Fields(organisation, area, name, oid: "1.2.246.999.10.1"), "Input.Oid",
                Text(app, "Directory.Site.OidNotUnderOrganisation", language, organisation.Oid)),
            _ => (Fields(organisation, area, name, oid: existing.Oid), "Input.Oid", Text(app, "Directory.Oid.Taken", language)),
        };
        var mark = await AuditMarkAsync(app);

        var page = await client.SubmitAsync(CreatePage, fields);

        Assert.Equal(HttpStatusCode.OK, client.LastResponse!.StatusCode);
        Assert.Equal(message, FieldError(page, field));
        Assert.Equal(name, FieldValue(page, "Input.Name"));
        Assert.Equal(fields["Input.StreetAddress"], FieldValue(page, "Input.StreetAddress"));
        Assert.Equal(fields["Input.PostalCode"], FieldValue(page, "Input.PostalCode"));
        Assert.Equal(area.Id.ToString(), FieldValue(page, "Input.AreaId"));
        Assert.Empty(await SitesNamedAsync(name));
        var audit = Assert.Single(await AuditSinceAsync(app, mark), r => r.EventCode == "Directory.SiteCreate");
        Assert.Equal(AuditOutcome.Invalid, audit.Outcome);
    }

    [Fact]
    public async Task Choosing_another_areas_id_in_the_form_is_refused()
    {
        var (_, organisation, coordinator) = await AreaWithCoordinatorAsync();
        var otherArea = await TestData.AreaAsync(app);
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!, language: "sv");
        var name = TestData.Unique("Konsthall ");

        var page = await client.SubmitAsync(CreatePage, Fields(organisation, otherArea, name));

        Assert.Equal(Text(app, "Directory.Site.AreaNotYours", "sv"), FieldError(page, "Input.AreaId"));
        Assert.Empty(await SitesNamedAsync(name));
    }

    [Fact]
    public async Task Another_areas_site_cannot_be_opened_or_posted_for_editing_and_each_denial_is_audited()
    {
        var (_, organisation, coordinator) = await AreaWithCoordinatorAsync();
        var otherArea = await TestData.AreaAsync(app);
        var otherSite = await TestData.SiteAsync(app, organisation, otherArea);
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!);
        var url = $"/directory/sites/edit/{otherSite.Id}";

        var mark = await AuditMarkAsync(app);
        var open = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, open.StatusCode);
        await AssertDeniedAsync(app, mark, "Directory.SiteRead", "Directory.UpdateSite", coordinator.Id, otherSite.Id.Value);

        mark = await AuditMarkAsync(app);
        var fields = Fields(organisation, otherArea, "Kaapattu kohde");
        fields["Input.Version"] = "0";
        var post = await PostAsForgedFormAsync(client, CreatePage, url, fields);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        await AssertDeniedAsync(app, mark, "Directory.SiteUpdate", "Directory.UpdateSite", coordinator.Id, otherSite.Id.Value);
        Assert.Equal(otherSite.Name, (await StoredAsync(otherSite.Id)).Name);

        mark = await AuditMarkAsync(app);
        var details = await client.GetAsync($"/directory/sites/details/{otherSite.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, details.StatusCode);
        await AssertDeniedAsync(app, mark, "Directory.SiteRead", "Directory.ViewSite", coordinator.Id, otherSite.Id.Value);
    }

    [Fact]
    public async Task Area_coordinator_sees_only_their_own_areas_sites_in_the_list()
    {
        var (area, organisation, coordinator) = await AreaWithCoordinatorAsync();
        var otherArea = await TestData.AreaAsync(app);
        var word = TestData.Unique("Listatesti");
        var own1 = await TestData.SiteAsync(app, organisation, area, SiteType.Venue, $"{word} oma 1");
        var own2 = await TestData.SiteAsync(app, organisation, area, SiteType.Distributor, $"{word} oma 2");
        var other = await TestData.SiteAsync(app, organisation, otherArea, SiteType.Venue, $"{word} vieras");
        var coordinatorClient = await AppClient.SignedInAsync(app, coordinator.UserName!);
        var admin = await TestData.PersonAsync(app, (Role.SystemAdmin, Scope.Global));
        var adminClient = await AppClient.SignedInAsync(app, admin.UserName!);

        var coordinatorList = await coordinatorClient.GetPageAsync($"/directory/sites?q={Uri.EscapeDataString(word)}");
        var adminList = await adminClient.GetPageAsync($"/directory/sites?q={Uri.EscapeDataString(word)}");

        static List<string> Names(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll("[data-testid=sites] tbody tr td:first-child").Select(td => td.TextContent.Trim()).Order().ToList();
        Assert.Equal(new[] { own1.Name, own2.Name }.Order(), Names(coordinatorList));
        Assert.Equal(new[] { own1.Name, own2.Name, other.Name }.Order(), Names(adminList));
        Assert.Null(coordinatorList.QuerySelector($"a[href='/directory/sites/details/{other.Id}']"));
    }

    [Fact]
    public async Task A_site_account_sees_its_own_sites_details_but_no_other_site()
    {
        var (area, organisation, _) = await AreaWithCoordinatorAsync();
        var own = await TestData.SiteAsync(app, organisation, area, SiteType.Venue);
        var neighbour = await TestData.SiteAsync(app, organisation, area, SiteType.Venue);
        var account = await TestData.SiteAccountAsync(app, own, Role.VenueSite);
        var client = await AppClient.SignedInAsync(app, account.UserName!);

        var details = await client.GetPageAsync($"/directory/sites/details/{own.Id}");
        Assert.Equal(HttpStatusCode.OK, client.LastResponse!.StatusCode);
        Assert.Equal(own.Name, Heading(details));
        Assert.Null(details.QuerySelector("[data-testid=edit-site]"));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/directory/sites/details/{neighbour.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/directory/sites/edit/{own.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/directory/sites")).StatusCode);
    }

    [Fact]
    public async Task When_two_people_save_the_same_site_the_second_is_told_in_their_language_and_the_first_change_stays()
    {
        var (area, organisation, coordinator) = await AreaWithCoordinatorAsync();
        var colleague = await TestData.PersonAsync(app, (Role.AreaCoordinator, Scope.Area(area.Id.Value)));
        var site = await TestData.SiteAsync(app, organisation, area);
        var first = await AppClient.SignedInAsync(app, coordinator.UserName!);
        var second = await AppClient.SignedInAsync(app, colleague.UserName!, language: "fi");
        var url = $"/directory/sites/edit/{site.Id}";
        var firstForm = await LoadFormAsync(first, url);
        var secondForm = await LoadFormAsync(second, url);
        var firstName = TestData.Unique("Ensimmäisen nimi ");
        var secondName = TestData.Unique("Toisen nimi ");
        var mark = await AuditMarkAsync(app);

        var afterFirst = await firstForm.SubmitAsync(new() { ["Input.Name"] = firstName });
        var afterSecond = await secondForm.SubmitAsync(new() { ["Input.Name"] = secondName });

        Assert.Equal(firstName, Heading(afterFirst));
        Assert.Contains(Text(app, "Validation.ConcurrentEdit", "fi"), ErrorSummary(afterSecond));
        Assert.Equal(secondName, FieldValue(afterSecond, "Input.Name"));
        var stored = await StoredAsync(site.Id);
        Assert.Equal(firstName, stored.Name);
        Assert.Equal(site.Version + 1, stored.Version);
        await AssertOneChangeAsync(app, mark, "Directory.SiteUpdate", coordinator.Id, site.Id.Value, firstName, secondName);
        var conflict = Assert.Single(await AuditSinceAsync(app, mark), r => r.EventCode == "Directory.SiteUpdate" && r.ActorAccountId == colleague.Id);
        Assert.Equal(AuditOutcome.Conflict, conflict.Outcome);
    }

    [Fact]
    public async Task Area_coordinator_cannot_move_their_site_into_another_area()
    {
        var (area, organisation, coordinator) = await AreaWithCoordinatorAsync();
        var otherArea = await TestData.AreaAsync(app);
        var site = await TestData.SiteAsync(app, organisation, area);
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!);

        var page = await client.SubmitAsync($"/directory/sites/edit/{site.Id}",
            new() { ["Input.AreaId"] = otherArea.Id.ToString(), ["Input.Municipality"] = otherArea.Municipalities[0].Name });

        Assert.Equal(Text(app, "Directory.Site.AreaNotYours", "en"), FieldError(page, "Input.AreaId"));
        var stored = await StoredAsync(site.Id);
        Assert.Equal(area.Id, stored.AreaId);
        Assert.Equal(site.Version, stored.Version);
    }

    [Fact]
    public async Task Deactivating_a_site_stops_its_accounts_and_activating_it_lets_them_in_again()
    {
        var (area, organisation, coordinator) = await AreaWithCoordinatorAsync();
        var site = await TestData.SiteAsync(app, organisation, area, SiteType.Distributor);
        var account = await TestData.SiteAccountAsync(app, site, Role.DistributorSite);
        var session = await AppClient.SignedInAsync(app, account.UserName!);
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!);
        var url = $"/directory/sites/details/{site.Id}";
        var mark = await AuditMarkAsync(app);

        var deactivated = await client.SubmitAsync(url, [], handler: "Deactivate");

        Assert.Equal(Text(app, "Common.Deactivated", "en"), Flash(deactivated));
        Assert.False((await StoredAsync(site.Id)).IsActive);
        await AssertOneChangeAsync(app, mark, "Directory.SiteDeactivate", coordinator.Id, site.Id.Value, site.Name);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync(url)).StatusCode);
        var refused = await AppClient.For(app).PostFormAsync("/account/sign-in",
            new() { ["Input.UserName"] = account.UserName!, ["Input.Password"] = TestData.Password });
        Assert.Contains(Text(app, "SignIn.Failed", "en"), ErrorSummary(await AppClient.ParseAsync(refused)));

        mark = await AuditMarkAsync(app);
        var activated = await client.SubmitAsync(url, [], handler: "Activate");

        Assert.Equal(Text(app, "Common.Activated", "en"), Flash(activated));
        Assert.True((await StoredAsync(site.Id)).IsActive);
        await AssertOneChangeAsync(app, mark, "Directory.SiteActivate", coordinator.Id, site.Id.Value, site.Name);
        var again = await AppClient.SignedInAsync(app, account.UserName!);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Area_coordinator_cannot_deactivate_another_areas_site()
    {
        var (_, organisation, coordinator) = await AreaWithCoordinatorAsync();
        var otherSite = await TestData.SiteAsync(app, organisation, await TestData.AreaAsync(app));
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!);
        var mark = await AuditMarkAsync(app);

        var response = await PostAsForgedFormAsync(client, CreatePage, $"/directory/sites/details/{otherSite.Id}?handler=Deactivate", []);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True((await StoredAsync(otherSite.Id)).IsActive);
        await AssertDeniedAsync(app, mark, "Directory.SiteDeactivate", "Directory.DeactivateSite", coordinator.Id, otherSite.Id.Value);
    }

    [Fact]
    public async Task An_unknown_site_id_is_not_found_even_for_an_administrator()
    {
        var admin = await TestData.PersonAsync(app, (Role.SystemAdmin, Scope.Global));
        var client = await AppClient.SignedInAsync(app, admin.UserName!);
        var unknown = Guid.CreateVersion7();
        var mark = await AuditMarkAsync(app);

        var response = await client.GetAsync($"/directory/sites/edit/{unknown}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var row = Assert.Single(await AuditSinceAsync(app, mark), r => r.EventCode == "Directory.SiteRead");
        Assert.Equal(AuditOutcome.NotFound, row.Outcome);
        Assert.Equal(unknown.ToString(), row.TargetIds);
    }
}
