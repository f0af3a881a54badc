using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vakka.Archive.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;
using Vakka.Web;
using static Vakka.Tests.Archive.ArchiveKit;

namespace Vakka.Tests.Archive;

/// <summary>Voids, queries, who may see what, and the SHA-256 check on every read and in <c>archive verify</c>.</summary>
[Collection(AppCollection.Name)]
public sealed class ArchiveAccessTests(VakkaFactory app)
{
    [Fact]
    public async Task A_voided_set_leaves_queries_and_answers_410_to_client_systems_while_its_archivists_still_see_it()
    {
        var world = await WorldAsync(app);
        var v1 = First(world.Org);
        var v2 = Next(v1, world.Org);
        await ArchiveAsync(world.Client, v1);
        await VersionAsync(world.Client, OidOf(v1), v2);
        var query = new { client = Hetu, status = new[] { "current", "replaced" } };
        Assert.Equal(2, (await JsonAsync(await QueryAsync(world.Client, query))).GetProperty("items").GetArrayLength());

        Assert.Equal(["VOID_REASON_MISSING"], await CodesAsync(await world.Client.PostAsJsonAsync($"{Api}/documents/{OidOf(v1)}/void", new { reason = " " })));
        Assert.Equal(["VOID_REASON_TOO_LONG"], await CodesAsync(await world.Client.PostAsJsonAsync($"{Api}/documents/{OidOf(v1)}/void", new { reason = new string('x', 1001) })));
        const string reason = "Kirjattu väärälle asiakkaalle XYZZY";
        var voided = await world.Client.PostAsJsonAsync($"{Api}/documents/{OidOf(v1)}/void",
            new { reason, onBehalfOf = new { root = "1.2.246.537.25", extension = "12345" } });
        Assert.Equal(HttpStatusCode.OK, voided.StatusCode);
        Assert.Equal(OidOf(v1), (await JsonAsync(voided)).GetProperty("setId").GetString());
        var again = await world.Client.PostAsJsonAsync($"{Api}/documents/{OidOf(v2)}/void", new { reason });
        Assert.Equal((HttpStatusCode.Conflict, "ALREADY_VOIDED"), (again.StatusCode, (await CodesAsync(again))[0]));

        Assert.Equal(0, (await JsonAsync(await QueryAsync(world.Client, query))).GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await QueryAsync(world.Client, new { client = Hetu, status = new[] { "voided" } })).StatusCode);
        foreach (var url in new[] { $"{Api}/documents/{OidOf(v1)}", $"{Api}/documents/{OidOf(v2)}", $"{Api}/documents/{OidOf(v2)}/metadata", $"{Api}/sets/{OidOf(v1)}" })
        {
            var gone = await world.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
            Assert.Equal(["DOCUMENT_VOIDED"], await CodesAsync(gone));
        }

        var archivist = await PersonClientAsync(app, world.Org, Role.Archivist);
        Assert.Equal(Bytes(v2), await (await archivist.GetAsync($"{Api}/documents/{OidOf(v2)}")).Content.ReadAsByteArrayAsync());
        var metadata = await JsonAsync(await archivist.GetAsync($"{Api}/documents/{OidOf(v2)}/metadata"));
        Assert.Equal(("voided", reason), (metadata.GetProperty("document").GetProperty("status").GetString(), metadata.GetProperty("void").GetProperty("reason").GetString()));
        var voidedItems = await JsonAsync(await QueryAsync(archivist, new { client = Hetu, status = new[] { "voided" } }));
        Assert.Equal(2, voidedItems.GetProperty("items").GetArrayLength());
        Assert.Equal(0, (await JsonAsync(await QueryAsync(archivist, new { client = Hetu }))).GetProperty("items").GetArrayLength());

