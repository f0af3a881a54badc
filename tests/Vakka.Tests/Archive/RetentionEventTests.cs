using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vakka.Archive.Domain;
using Vakka.Cda;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Finnish;
using Vakka.Testing;
using Vakka.Tests.Cda;
using Vakka.Tests.Infrastructure;
using static Vakka.Tests.Archive.ArchiveKit;

namespace Vakka.Tests.Archive;

/// <summary>Retention at archive time and after the retention events (issue 5, design §c/§d/§e) over HTTP.</summary>
[Collection(AppCollection.Name)]
public sealed class RetentionEventTests(VakkaFactory app)
{
    private const string Checks = "0123456789ABCDEFHJKLMNPRSTUVWXY";
    private static int people;

    /// <summary>A test person of their own (900-series, born in the 1960s), so that a death reported here touches no other test's documents.</summary>
    public static string UniqueHetu()
    {
        var n = Interlocked.Increment(ref people);
        var birth = new DateOnly(1960, 1, 1).AddDays(n * 7 % 3000 + Environment.ProcessId % 50 * 100);
        var individual = 900 + n % 99;
        var digits = $"{birth:ddMMyy}{individual:000}";
        var hetu = $"{birth:ddMMyy}-{individual:000}{Checks[(int)(long.Parse(digits) % 31)]}";
        return PersonalIdentityCode.Parse(hetu).Value;
    }

    internal static string CaseRoot(ArchiveWorld world) => world.Org.Oid + ".10.0.92";

    private Task<ArchivedDocument> DocumentAsync(string oid) =>
        app.WithDbAsync(db => db.Set<ArchivedDocument>().AsNoTracking().SingleAsync(d => d.DocumentOid == oid));

    public static Task<HttpResponseMessage> DeathAsync(HttpClient client, string hetu, string date) =>
        client.PostAsJsonAsync($"{Api}/persons/deaths", new { client = hetu, date });

    internal static Task<HttpResponseMessage> ClosedAsync(HttpClient client, ArchiveWorld world, string ext, string closedOn, string serviceTask = "15") =>
        client.PostAsJsonAsync($"{Api}/cases/closed", new { caseId = new { root = CaseRoot(world), extension = ext }, closedOn, serviceTask });

    private async Task<int> EventsAsync(Guid org) =>
        await app.WithDbAsync(db => db.Set<RetentionEvent>().CountAsync(e => e.RegistrarOrgId == new Vakka.Platform.Ids.OrganisationId(org)));

    [Fact]
    public async Task A_case_closed_rule_has_no_end_until_the_case_closes_then_the_job_sets_it_and_a_reopening_clears_it()
    {
        var world = await WorldAsync(app);
        var header = First(world.Org, UniqueHetu(), caseExt: "P-1");
        Assert.Equal(HttpStatusCode.Created, (await ArchiveAsync(world.Client, header)).StatusCode);
        var before = await DocumentAsync(OidOf(header));
        Assert.Equal(("paihdehuolto", null, null), (before.RetentionRule, before.RetentionTrigger, before.RetentionEnd));

        var closed = await ClosedAsync(world.Client, world, "P-1", "2014-05-02");
        Assert.Equal(HttpStatusCode.Accepted, closed.StatusCode);
        Assert.Null((await DocumentAsync(OidOf(header))).RetentionEnd); // the job has not run yet
        await app.RunJobsAsync();
        var after = await DocumentAsync(OidOf(header));
        Assert.Equal((new DateOnly(2014, 5, 2), new DateOnly(2024, 5, 2)), (after.RetentionTrigger!.Value, after.RetentionEnd!.Value));

        // The metadata carries the retention; a new version shares the set's end.
        var metadata = await JsonAsync(await world.Client.GetAsync($"{Api}/documents/{OidOf(header)}/metadata"));
        Assert.Equal("2024-05-02", metadata.GetProperty("document").GetProperty("retention").GetProperty("end").GetString());
        var next = Next(header, world.Org);
        Assert.Equal(HttpStatusCode.Created, (await VersionAsync(world.Client, OidOf(header), next)).StatusCode);
        Assert.Equal(new DateOnly(2024, 5, 2), (await DocumentAsync(OidOf(next))).RetentionEnd);

        var reopened = await world.Client.PostAsJsonAsync($"{Api}/cases/reopened", new { caseId = new { root = CaseRoot(world), extension = "P-1" } });
        Assert.Equal(HttpStatusCode.Accepted, reopened.StatusCode);
        await app.RunJobsAsync();
        Assert.All(new[] { OidOf(header), OidOf(next) }, oid => Assert.Null(DocumentAsync(oid).Result.RetentionEnd));
        Assert.Equal(2, await EventsAsync(world.Org.Id.Value));
    }

