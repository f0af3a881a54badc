using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vakka.Archive.Domain;
using Vakka.Archive.Features.Integrity;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Ids;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;
using static Vakka.Tests.Archive.ArchiveKit;

namespace Vakka.Tests.Archive;

/// <summary>Destruction in two steps (issue 5, design §c/§d) over HTTP: propose, another archivist decides, a job destroys.</summary>
[Collection(AppCollection.Name)]
public sealed class DestructionTests(VakkaFactory app)
{
    private static string Today => Vakka.Platform.Finnish.HelsinkiTime.Today(TimeProvider.System).ToString("yyyy-MM-dd");

    /// <summary>A registrar with a closed case (ended 2010 + 10 y): a set of two versions and one more document in it, and one document whose case is open.</summary>
    private async Task<(ArchiveWorld World, string[] Ended, string Open)> EndedAsync()
    {
        var world = await WorldAsync(app);
        Assert.Equal(HttpStatusCode.Accepted, (await RetentionEventTests.ClosedAsync(world.Client, world, "D-1", "2010-06-01")).StatusCode);
        var hetu = RetentionEventTests.UniqueHetu();
        var first = First(world.Org, hetu, caseExt: "D-1");
        var second = Next(first, world.Org);
        var other = First(world.Org, hetu, caseExt: "D-1");
        var open = First(world.Org, hetu, caseExt: "D-2");
        foreach (var header in new[] { first, other, open }) Assert.Equal(HttpStatusCode.Created, (await ArchiveAsync(world.Client, header)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await VersionAsync(world.Client, OidOf(first), second)).StatusCode);
        return (world, [OidOf(first), OidOf(second), OidOf(other)], OidOf(open));
    }

    private static Task<HttpResponseMessage> ProposeAsync(HttpClient client, string endedBefore) =>
        client.PostAsJsonAsync($"{Api}/destructions", new { endedBefore });

    private Task<List<ArchivedDocument>> DocumentsAsync(OrganisationId org) =>
        app.WithDbAsync(db => db.Set<ArchivedDocument>().AsNoTracking().Where(d => d.RegistrarOrgId == org).ToListAsync());