        // The reason is free text: it never reaches the audit log.
        var rows = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking().Where(r => r.EventCode == "Archive.DocumentVoid" && r.ActorApiKeyId == world.ClientSystemId).ToListAsync());
        Assert.Contains(rows, r => r.Outcome == AuditOutcome.Success);
        Assert.All(rows, r => Assert.DoesNotContain("XYZZY", string.Join('|', r.TargetIds, r.SubjectIds, r.EventCode, r.ActionCode)));
    }

    [Fact]
    public async Task Queries_filter_by_client_case_type_task_and_time_page_with_a_cursor_and_need_a_client_a_case_or_a_short_range()
    {
        var world = await WorldAsync(app);
        var start = new DateTimeOffset(2024, 1, 10, 9, 0, 0, TimeSpan.FromHours(2));
        var docs = new List<Vakka.Cda.CdaHeader>();
        for (var i = 0; i < 5; i++)
        {
            var header = First(world.Org, hetu: i < 3 ? Hetu : OtherHetu, effective: start.AddDays(i), caseExt: i % 2 == 0 ? "A-1" : "B-2", serviceTask: i == 4 ? "10" : "15");
            docs.Add(header);
            Assert.Equal(HttpStatusCode.Created, (await ArchiveAsync(world.Client, header)).StatusCode);
        }
        async Task<string[]> OidsAsync(object query)
        {
            var response = await QueryAsync(world.Client, query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await JsonAsync(response)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("documentOid").GetString()!).ToArray();
        }

        Assert.Equal([OidOf(docs[2]), OidOf(docs[1]), OidOf(docs[0])], await OidsAsync(new { client = Hetu }));
        var caseRoot = world.Org.Oid + ".10.0.92";
        Assert.Equal([OidOf(docs[4]), OidOf(docs[2]), OidOf(docs[0])], await OidsAsync(new { caseId = new { root = caseRoot, extension = "A-1" } }));
        Assert.Equal([OidOf(docs[4])], await OidsAsync(new { caseId = new { root = caseRoot, extension = "A-1" }, serviceTask = "10" }));
        Assert.Equal([OidOf(docs[3])], await OidsAsync(new { client = OtherHetu, serviceTask = "15", documentType = new { system = "1.2.246.537.6.1506", code = "19005" } }));
        Assert.Empty(await OidsAsync(new { client = Hetu, documentType = new { system = "1.2.246.537.6.1506", code = "19008" } }));
        Assert.Equal([OidOf(docs[2]), OidOf(docs[1])], await OidsAsync(new
            { from = start.AddDays(1).UtcDateTime, to = start.AddDays(3).UtcDateTime, registrar = world.Org.Oid }));
        var now = DateTime.UtcNow;
        Assert.Equal(5, (await OidsAsync(new { from = now.AddHours(-1), to = now.AddHours(1), timeField = "archivedAt" })).Length);
        Assert.Empty(await OidsAsync(new { from = now.AddHours(-1), to = now.AddHours(1) }));

        // Pages of two, newest first, with the cursor, until the end.
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await JsonAsync(await QueryAsync(world.Client, new { caseId = new { root = caseRoot, extension = "A-1" }, limit = 2, cursor }));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("documentOid").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);
        Assert.Equal([OidOf(docs[4]), OidOf(docs[2]), OidOf(docs[0])], seen);

        foreach (var (query, code) in new (object, string)[]
                 {
                     (new { serviceTask = "15" }, "QUERY_TOO_BROAD"),
                     (new { from = start.UtcDateTime, to = start.AddYears(2).UtcDateTime }, "QUERY_TOO_BROAD"),
                     (new { client = "010181-900D" }, "QUERY_VALUE_INVALID"),
                     (new { client = Hetu, limit = 501 }, "QUERY_LIMIT_INVALID"),
                     (new { client = Hetu, cursor = "!!" }, "QUERY_CURSOR_INVALID"),
                 })
        {
            var refused = await QueryAsync(world.Client, query);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(code, await CodesAsync(refused));
        }

        var rows = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking()
            .Where(r => r.EventCode == "Archive.DocumentQuery" && r.ActorApiKeyId == world.ClientSystemId && r.Outcome == AuditOutcome.Success).ToListAsync());
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.DoesNotContain(Hetu, r.SubjectIds + r.TargetIds));
    }

    [Fact]
    public async Task Another_organisation_gets_404_an_archivist_may_not_archive_and_a_professional_gets_403_everywhere()
    {
        var world = await WorldAsync(app);
        var other = await WorldAsync(app);
        var v1 = First(world.Org);
        await ArchiveAsync(world.Client, v1);
        var oid = OidOf(v1);

        foreach (var url in new[] { $"{Api}/documents/{oid}", $"{Api}/documents/{oid}/metadata", $"{Api}/sets/{oid}" })
            Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await VersionAsync(other.Client, oid, Next(v1, world.Org))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostAsJsonAsync($"{Api}/documents/{oid}/void", new { reason = "x" })).StatusCode);
        Assert.Empty((await JsonAsync(await QueryAsync(other.Client, new { client = Hetu }))).GetProperty("items").EnumerateArray());
        Assert.Equal(["QUERY_REGISTRAR_NOT_YOURS"], await CodesAsync(await QueryAsync(other.Client, new { client = Hetu, registrar = world.Org.Oid })));
        var otherArchivist = await PersonClientAsync(app, other.Org, Role.Archivist);
        Assert.Equal(HttpStatusCode.NotFound, (await otherArchivist.GetAsync($"{Api}/documents/{oid}")).StatusCode);

        var archivist = await PersonClientAsync(app, world.Org, Role.Archivist);
        Assert.Equal(HttpStatusCode.OK, (await archivist.GetAsync($"{Api}/documents/{oid}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ArchiveAsync(archivist, First(world.Org))).StatusCode);

        var professional = await PersonClientAsync(app, world.Org, Role.SocialWelfareProfessional);
        Assert.Equal(HttpStatusCode.Forbidden, (await ArchiveAsync(professional, First(world.Org))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await VersionAsync(professional, oid, Next(v1, world.Org))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await professional.PostAsJsonAsync($"{Api}/documents/{oid}/void", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await QueryAsync(professional, new { client = Hetu })).StatusCode);
        foreach (var url in new[] { $"{Api}/documents/{oid}", $"{Api}/documents/{oid}/metadata", $"{Api}/sets/{oid}" })
            Assert.Equal(HttpStatusCode.Forbidden, (await professional.GetAsync(url)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"{Api}/documents/{oid}")).StatusCode);
        var wrongKey = app.CreateClient();
        wrongKey.DefaultRequestHeaders.Add("X-Api-Key", "vka_not_a_key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.GetAsync($"{Api}/documents/{oid}")).StatusCode);
    }

    [Fact]
    public async Task The_client_system_role_is_never_given_to_an_account()
    {
        var org = await TestData.OrganisationAsync(app);
        var account = await TestData.PersonAsync(app);
        var admin = new Actor(null, null, [new RoleAssignment(Role.SystemAdmin, Scope.Global)]);
        var result = await app.WithScopeAsync(sp => sp.GetRequiredService<Vakka.Directory.Features.Accounts.AssignRole>().HandleAsync(admin, account.Id,
            new Vakka.Directory.Features.Accounts.RoleForm { Role = Role.ArchiveClientSystem, Scope = Vakka.Directory.Features.Accounts.RoleForm.Encode(Scope.Organisation(org.Id.Value)) },
            CancellationToken.None));
        Assert.Equal("Directory.Role.ServiceRoleOnly", Assert.Single(result.Errors).Key);
    }

    [Fact]
    public async Task One_tampered_byte_gives_500_ARCHIVE_INTEGRITY_FAILURE_and_archive_verify_reports_the_document_with_exit_code_2()
    {
        var world = await WorldAsync(app);
        var intact = First(world.Org);
        var damaged = First(world.Org);
        await ArchiveAsync(world.Client, intact);
        await ArchiveAsync(world.Client, damaged);

        var clean = new StringWriter();
        Assert.Equal(0, await Commands.TryRunAsync(app.Services, ["archive", "verify", "--organisation", world.Org.Oid], clean));
        Assert.Contains("Archive intact: 2 documents", clean.ToString());

        var id = await app.WithDbAsync(db => db.Set<ArchivedDocument>().Where(d => d.DocumentOid == OidOf(damaged)).Select(d => d.Id.Value).SingleAsync());
        var tampered = Bytes(damaged);
        var at = Array.IndexOf(tampered, (byte)'T', 200);
        tampered[at] = (byte)'t';
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE ar_document_content SET bytes = {0} WHERE document_id = {1}",
            tampered, app.IsPostgres ? id : id.ToString().ToUpperInvariant()));

        var read = await world.Client.GetAsync($"{Api}/documents/{OidOf(damaged)}");
        Assert.Equal(HttpStatusCode.InternalServerError, read.StatusCode);
        Assert.Equal(["ARCHIVE_INTEGRITY_FAILURE"], await CodesAsync(read));
        Assert.DoesNotContain("<ClinicalDocument", await read.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await world.Client.GetAsync($"{Api}/documents/{OidOf(intact)}")).StatusCode);
        var failed = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking()
            .Where(r => r.EventCode == "Archive.DocumentRetrieve" && r.ActorApiKeyId == world.ClientSystemId && r.Outcome == AuditOutcome.Failed).ToListAsync());
        Assert.Equal(id.ToString(), Assert.Single(failed).TargetIds);

        var output = new StringWriter();
        Assert.Equal(2, await Commands.TryRunAsync(app.Services, ["archive", "verify", "--organisation", world.Org.Oid], output));
        Assert.Contains($"HashMismatch: {OidOf(damaged)}", output.ToString());
        Assert.DoesNotContain(OidOf(intact), output.ToString());
        var mismatch = await app.WithDbAsync(db => db.Set<VerifyMismatch>().AsNoTracking().Where(m => m.DocumentId == new ArchivedDocumentId(id)).ToListAsync());
        Assert.Equal(VerifyProblem.HashMismatch, Assert.Single(mismatch).Problem);
        var run = await app.WithDbAsync(db => db.Set<VerifyRun>().AsNoTracking().SingleAsync(r => r.Id == mismatch[0].RunId));
        Assert.Equal((2L, 1L, 0L), (run.Checked, run.Mismatches, run.Missing));

        // Batches of one: the keyset on the id still reaches every document once.
        var oneByOne = await app.WithScopeAsync(sp => sp.GetRequiredService<Vakka.Archive.Features.Integrity.VerifyArchive>()
            .RunAsync(world.Org.Id, CancellationToken.None, batchSize: 1));
        Assert.Equal((2L, 1L), (oneByOne.Checked, oneByOne.Mismatches));
        Assert.Equal(OidOf(damaged), Assert.Single(oneByOne.Findings).DocumentOid);
    }
}
