using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Vakka.Archive.Domain;
using Vakka.Cda;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;
using static Vakka.Tests.Archive.ArchiveKit;

namespace Vakka.Tests.Archive;

/// <summary>
/// The module README's two gaps, closed: no new version into a set whose destruction is proposed or done, and destroyed
/// versions never shown as current (left out of ordinary queries; an archivist asks for them with the status destroyed).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ArchiveGapsTests(VakkaFactory app)
{
    private static string Today => Vakka.Platform.Finnish.HelsinkiTime.Today(TimeProvider.System).ToString("yyyy-MM-dd");

    /// <summary>A registrar with one document whose retention ended (its case closed in 2010, Päihdehuolto 10 y), and two of its archivists.</summary>
    private async Task<(ArchiveWorld World, CdaHeader Document, string Hetu, HttpClient Proposer, HttpClient Approver)> EndedAsync()
    {
        var world = await WorldAsync(app);
        Assert.Equal(HttpStatusCode.Accepted, (await RetentionEventTests.ClosedAsync(world.Client, world, "G-1", "2010-06-01")).StatusCode);
        var hetu = RetentionEventTests.UniqueHetu();
        var document = First(world.Org, hetu, caseExt: "G-1");
        Assert.Equal(HttpStatusCode.Created, (await ArchiveAsync(world.Client, document)).StatusCode);
        return (world, document, hetu, await PersonClientAsync(app, world.Org, Role.Archivist), await PersonClientAsync(app, world.Org, Role.Archivist));
    }

    private static async Task<Guid> ProposeAsync(HttpClient archivist)
    {
        var proposed = await archivist.PostAsJsonAsync($"{Api}/destructions", new { endedBefore = Today });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        return (await JsonAsync(proposed)).GetProperty("id").GetGuid();
    }

    private async Task DestroyAsync(HttpClient proposer, HttpClient approver)
    {
        var id = await ProposeAsync(proposer);
        Assert.Equal(HttpStatusCode.OK, (await approver.PostAsync($"{Api}/destructions/{id}/approve", null)).StatusCode);
        await app.RunJobsAsync();
    }

    private Task<int> VersionsAsync(CdaHeader document) =>
        app.WithDbAsync(db => db.Set<ArchivedDocument>().CountAsync(d => d.SetId == document.SetId!.Value.Value));

    [Fact]
    public async Task A_new_version_into_a_set_proposed_for_destruction_is_409_and_into_a_destroyed_set_410_with_a_localised_message()
    {
        var (world, document, _, proposer, approver) = await EndedAsync();
        var id = await ProposeAsync(proposer);

        var proposed = await VersionAsync(world.Client, OidOf(document), Next(document, world.Org));
        Assert.Equal(HttpStatusCode.Conflict, proposed.StatusCode);
        var problem = await JsonAsync(proposed);
        Assert.Equal("SET_DESTRUCTION_PROPOSED", problem.GetProperty("code").GetString());
        Assert.Equal(app.Text("Archive.Code.SET_DESTRUCTION_PROPOSED", "fi"), problem.GetProperty("errors")[0].GetProperty("message").GetString());
        var swedish = await ArchiveKit.PostXmlAsync(world.Client, $"{Api}/documents/{OidOf(document)}/versions?culture=sv-FI", Bytes(Next(document, world.Org)));
        Assert.Equal(app.Text("Archive.Code.SET_DESTRUCTION_PROPOSED", "sv"), (await JsonAsync(swedish)).GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(1, await VersionsAsync(document));

        Assert.Equal(HttpStatusCode.OK, (await approver.PostAsync($"{Api}/destructions/{id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await VersionAsync(world.Client, OidOf(document), Next(document, world.Org))).StatusCode); // approved, not yet executed
        await app.RunJobsAsync();

        var destroyed = await VersionAsync(world.Client, OidOf(document), Next(document, world.Org));
        Assert.Equal(HttpStatusCode.Gone, destroyed.StatusCode);
        Assert.Equal(["DOCUMENT_DESTROYED"], await CodesAsync(destroyed));
        Assert.Equal(app.Text("Archive.Code.DOCUMENT_DESTROYED", "fi"), (await JsonAsync(destroyed)).GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(1, await VersionsAsync(document));
        var refused = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking()
            .Where(r => r.EventCode == "Archive.DocumentVersion" && r.ActorApiKeyId == world.ClientSystemId).Select(r => r.Outcome).ToListAsync());
        Assert.Equal(4, refused.Count);
        Assert.DoesNotContain(AuditOutcome.Success, refused);
    }

    [Fact]
    public async Task A_destroyed_document_leaves_ordinary_queries_and_archivists_who_ask_see_it_as_destroyed_on_the_api_and_the_pages()
    {
        var (world, document, hetu, proposer, approver) = await EndedAsync();
        var kept = First(world.Org, hetu, caseExt: "G-2"); // its case is open: no end, never destroyed
        Assert.Equal(HttpStatusCode.Created, (await ArchiveAsync(world.Client, kept)).StatusCode);
        await DestroyAsync(proposer, approver);

        async Task<List<(string Oid, string Status)>> QueryAsync(HttpClient client, object query)
        {
            var response = await ArchiveKit.QueryAsync(client, query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await JsonAsync(response)).GetProperty("items").EnumerateArray()
                .Select(i => (i.GetProperty("documentOid").GetString()!, i.GetProperty("status").GetString()!)).ToList();
        }
        Assert.Equal([(OidOf(kept), "current")], await QueryAsync(world.Client, new { client = hetu }));
        Assert.Equal([(OidOf(kept), "current")], await QueryAsync(proposer, new { client = hetu }));
        Assert.Equal([(OidOf(kept), "current")], await QueryAsync(proposer, new { client = hetu, status = new[] { "current", "replaced", "voided" } }));
        Assert.Equal([(OidOf(document), "destroyed")], await QueryAsync(proposer, new { client = hetu, status = new[] { "destroyed" } }));
        Assert.Equal(2, (await QueryAsync(proposer, new { client = hetu, status = new[] { "current", "destroyed" } })).Count);
        var notYours = await ArchiveKit.QueryAsync(world.Client, new { client = hetu, status = new[] { "destroyed" } });
        Assert.Equal((HttpStatusCode.BadRequest, "QUERY_VALUE_INVALID"), (notYours.StatusCode, (await CodesAsync(notYours))[0]));

        var archivist = await StatisticsPageTests.ArchivistAsync(app, world);
        var ordinary = await AppClient.ParseAsync(await archivist.PostFormAsync("/archive", new() { ["Input.Client"] = hetu }));
        Assert.Single(ordinary.QuerySelectorAll("[data-testid=archive-row]"));
        var asked = await AppClient.ParseAsync(await archivist.PostFormAsync("/archive", new() { ["Input.Client"] = hetu, ["Input.IncludeDestroyed"] = "true" }));
        var rows = asked.QuerySelectorAll("[data-testid=archive-row]").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Single(rows, r => r.Contains(app.Text("Archive.Status.destroyed"), StringComparison.Ordinal));

        var id = await app.WithDbAsync(db => db.Set<ArchivedDocument>().Where(d => d.DocumentOid == OidOf(document)).Select(d => d.Id.Value).SingleAsync());
        var page = await archivist.GetPageAsync($"/archive/documents/{id}");
        Assert.Equal(HttpStatusCode.OK, archivist.LastResponse!.StatusCode);
        Assert.Equal(app.Text("Archive.Status.destroyed"), page.QuerySelector("[data-testid=status]")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("[data-testid=destroyed]"));
        Assert.Null(page.QuerySelector("[data-testid=integrity-alert]"));
        Assert.Null(page.QuerySelector("[data-testid=download-xml]"));
        Assert.Equal(HttpStatusCode.Gone, (await archivist.GetAsync($"/archive/documents/{id}/download")).StatusCode);
        var view = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking()
            .Where(r => r.EventCode == "Archive.DocumentView" && r.TargetIds.Contains(id.ToString())).Select(r => r.Outcome).ToListAsync());
        Assert.Equal(AuditOutcome.Success, Assert.Single(view));
    }
}