    [Fact]
    public async Task Another_archivist_approves_and_the_job_destroys_the_content_keeping_the_metadata_and_the_record()
    {
        var (world, ended, open) = await EndedAsync();
        var proposer = await PersonClientAsync(app, world.Org, Role.Archivist);
        var approver = await PersonClientAsync(app, world.Org, Role.Archivist);

        var overview = await JsonAsync(await proposer.GetAsync($"{Api}/retention"));
        Assert.Equal(3, overview.GetProperty("ended").EnumerateArray().Single(r => r.GetProperty("rule").GetString() == "paihdehuolto").GetProperty("documents").GetInt32());
        Assert.Equal(1, overview.GetProperty("triggerUnknown").GetInt32());

        var proposed = await ProposeAsync(proposer, Today);
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var proposal = await JsonAsync(proposed);
        var id = proposal.GetProperty("id").GetGuid();
        var items = proposal.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(ended.Order(), items.Select(i => i.GetProperty("documentOid").GetString()!).Order());
        var item = items.First(i => i.GetProperty("documentOid").GetString() == ended[1]);
        Assert.Equal((ended[0], 2, "paihdehuolto", "2020-06-01", "15"), (item.GetProperty("setId").GetString(), item.GetProperty("versionNumber").GetInt32(),
            item.GetProperty("rule").GetString(), item.GetProperty("retentionEnd").GetString(), item.GetProperty("serviceTask").GetString()));
        Assert.Equal(64, item.GetProperty("sha256").GetString()!.Length);
        Assert.True(item.GetProperty("byteLength").GetInt32() > 0);

        // Not proposed twice while the proposal is open.
        Assert.Equal(["DESTRUCTION_NOTHING_ENDED"], await CodesAsync(await ProposeAsync(approver, Today)));
        // The proposer can never approve their own proposal.
        var own = await proposer.PostAsync($"{Api}/destructions/{id}/approve", null);
        Assert.Equal((HttpStatusCode.Forbidden, "DESTRUCTION_OWN_PROPOSAL"), (own.StatusCode, (await CodesAsync(own))[0]));
        var approved = await approver.PostAsync($"{Api}/destructions/{id}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("Approved", (await JsonAsync(approved)).GetProperty("status").GetString());
        var twice = await approver.PostAsync($"{Api}/destructions/{id}/approve", null);
        Assert.Equal((HttpStatusCode.Conflict, "DESTRUCTION_DECIDED"), (twice.StatusCode, (await CodesAsync(twice))[0]));

        Assert.Equal(HttpStatusCode.OK, (await world.Client.GetAsync($"{Api}/documents/{ended[0]}")).StatusCode); // not yet: the job destroys
        await app.RunJobsAsync();

        var documents = await DocumentsAsync(world.Org.Id);
        Assert.Equal(4, documents.Count); // metadata rows stay
        Assert.All(documents.Where(d => ended.Contains(d.DocumentOid)), d => Assert.NotNull(d.DestroyedAt));
        Assert.Null(documents.Single(d => d.DocumentOid == open).DestroyedAt);
        var ids = documents.Select(d => d.Id).ToList();
        Assert.Equal([documents.Single(d => d.DocumentOid == open).Id],
            await app.WithDbAsync(db => db.Set<DocumentContent>().Where(c => ids.Contains(c.DocumentId)).Select(c => c.DocumentId).ToListAsync()));
        foreach (var client in new[] { world.Client, proposer })
        {
            var gone = await client.GetAsync($"{Api}/documents/{ended[2]}");
            Assert.Equal((HttpStatusCode.Gone, "DOCUMENT_DESTROYED"), (gone.StatusCode, (await CodesAsync(gone))[0]));
        }
        var record = await JsonAsync(await approver.GetAsync($"{Api}/destructions/{id}"));
        Assert.Equal(("Executed", 3), (record.GetProperty("status").GetString(), record.GetProperty("items").GetArrayLength()));
        Assert.NotEqual(JsonValueKindNull, record.GetProperty("executedAt").ValueKind);

        var report = await app.WithScopeAsync(sp => sp.GetRequiredService<VerifyArchive>().RunAsync(world.Org.Id, CancellationToken.None));
        Assert.True(report.Intact);
        Assert.Equal(1, report.Checked);
        Assert.Equal(3, (await JsonAsync(await proposer.GetAsync($"{Api}/retention"))).GetProperty("destroyed").GetInt32());

        var rows = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking().Where(r => r.EventCode.StartsWith("Archive.Destruction") && r.TargetIds.Contains(id.ToString())).ToListAsync());
        Assert.Equal(["Archive.DestructionPropose", "Archive.DestructionDecide", "Archive.DestructionDecide", "Archive.DestructionDecide"],
            rows.OrderBy(r => r.Seq).Select(r => r.EventCode));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task A_rejection_needs_a_reason_and_leaves_the_documents_to_be_proposed_again()
    {
        var (world, ended, _) = await EndedAsync();
        var proposer = await PersonClientAsync(app, world.Org, Role.Archivist);
        var other = await PersonClientAsync(app, world.Org, Role.Archivist);
        var id = (await JsonAsync(await ProposeAsync(proposer, Today))).GetProperty("id").GetGuid();

        Assert.Equal(["DESTRUCTION_REASON_INVALID"], await CodesAsync(await other.PostAsJsonAsync($"{Api}/destructions/{id}/reject", new { reason = " " })));
        Assert.Equal(HttpStatusCode.Forbidden, (await proposer.PostAsJsonAsync($"{Api}/destructions/{id}/reject", new { reason = "oma" })).StatusCode);
        var rejected = await other.PostAsJsonAsync($"{Api}/destructions/{id}/reject", new { reason = "Asia avataan uudelleen." });
        Assert.Equal(("Rejected", "Asia avataan uudelleen."), ((await JsonAsync(rejected)).GetProperty("status").GetString(), (await JsonAsync(rejected)).GetProperty("rejectReason").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await other.PostAsync($"{Api}/destructions/{id}/approve", null)).StatusCode);
        await app.RunJobsAsync();
        Assert.All(await DocumentsAsync(world.Org.Id), d => Assert.Null(d.DestroyedAt));

        var again = await ProposeAsync(other, Today);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(ended.Length, (await JsonAsync(again)).GetProperty("count").GetInt32());
        Assert.Equal(["DESTRUCTION_DATE_INVALID"], await CodesAsync(await ProposeAsync(other, "2999-01-01")));
    }

    [Fact]
    public async Task Another_organisations_archivist_a_client_system_and_a_professional_cannot_see_propose_or_decide()
    {
        var (world, _, _) = await EndedAsync();
        var proposer = await PersonClientAsync(app, world.Org, Role.Archivist);
        var id = (await JsonAsync(await ProposeAsync(proposer, Today))).GetProperty("id").GetGuid();

        var stranger = await WorldAsync(app);
        var strangerArchivist = await PersonClientAsync(app, stranger.Org, Role.Archivist);
        Assert.Equal(HttpStatusCode.Forbidden, (await strangerArchivist.GetAsync($"{Api}/destructions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await strangerArchivist.PostAsync($"{Api}/destructions/{id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerArchivist.GetAsync($"{Api}/destructions/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await strangerArchivist.PostAsJsonAsync($"{Api}/destructions", new { endedBefore = Today, registrar = world.Org.Oid })).StatusCode);
        var professional = await PersonClientAsync(app, world.Org, Role.SocialWelfareProfessional);
        foreach (var client in new[] { world.Client, professional })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{Api}/retention")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await ProposeAsync(client, Today)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"{Api}/destructions/{id}/approve", null)).StatusCode);
        }
        Assert.Equal("Proposed", (await JsonAsync(await proposer.GetAsync($"{Api}/destructions/{id}"))).GetProperty("status").GetString());
    }

    [Fact]
    public void The_proposer_never_decides_their_own_proposal_and_a_proposal_is_decided_once()
    {
        var proposer = new AccountId(Guid.NewGuid());
        var other = new AccountId(Guid.NewGuid());
        var proposal = new DestructionProposal { Id = Guid.NewGuid(), ProposedBy = proposer, Status = ProposalStatus.Proposed };
        Assert.Equal(DecisionRefusal.OwnProposal, proposal.Decide(proposer, approve: true, null, DateTime.UtcNow));
        Assert.Equal(DecisionRefusal.OwnProposal, proposal.Decide(proposer, approve: false, "syy", DateTime.UtcNow));
        Assert.Equal(DecisionRefusal.ReasonMissing, proposal.Decide(other, approve: false, "  ", DateTime.UtcNow));
        Assert.Equal(ProposalStatus.Proposed, proposal.Status);
        Assert.Null(proposal.Decide(other, approve: true, null, DateTime.UtcNow));
        Assert.Equal((ProposalStatus.Approved, other), (proposal.Status, proposal.DecidedBy!.Value));
        Assert.Equal(DecisionRefusal.AlreadyDecided, proposal.Decide(other, approve: false, "myöhässä", DateTime.UtcNow));
    }
}