    [Fact]
    public async Task A_document_archived_after_its_case_closed_gets_its_end_at_archive_time()
    {
        var world = await WorldAsync(app);
        Assert.Equal(HttpStatusCode.Accepted, (await ClosedAsync(world.Client, world, "P-2", "2012-01-31")).StatusCode);
        var header = First(world.Org, UniqueHetu(), caseExt: "P-2");
        Assert.Equal(HttpStatusCode.Created, (await ArchiveAsync(world.Client, header)).StatusCode);
        Assert.Equal(new DateOnly(2022, 1, 31), (await DocumentAsync(OidOf(header))).RetentionEnd);
    }

    [Fact]
    public async Task A_death_triggered_rule_gets_its_end_after_a_death_is_recorded_and_the_audit_row_names_the_person_not_the_hetu()
    {
        var world = await WorldAsync(app);
        var hetu = UniqueHetu();
        var header = First(world.Org, hetu, serviceTask: "10"); // Lastensuojelu: 2 y from the client's death
        Assert.Equal(HttpStatusCode.Created, (await ArchiveAsync(world.Client, header)).StatusCode);
        Assert.Equal(("lastensuojelu", (DateOnly?)null), ((await DocumentAsync(OidOf(header))).RetentionRule, (await DocumentAsync(OidOf(header))).RetentionEnd));

        var death = await DeathAsync(world.Client, hetu, "2020-02-29");
        Assert.Equal(HttpStatusCode.Accepted, death.StatusCode);
        var eventId = (await JsonAsync(death)).GetProperty("eventId").GetGuid();
        await app.RunJobsAsync();
        var after = await DocumentAsync(OidOf(header));
        Assert.Equal((new DateOnly(2020, 2, 29), new DateOnly(2022, 2, 28)), (after.RetentionTrigger!.Value, after.RetentionEnd!.Value));
        var person = await app.WithDbAsync(db => db.Set<ArchivePerson>().AsNoTracking().SingleAsync(p => p.Hetu == hetu));
        Assert.Equal(new DateOnly(2020, 2, 29), person.DeathDate);

        var row = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking()
            .SingleAsync(r => r.ActorApiKeyId == world.ClientSystemId && r.EventCode == "Archive.RetentionEventRecord"));
        Assert.Equal((AuditOutcome.Success, eventId.ToString(), person.Id.ToString()), (row.Outcome, row.TargetIds, row.SubjectIds));
        Assert.DoesNotContain(hetu, row.Canonical());
    }

    [Fact]
    public async Task An_Asia_asiakirja_fills_the_case_and_the_case_documents_get_their_end()
    {
        var world = await WorldAsync(app);
        var hetu = UniqueHetu();
        var note = First(world.Org, hetu, caseExt: "A-1");
        Assert.Equal(HttpStatusCode.Created, (await ArchiveAsync(world.Client, note)).StatusCode);

        var asia = First(world.Org, hetu, caseExt: "A-1") with
        {
            DocumentType = new Coded("2", CdaConstants.DocumentGroupSystem, "Asia-asiakirja"), Title = "Asia-asiakirja",
            TemplateIds = [Oid.Parse("1.2.246.537.6.1505.2.2022.6.28")], GeneralType = "Asia-asiakirja",
        };
        var json = Encoding.UTF8.GetBytes("""
            {"asia_asiakirja":{"asian_tiedot":{"asiatunnus":"A-1","avauspaiva":"2010-03-01","paattymispaiva":"2013-06-30",
             "palvelutehtava":{"code":"15","codeSystem":"1.2.246.537.6.1221"}}}}
            """);
        var created = await PostXmlAsync(world.Client, $"{Api}/documents", CdaTestData.Bytes(asia, new XhtmlJsonBody(CdaTestData.Xhtml, json)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(new DateOnly(2023, 6, 30), (await DocumentAsync(OidOf(asia))).RetentionEnd);
        await app.RunJobsAsync();
        Assert.Equal(new DateOnly(2023, 6, 30), (await DocumentAsync(OidOf(note))).RetentionEnd);
        var archived = await app.WithDbAsync(db => db.Set<ArchiveCase>().AsNoTracking().SingleAsync(c => c.RegistrarOrgId == world.Org.Id && c.CaseExt == "A-1"));
        Assert.Equal((CaseSource.AsiaDocument, new DateOnly(2010, 3, 1)), (archived.Source, archived.OpenedOn!.Value));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_localised_problems_and_records_nothing()
    {
        var world = await WorldAsync(app);
        var hetu = UniqueHetu();
        Assert.Equal(HttpStatusCode.Created, (await ArchiveAsync(world.Client, First(world.Org, hetu, serviceTask: "10"))).StatusCode);

        var invalid = await DeathAsync(world.Client, "010181-900X", "2030-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(["RETENTION_CLIENT_INVALID", "RETENTION_DATE_INVALID"], await CodesAsync(invalid));
        var swedish = await world.Client.PostAsJsonAsync($"{Api}/persons/deaths?culture=sv-FI", new { client = hetu, date = "31.12.2020" });
        Assert.Equal(app.Text("Archive.Code.RETENTION_DATE_INVALID", "sv"), (await JsonAsync(swedish)).GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(["RETENTION_DATE_INVALID"], await CodesAsync(await DeathAsync(world.Client, hetu, "1950-01-01")));
        Assert.Equal(["PERSON_UNKNOWN"], await CodesAsync(await DeathAsync(world.Client, UniqueHetu(), "2020-01-01")));
        Assert.Equal(["CASE_ID_INVALID"], await CodesAsync(await world.Client.PostAsJsonAsync($"{Api}/cases/closed", new { caseId = new { root = "x" }, closedOn = "2020-01-01" })));
        Assert.Equal(["SERVICE_TASK_MISSING"], await CodesAsync(await world.Client.PostAsJsonAsync($"{Api}/cases/closed",
            new { caseId = new { root = CaseRoot(world), extension = "N-1" }, closedOn = "2020-01-01" })));
        Assert.Equal(["CASE_UNKNOWN"], await CodesAsync(await world.Client.PostAsJsonAsync($"{Api}/cases/reopened",
            new { caseId = new { root = CaseRoot(world), extension = "N-1" } })));
        var malformed = await world.Client.PostAsync($"{Api}/persons/deaths", new StringContent("{ not json", Encoding.UTF8, "application/json"));
        Assert.Equal(["REQUEST_BODY_INVALID"], await CodesAsync(malformed));

        Assert.Equal(0, await EventsAsync(world.Org.Id.Value));
        Assert.Null(await app.WithDbAsync(db => db.Set<ArchivePerson>().Where(p => p.Hetu == hetu).Select(p => p.DeathDate).SingleAsync()));
    }

    [Fact]
    public async Task Another_organisation_cannot_report_a_death_of_a_person_it_holds_nothing_of_and_a_professional_is_refused()
    {
        var world = await WorldAsync(app);
        var hetu = UniqueHetu();
        Assert.Equal(HttpStatusCode.Created, (await ArchiveAsync(world.Client, First(world.Org, hetu, serviceTask: "10"))).StatusCode);

        var stranger = await WorldAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await DeathAsync(stranger.Client, hetu, "2020-01-01")).StatusCode);
        var strangerArchivist = await PersonClientAsync(app, stranger.Org, Role.Archivist);
        Assert.Equal(HttpStatusCode.NotFound, (await DeathAsync(strangerArchivist, hetu, "2020-01-01")).StatusCode);
        var registrar = await strangerArchivist.PostAsJsonAsync($"{Api}/cases/closed",
            new { caseId = new { root = CaseRoot(world), extension = "X" }, closedOn = "2020-01-01", serviceTask = "15", registrar = world.Org.Oid });
        Assert.Equal(HttpStatusCode.Forbidden, registrar.StatusCode);
        var professional = await PersonClientAsync(app, world.Org, Role.SocialWelfareProfessional);
        Assert.Equal(HttpStatusCode.Forbidden, (await DeathAsync(professional, hetu, "2020-01-01")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ClosedAsync(professional, world, "X", "2020-01-01")).StatusCode);
        Assert.Equal(0, await EventsAsync(world.Org.Id.Value));

        var archivist = await PersonClientAsync(app, world.Org, Role.Archivist);
        Assert.Equal(HttpStatusCode.Accepted, (await DeathAsync(archivist, hetu, "2020-01-01")).StatusCode);
    }
}
