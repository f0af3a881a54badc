using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vakka.Platform.Access;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;
using static Vakka.Tests.Archive.ArchiveKit;
using static Vakka.Tests.Directory.DirectoryKit;

namespace Vakka.Tests.Archive;

/// <summary>/archive/retention: the overview, the death form's localised errors, and the two-person rule on the page.</summary>
[Collection(AppCollection.Name)]
public sealed class RetentionPageTests(VakkaFactory app)
{
    private const string Url = "/archive/retention";

    private async Task<AppClient> ArchivistAsync(ArchiveWorld world, string language)
    {
        var account = await TestData.PersonAsync(app, (Role.Archivist, Scope.Organisation(world.Org.Id.Value)));
        return await AppClient.SignedInAsync(app, account.UserName!, language: language);
    }

    [Fact]
    public async Task The_page_shows_the_gaps_and_the_death_form_shows_localised_errors_without_the_hetu_in_the_url()
    {
        var world = await WorldAsync(app);
        var hetu = RetentionEventTests.UniqueHetu();
        Assert.Equal(HttpStatusCode.Created, (await ArchiveAsync(world.Client, First(world.Org, hetu, serviceTask: "10"))).StatusCode);
        var archivist = await ArchivistAsync(world, "sv");

        var page = await archivist.GetPageAsync(Url);
        Assert.Equal(HttpStatusCode.OK, archivist.LastResponse!.StatusCode);
        Assert.Equal("1", page.QuerySelector("[data-testid=trigger-unknown] td:last-child")!.TextContent.Trim());
        Assert.Equal("0", page.QuerySelector("[data-testid=no-rule] td:last-child")!.TextContent.Trim());

        var refused = await archivist.SubmitAsync(Url, new() { ["Death.Client"] = "010181-900X", ["Death.Date"] = "2020-01-01" }, "Death");
        Assert.Equal(app.Text("Archive.Code.RETENTION_CLIENT_INVALID", "sv"), FieldError(refused, "Death.Client"));
        Assert.Equal("true", refused.GetElementById("Death_Client")!.GetAttribute("aria-invalid"));
        Assert.NotNull(refused.QuerySelector("[data-testid=error-summary]"));
        var empty = await archivist.SubmitAsync(Url, new() { ["Death.Client"] = "", ["Death.Date"] = "" }, "Death");
        Assert.NotNull(FieldError(empty, "Death.Date"));

        var recorded = await archivist.PostFormAsync(Url, new() { ["Death.Client"] = hetu, ["Death.Date"] = "2019-03-01" }, "Death");
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.DoesNotContain(hetu, recorded.Headers.Location!.ToString());
        await app.RunJobsAsync();
        var after = await archivist.GetPageAsync(Url);
        Assert.Equal("0", after.QuerySelector("[data-testid=trigger-unknown] td:last-child")!.TextContent.Trim());
        Assert.Contains("lastensuojelu", after.QuerySelector("[data-testid=ended]")!.TextContent);

        var professional = await AppClient.SignedInAsync(app, (await TestData.PersonAsync(app, (Role.SocialWelfareProfessional, Scope.Organisation(world.Org.Id.Value)))).UserName!);
        Assert.Equal(HttpStatusCode.Forbidden, (await professional.GetAsync(Url)).StatusCode);
    }

    [Fact]
    public async Task The_proposer_sees_no_approve_button_and_another_archivist_approves_on_the_page()
    {
        var world = await WorldAsync(app);
        Assert.Equal(HttpStatusCode.Accepted, (await RetentionEventTests.ClosedAsync(world.Client, world, "G-1", "2011-01-01")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ArchiveAsync(world.Client, First(world.Org, RetentionEventTests.UniqueHetu(), caseExt: "G-1"))).StatusCode);
        var proposer = await ArchivistAsync(world, "fi");
        var approver = await ArchivistAsync(world, "en");

        var future = await proposer.SubmitAsync(Url, new() { ["Propose.EndedBefore"] = "2999-01-01" }, "Propose");
        Assert.Equal(app.Text("Archive.Code.DESTRUCTION_DATE_INVALID", "fi"), FieldError(future, "Propose.EndedBefore"));
        var proposed = await proposer.SubmitAsync(Url, new() { ["Propose.EndedBefore"] = DateTime.UtcNow.ToString("yyyy-MM-dd") }, "Propose");
        Assert.Single(proposed.QuerySelectorAll("[data-testid=items] tbody tr"));
        Assert.Empty(proposed.QuerySelectorAll("[data-testid=approve]"));
        Assert.NotNull(proposed.QuerySelector("[data-testid=own]"));

        var approved = await approver.SubmitAsync(Url, [], "Approve");
        Assert.Equal(app.Text("Archive.Retention.Approved", "en"), approved.QuerySelector("[data-testid=flash]")!.TextContent.Trim());
        await app.RunJobsAsync();
        var record = await approver.GetPageAsync(Url);
        Assert.Contains(app.Text("Archive.Retention.Status.Executed", "en"), record.QuerySelector("[data-testid=proposals]")!.TextContent);
        Assert.Equal("1", record.QuerySelector("[data-testid=destroyed] td:last-child")!.TextContent.Trim());
    }
}

/// <summary>The retention demo data: a closed case with ended documents and a visible gap, loaded once.</summary>
[Collection(AppCollection.Name)]
public sealed class RetentionDemoDataTests(VakkaFactory app)
{
    [Fact]
    public async Task The_demo_organisation_gets_documents_with_ended_retention_and_one_with_an_unknown_trigger_once()
    {
        var org = await TestData.OrganisationAsync(app);
        await app.WithDbAsync(async db =>
        {
            if (await db.Set<Vakka.Directory.Domain.Organisation>().AnyAsync(o => o.Oid == Vakka.Archive.Features.ClientSystems.ArchiveDemoData.DemoOrganisationOid)) return;
            var row = await db.Set<Vakka.Directory.Domain.Organisation>().SingleAsync(o => o.Id == org.Id);
            row.Oid = Vakka.Archive.Features.ClientSystems.ArchiveDemoData.DemoOrganisationOid;
            await db.SaveChangesAsync();
        });
        await KeyClientAsync(app, org); // the demo key's client system archives them (ArchiveDemoData runs first)
        Task<bool> LoadAsync() => app.WithScopeAsync(sp => sp.GetRequiredService<Vakka.Archive.Features.Retention.RetentionDemoData>().LoadIfEmptyAsync(CancellationToken.None));

        Assert.True(await LoadAsync());
        Assert.False(await LoadAsync());
        var documents = await app.WithDbAsync(db => db.Set<Vakka.Archive.Domain.ArchivedDocument>().AsNoTracking()
            .Where(d => d.DocumentOid.StartsWith(Vakka.Archive.Features.ClientSystems.ArchiveDemoData.DemoOrganisationOid + ".10.0.90.2012.")).ToListAsync());
        Assert.Equal(2, documents.Count(d => d.RetentionEnd == new DateOnly(2022, 6, 29)));
        Assert.Single(documents, d => d is { RetentionRule: "lastensuojelu", RetentionEnd: null });
    }
}
