using System.Net;
using Microsoft.EntityFrameworkCore;
using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;
using static Vakka.Tests.Directory.DirectoryKit;

namespace Vakka.Tests.Directory;

[Collection(AppCollection.Name)]
public sealed class AreaPagesTests(VakkaFactory app)
{
    private const string CreatePage = "/directory/areas/create";

    private Task<Account> NationalCoordinatorAsync() => TestData.PersonAsync(app, (Role.NationalCoordinator, Scope.Global));

    private Task<List<Area>> AreasNamedAsync(string name) =>
        app.WithDbAsync(db => db.Set<Area>().AsNoTracking().Include(a => a.Municipalities).Where(a => a.Name == name).ToListAsync());

    [Fact]
    public async Task National_coordinator_creates_an_area_and_edits_its_name_and_municipalities()
    {
        var national = await NationalCoordinatorAsync();
        var client = await AppClient.SignedInAsync(app, national.UserName!);
        var name = TestData.Unique("Kaikukortti-alue ");
        string m1 = Municipality(), m2 = Municipality(), m3 = Municipality();
        var mark = await AuditMarkAsync(app);

        var list = await client.SubmitAsync(CreatePage, new() { ["Input.Name"] = name, ["Input.Municipalities"] = $"{m1}\n{m2}" });

        Assert.Equal(Text(app, "Common.Saved", "en"), Flash(list));
        var row = list.QuerySelectorAll("[data-testid=areas] tbody tr").Single(tr => tr.TextContent.Contains(name));
        Assert.Contains(m1, row.TextContent);
        Assert.Contains(m2, row.TextContent);
        var created = Assert.Single(await AreasNamedAsync(name));
        Assert.Equal(new[] { m1, m2 }.Order(), created.Municipalities.Select(m => m.Name).Order());
        await AssertOneChangeAsync(app, mark, "Directory.AreaCreate", national.Id, created.Id.Value, name, m1, m2);

        var renamed = TestData.Unique("Uusi nimi ");
        mark = await AuditMarkAsync(app);
        var afterEdit = await client.SubmitAsync($"/directory/areas/edit/{created.Id}",
            new() { ["Input.Name"] = renamed, ["Input.Municipalities"] = $"{m1}, {m3}" });

        Assert.Equal(Text(app, "Common.Saved", "en"), Flash(afterEdit));
        Assert.Empty(await AreasNamedAsync(name));
        var edited = Assert.Single(await AreasNamedAsync(renamed));
        Assert.Equal(created.Id, edited.Id);
        Assert.Equal(new[] { m1, m3 }.Order(), edited.Municipalities.Select(m => m.Name).Order());
        Assert.Equal(created.Version + 1, edited.Version);
        await AssertOneChangeAsync(app, mark, "Directory.AreaUpdate", national.Id, created.Id.Value, renamed, name, m3);
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task A_municipality_that_already_belongs_to_another_area_is_refused(string language)
    {
        var taken = Municipality();
        var other = await TestData.AreaAsync(app, taken);
        var national = await NationalCoordinatorAsync();
        var client = await AppClient.SignedInAsync(app, national.UserName!, language: language);
        var name = TestData.Unique("Alue ");
        var municipalities = $"{Municipality()}\n{taken}";

        var page = await client.SubmitAsync(CreatePage, new() { ["Input.Name"] = name, ["Input.Municipalities"] = municipalities });

        Assert.Equal(Text(app, "Directory.Area.MunicipalityTaken", language, taken, other.Name), FieldError(page, "Input.Municipalities"));
        Assert.Equal(name, FieldValue(page, "Input.Name"));
        Assert.Equal(municipalities, FieldValue(page, "Input.Municipalities")?.ReplaceLineEndings("\n"));
        Assert.Empty(await AreasNamedAsync(name));
    }

    [Fact]
    public async Task Editing_an_area_cannot_take_a_municipality_of_another_area()
    {
        var taken = Municipality();
        var other = await TestData.AreaAsync(app, taken);
        var own = await TestData.AreaAsync(app, Municipality());
        var national = await NationalCoordinatorAsync();
        var client = await AppClient.SignedInAsync(app, national.UserName!);

        var page = await client.SubmitAsync($"/directory/areas/edit/{own.Id}",
            new() { ["Input.Municipalities"] = $"{own.Municipalities[0].Name}\n{taken}" });

        Assert.Equal(Text(app, "Directory.Area.MunicipalityTaken", "en", taken, other.Name), FieldError(page, "Input.Municipalities"));
        var stored = Assert.Single(await AreasNamedAsync(own.Name));
        Assert.Equal([own.Municipalities[0].Name], stored.Municipalities.Select(m => m.Name));
        Assert.Equal(own.Version, stored.Version);
    }

    [Fact]
    public async Task Area_coordinator_cannot_create_areas()
    {
        var area = await TestData.AreaAsync(app);
        var coordinator = await TestData.PersonAsync(app, (Role.AreaCoordinator, Scope.Area(area.Id.Value)));
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!);
        var name = TestData.Unique("Luvaton alue ");
        var mark = await AuditMarkAsync(app);

        var list = await client.GetPageAsync("/directory/areas");
        Assert.Equal(HttpStatusCode.OK, client.LastResponse!.StatusCode);
        Assert.Null(list.QuerySelector("[data-testid=new-area]"));
        Assert.Equal([area.Name], list.QuerySelectorAll("[data-testid=areas] tbody tr td:first-child").Select(td => td.TextContent.Trim()));

        var form = await client.GetAsync(CreatePage);
        var post = await PostAsForgedFormAsync(client, "/directory/sites/create", CreatePage,
            new() { ["Input.Name"] = name, ["Input.Municipalities"] = Municipality() });

        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Empty(await AreasNamedAsync(name));
        var denied = Assert.Single(await AuditSinceAsync(app, mark), r => r.EventCode == "Directory.AreaCreate");
        Assert.Equal(Vakka.Platform.Audit.AuditOutcome.Denied, denied.Outcome);
        Assert.Equal(coordinator.Id, denied.ActorAccountId);
        Assert.Equal("Directory.CreateArea", denied.ActionCode);
    }
}
