using System.Net;
using Microsoft.EntityFrameworkCore;
using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;
using static Vakka.Tests.Directory.DirectoryKit;

namespace Vakka.Tests.Directory;

[Collection(AppCollection.Name)]
public sealed class OrganisationPagesTests(VakkaFactory app)
{
    private const string CreatePage = "/directory/organisations/create";

    private Task<Account> AdminAsync() => TestData.PersonAsync(app, (Role.SystemAdmin, Scope.Global));

    private static Dictionary<string, string> Fields(string name, string businessId, string oid = "") => new()
    {
        ["Input.Name"] = name, ["Input.BusinessId"] = businessId, ["Input.Oid"] = oid,
    };

    private Task<List<Organisation>> OrganisationsNamedAsync(string name) =>
        app.WithDbAsync(db => db.Set<Organisation>().AsNoTracking().Where(o => o.Name == name).ToListAsync());

    /// <summary>A valid Y-tunnus that starts with a zero, which JHS 159 drops from the OID.</summary>
    private static string BusinessIdWithLeadingZero()
    {
        while (true)
        {
            var digits = "0" + Random.Shared.Next(100000, 999999).ToString("D6");
            int[] weights = [7, 9, 10, 5, 8, 4, 2];
            var remainder = digits.Select((c, i) => (c - '0') * weights[i]).Sum() % 11;
            if (remainder == 1) continue;
            return $"{digits}-{(remainder == 0 ? 0 : 11 - remainder)}";
        }
    }

    [Fact]
    public async Task Admin_creates_an_organisation_whose_OID_is_derived_from_the_business_id()
    {
        var admin = await AdminAsync();
        var client = await AppClient.SignedInAsync(app, admin.UserName!);
        var name = TestData.Unique("Kulttuuriyhdistys ");
        var businessId = BusinessIdWithLeadingZero();
        var expectedOid = "1.2.246.10." + businessId.Replace("-", "").TrimStart('0');
        var mark = await AuditMarkAsync(app);

        var page = await client.SubmitAsync(CreatePage, Fields(name, businessId));

        Assert.Equal(Text(app, "Common.Saved", "en"), Flash(page));
        var row = page.QuerySelectorAll("[data-testid=organisations] tbody tr").Single(tr => tr.TextContent.Contains(name));
        Assert.Contains(expectedOid, row.TextContent);
        var saved = Assert.Single(await OrganisationsNamedAsync(name));
        Assert.Equal(expectedOid, saved.Oid);
        Assert.Equal(businessId, saved.BusinessId);
        Assert.True(saved.IsActive);
        await AssertOneChangeAsync(app, mark, "Directory.OrganisationCreate", admin.Id, saved.Id.Value, name, businessId);
    }

    [Fact]
    public async Task A_typed_OID_is_kept_as_typed()
    {
        var admin = await AdminAsync();
        var client = await AppClient.SignedInAsync(app, admin.UserName!);
        var name = TestData.Unique("Teatteri ");
        var oid = $"1.2.246.562.10.{Random.Shared.NextInt64(10_000_000_000, 99_999_999_999)}";

        await client.SubmitAsync(CreatePage, Fields(name, TestData.NewBusinessId(), $"  {oid} "));

        Assert.Equal(oid, Assert.Single(await OrganisationsNamedAsync(name)).Oid);
    }

    public static TheoryData<string, string, string, string, string> RefusedInput()
    {
        var valid = TestData.NewBusinessId();
        var wrongCheck = valid[..8] + (char)('0' + (valid[8] - '0' + 1) % 10);
        var data = new TheoryData<string, string, string, string, string>();
        foreach (var language in Languages)
        {
            data.Add(language, "Input.BusinessId", "1234567", "", "Validation.BusinessId.Format");
            data.Add(language, "Input.BusinessId", wrongCheck, "", "Validation.BusinessId.CheckDigit");
            data.Add(language, "Input.Oid", valid, "1.2.246.x.5", "Validation.Oid.Format");
            data.Add(language, "Input.Oid", valid, "3.2.246", "Validation.Oid.FirstArc");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RefusedInput))]
    public async Task Refused_input_gets_a_field_message_in_the_users_language_keeps_what_was_typed_and_saves_nothing(
        string language, string field, string businessId, string oid, string messageKey)
    {
        var admin = await AdminAsync();
        var client = await AppClient.SignedInAsync(app, admin.UserName!, language: language);
        var name = TestData.Unique("Yhdistys ");
        var mark = await AuditMarkAsync(app);

        var page = await client.SubmitAsync(CreatePage, Fields(name, businessId, oid));

        Assert.Equal(HttpStatusCode.OK, client.LastResponse!.StatusCode);
        Assert.Equal(Text(app, messageKey, language), FieldError(page, field));
        Assert.Contains(Text(app, messageKey, language), ErrorSummary(page));
        Assert.Equal(name, FieldValue(page, "Input.Name"));
        Assert.Equal(businessId, FieldValue(page, "Input.BusinessId"));
        Assert.Equal(oid, FieldValue(page, "Input.Oid"));
        Assert.Empty(await OrganisationsNamedAsync(name));
        var audit = Assert.Single(await AuditSinceAsync(app, mark), r => r.EventCode == "Directory.OrganisationCreate");
        Assert.Equal(AuditOutcome.Invalid, audit.Outcome);
        AssertNoFreeText(audit, name, businessId);
    }

    [Fact]
    public async Task An_OID_already_in_use_is_refused_whether_typed_or_derived()
    {
        var existing = await TestData.OrganisationAsync(app);
        var admin = await AdminAsync();
        var client = await AppClient.SignedInAsync(app, admin.UserName!, language: "fi");
        var typed = TestData.Unique("Kaksoiskappale ");
        var derived = TestData.Unique("Kaksoiskappale ");

        var typedPage = await client.SubmitAsync(CreatePage, Fields(typed, TestData.NewBusinessId(), existing.Oid));
        var derivedPage = await client.SubmitAsync(CreatePage, Fields(derived, existing.BusinessId));

        Assert.Equal(Text(app, "Directory.Oid.Taken", "fi"), FieldError(typedPage, "Input.Oid"));
        Assert.Equal(Text(app, "Directory.Oid.Taken", "fi"), FieldError(derivedPage, "Input.Oid"));
        Assert.Empty(await OrganisationsNamedAsync(typed));
        Assert.Empty(await OrganisationsNamedAsync(derived));
    }

    [Fact]
    public async Task Deactivating_and_activating_an_organisation_deletes_nothing()
    {
        var organisation = await TestData.OrganisationAsync(app);
        var site = await TestData.SiteAsync(app, organisation, null, SiteType.ServiceUnit);
        var admin = await AdminAsync();
        var client = await AppClient.SignedInAsync(app, admin.UserName!);
        var url = $"/directory/organisations/edit/{organisation.Id}";
        var mark = await AuditMarkAsync(app);

        var deactivated = await client.SubmitAsync(url, [], handler: "Deactivate");

        Assert.Equal(Text(app, "Common.Deactivated", "en"), Flash(deactivated));
        Assert.Contains(Text(app, "Common.InactiveNotice", "en"), deactivated.QuerySelector("[role=status].notice")?.TextContent);
        var stored = await app.WithDbAsync(db => db.Set<Organisation>().AsNoTracking().SingleAsync(o => o.Id == organisation.Id));
        Assert.False(stored.IsActive);
        Assert.Equal(organisation.Name, stored.Name);
        Assert.True(await app.WithDbAsync(db => db.Set<Site>().AnyAsync(s => s.Id == site.Id)), "the organisation's site stays");
        await AssertOneChangeAsync(app, mark, "Directory.OrganisationDeactivate", admin.Id, organisation.Id.Value, organisation.Name);

        mark = await AuditMarkAsync(app);
        var activated = await client.SubmitAsync(url, [], handler: "Activate");

        Assert.Equal(Text(app, "Common.Activated", "en"), Flash(activated));
        Assert.True((await app.WithDbAsync(db => db.Set<Organisation>().AsNoTracking().SingleAsync(o => o.Id == organisation.Id))).IsActive);
        await AssertOneChangeAsync(app, mark, "Directory.OrganisationActivate", admin.Id, organisation.Id.Value, organisation.Name);
    }

    [Fact]
    public async Task Admin_renames_an_organisation_but_its_OID_cannot_change_once_it_has_sites()
    {
        var organisation = await TestData.OrganisationAsync(app);
        await TestData.SiteAsync(app, organisation, null, SiteType.ServiceUnit);
        var admin = await AdminAsync();
        var client = await AppClient.SignedInAsync(app, admin.UserName!);
        var url = $"/directory/organisations/edit/{organisation.Id}";
        var renamed = TestData.Unique("Uusi nimi ");
        var mark = await AuditMarkAsync(app);

        var saved = await client.SubmitAsync(url, new() { ["Input.Name"] = renamed });

        Assert.Equal(Text(app, "Common.Saved", "en"), Flash(saved));
        Assert.Equal(renamed, (await app.WithDbAsync(db => db.Set<Organisation>().AsNoTracking().SingleAsync(o => o.Id == organisation.Id))).Name);
        await AssertOneChangeAsync(app, mark, "Directory.OrganisationUpdate", admin.Id, organisation.Id.Value, renamed, organisation.Name);

        var refused = await client.SubmitAsync(url, new() { ["Input.Oid"] = organisation.Oid + ".99" });

        Assert.Equal(Text(app, "Directory.Organisation.OidLocked", "en"), FieldError(refused, "Input.Oid"));
        Assert.Equal(organisation.Oid, (await app.WithDbAsync(db => db.Set<Organisation>().AsNoTracking().SingleAsync(o => o.Id == organisation.Id))).Oid);
    }

    [Fact]
    public async Task An_area_coordinator_may_not_edit_or_deactivate_an_organisation()
    {
        var organisation = await TestData.OrganisationAsync(app);
        var area = await TestData.AreaAsync(app);
        var coordinator = await TestData.PersonAsync(app, (Role.AreaCoordinator, Scope.Area(area.Id.Value)));
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!);
        var mark = await AuditMarkAsync(app);

        var edit = await client.GetAsync($"/directory/organisations/edit/{organisation.Id}");
        var deactivate = await PostAsForgedFormAsync(client, CreatePage, $"/directory/organisations/edit/{organisation.Id}?handler=Deactivate", []);

        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, deactivate.StatusCode);
        Assert.True((await app.WithDbAsync(db => db.Set<Organisation>().AsNoTracking().SingleAsync(o => o.Id == organisation.Id))).IsActive);
        await AssertDeniedAsync(app, mark, "Directory.OrganisationDeactivate", "Directory.DeactivateOrganisation", coordinator.Id, organisation.Id.Value);
    }
}
