using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using Microsoft.EntityFrameworkCore;
using Vakka.Archive.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;
using static Vakka.Tests.Archive.ArchiveKit;
using Task = System.Threading.Tasks.Task;

namespace Vakka.Tests.Archive;

/// <summary>The disclosure log (issue 5, design §c/§e, SWA §9): recording, refusals, who may export, and the FHIR R4 export.</summary>
[Collection(AppCollection.Name)]
public sealed class DisclosureTests(VakkaFactory app)
{
    private const string Recipient = "1.2.246.10.7654321.10.0";
    private const string RecipientName = "Naapurikunnan sosiaalipalvelut";

    private Task<List<Disclosure>> DisclosuresAsync(ArchiveWorld world) =>
        app.WithDbAsync(db => db.Set<Disclosure>().AsNoTracking().Where(d => d.RegistrarOrgId == world.Org.Id).ToListAsync());

    private Task<List<Guid>> ItemsAsync(Guid disclosure) => app.WithDbAsync(db => db.Set<DisclosureItem>().AsNoTracking()
        .Where(i => i.DisclosureId == new DisclosureId(disclosure)).Select(i => i.DocumentId.Value).ToListAsync());

    private Task<Guid> DocumentIdAsync(string oid) =>
        app.WithDbAsync(db => db.Set<ArchivedDocument>().Where(d => d.DocumentOid == oid).Select(d => d.Id.Value).SingleAsync());

    private Task<Guid> PersonIdAsync(string hetu) =>
        app.WithDbAsync(db => db.Set<ArchivePerson>().Where(p => p.Hetu == hetu).Select(p => p.Id.Value).SingleAsync());

    private static Task<HttpResponseMessage> PostDisclosureAsync(HttpClient client, string recipient, string basis, params string[] documents) =>
        client.PostAsJsonAsync($"{Api}/disclosures", new { recipient = new { oid = recipient, name = RecipientName }, basis, documents });

    private async Task<(ArchiveWorld World, Vakka.Cda.CdaHeader Header)> ArchivedAsync()
    {
        var world = await WorldAsync(app);
        var header = First(world.Org);
        Assert.Equal(HttpStatusCode.Created, (await ArchiveAsync(world.Client, header)).StatusCode);
        return (world, header);
    }

    [Fact]
    public async Task A_retrieval_for_another_organisation_returns_the_exact_bytes_and_records_one_event_and_a_plain_retrieval_records_none()
    {
        var (world, header) = await ArchivedAsync();
        var plain = await world.Client.GetAsync($"{Api}/documents/{OidOf(header)}");
        Assert.Equal(Bytes(header), await plain.Content.ReadAsByteArrayAsync());
        Assert.Empty(await DisclosuresAsync(world));

        var disclosed = await world.Client.GetAsync(
            $"{Api}/documents/{OidOf(header)}?disclosedTo={Recipient}&basis=statutory&recipientName={Uri.EscapeDataString(RecipientName)}&consent=SUOSTUMUS-7");
        Assert.Equal(HttpStatusCode.OK, disclosed.StatusCode);
        Assert.Equal(Bytes(header), await disclosed.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/xml", disclosed.Content.Headers.ContentType!.MediaType);

        var events = await DisclosuresAsync(world);
        var e = Assert.Single(events);
        var documentId = await DocumentIdAsync(OidOf(header));
        var person = await PersonIdAsync(Hetu);
        Assert.Equal((Recipient, RecipientName, "statutory", "electronic", "SUOSTUMUS-7", world.Org.Oid, person, world.ClientSystemId),
            (e.RecipientOid, e.RecipientName, e.LegalBasis, e.TypeOfDisclosure, e.ConsentRef, e.RegistrarOid, e.PersonId.Value, e.ClientSystemId!.Value.Value));
        Assert.Equal([documentId], await ItemsAsync(e.Id.Value));

        // One audit row for the request: the disclosure, naming the event and the document, the person as subject, no henkilötunnus.
        var rows = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking().Where(r => r.ActorApiKeyId == world.ClientSystemId).ToListAsync());
        Assert.Equal(["Archive.DocumentArchive", "Archive.DocumentRetrieve", "Archive.DisclosureRecord"], rows.OrderBy(r => r.Seq).Select(r => r.EventCode));
        var row = rows.Single(r => r.EventCode == "Archive.DisclosureRecord");
        Assert.Equal((AuditOutcome.Success, "Archive.RecordDisclosure", person.ToString()), (row.Outcome, row.ActionCode, row.SubjectIds));
        Assert.Equal(new[] { documentId, e.Id.Value }.Order(), row.TargetIds.Split(',').Select(Guid.Parse).Order());
        Assert.All(rows, r => Assert.DoesNotContain(Hetu, string.Join('|', r.TargetIds, r.SubjectIds, r.EventCode, r.ActionCode)));
    }

    [Fact]
    public async Task A_document_that_fails_its_integrity_check_is_not_disclosed_and_no_event_is_recorded()
    {
        var (world, header) = await ArchivedAsync();
        var id = await DocumentIdAsync(OidOf(header));
        var tampered = Bytes(header);
        tampered[Array.IndexOf(tampered, (byte)'T', 200)] = (byte)'t';
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE ar_document_content SET bytes = {0} WHERE document_id = {1}",
            tampered, app.IsPostgres ? id : id.ToString().ToUpperInvariant()));

        var read = await world.Client.GetAsync($"{Api}/documents/{OidOf(header)}?disclosedTo={Recipient}&basis=statutory");
        Assert.Equal((HttpStatusCode.InternalServerError, "ARCHIVE_INTEGRITY_FAILURE"), (read.StatusCode, (await CodesAsync(read))[0]));
        Assert.Empty(await DisclosuresAsync(world));
    }

    [Fact]
    public async Task One_event_covers_several_documents_of_one_person_and_documents_of_two_persons_are_refused_with_nothing_recorded()
    {
        var world = await WorldAsync(app);
        var a = First(world.Org);
        var b = First(world.Org, caseExt: "2025-18");
        var other = First(world.Org, hetu: OtherHetu);
        foreach (var h in new[] { a, b, other }) Assert.Equal(HttpStatusCode.Created, (await ArchiveAsync(world.Client, h)).StatusCode);

        var mixed = await PostDisclosureAsync(world.Client, Recipient, "consent", OidOf(a), OidOf(other));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, mixed.StatusCode);
        Assert.Equal(["DISCLOSURE_PERSONS_DIFFER"], await CodesAsync(mixed));
        Assert.Empty(await DisclosuresAsync(world));

        var created = await world.Client.PostAsJsonAsync($"{Api}/disclosures", new
        {
            recipient = new { oid = Recipient, name = RecipientName }, basis = "consent", typeOfDisclosure = "paper", consent = "C-1",
            practitioner = new { root = "1.2.246.537.26", extension = "123456" }, documents = new[] { OidOf(a), OidOf(b) },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await JsonAsync(created)).GetProperty("id").GetGuid();
        Assert.Equal($"{Api}/disclosures/{id}/audit-event", created.Headers.Location!.OriginalString);
        var e = Assert.Single(await DisclosuresAsync(world));
        Assert.Equal((id, "paper", "1.2.246.537.26", "123456"), (e.Id.Value, e.TypeOfDisclosure, e.PractitionerRoot, e.PractitionerExt));
        Assert.Equal(new[] { await DocumentIdAsync(OidOf(a)), await DocumentIdAsync(OidOf(b)) }.Order(), (await ItemsAsync(id)).Order());
    }

    [Fact]
    public async Task Bad_terms_are_refused_with_machine_codes_in_the_callers_language_and_nothing_is_recorded()
    {
        var (world, header) = await ArchivedAsync();
        var url = $"{Api}/documents/{OidOf(header)}";
        foreach (var (query, status, code) in new[]
                 {
                     ($"?disclosedTo=1.2.x&basis=statutory", HttpStatusCode.BadRequest, "DISCLOSURE_RECIPIENT_INVALID"),
                     ($"?disclosedTo=01.2.246&basis=statutory", HttpStatusCode.BadRequest, "DISCLOSURE_RECIPIENT_INVALID"),
                     ($"?disclosedTo={Recipient}&basis=gossip", HttpStatusCode.BadRequest, "DISCLOSURE_BASIS_UNKNOWN"),
                     ($"?disclosedTo={Recipient}", HttpStatusCode.BadRequest, "DISCLOSURE_BASIS_MISSING"),
                     ("?basis=statutory", HttpStatusCode.BadRequest, "DISCLOSURE_RECIPIENT_MISSING"),
                     ($"?disclosedTo={Recipient}&basis=statutory&typeOfDisclosure=carrier-pigeon", HttpStatusCode.BadRequest, "DISCLOSURE_TYPE_UNKNOWN"),
                     ($"?disclosedTo={world.Org.Oid}&basis=statutory", HttpStatusCode.UnprocessableEntity, "DISCLOSURE_TO_REGISTRAR"),
                     ($"?disclosedTo={world.Org.Oid}.10.3&basis=statutory", HttpStatusCode.UnprocessableEntity, "DISCLOSURE_TO_REGISTRAR"),
                 })
        {
            var refused = await world.Client.GetAsync(url + query);
            Assert.Equal((status, code), (refused.StatusCode, (await CodesAsync(refused))[0]));
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        }

        var swedish = await world.Client.GetAsync($"{url}?disclosedTo={Recipient}&basis=gossip&culture=sv-FI");
        Assert.Equal(app.Text("Archive.Code.DISCLOSURE_BASIS_UNKNOWN", "sv"), (await JsonAsync(swedish)).GetProperty("title").GetString());
        Assert.NotEqual(app.Text("Archive.Code.DISCLOSURE_BASIS_UNKNOWN", "fi"), app.Text("Archive.Code.DISCLOSURE_BASIS_UNKNOWN", "sv"));

        foreach (var (body, status, code) in new (object, HttpStatusCode, string)[]
                 {
                     (new { recipient = new { oid = "not an oid" }, basis = "consent", documents = new[] { OidOf(header) } }, HttpStatusCode.BadRequest, "DISCLOSURE_RECIPIENT_INVALID"),
                     (new { recipient = new { oid = Recipient }, basis = "nope", documents = new[] { OidOf(header) } }, HttpStatusCode.BadRequest, "DISCLOSURE_BASIS_UNKNOWN"),
                     (new { recipient = new { oid = Recipient }, basis = "consent", documents = Array.Empty<string>() }, HttpStatusCode.BadRequest, "DISCLOSURE_DOCUMENTS_INVALID"),
                     (new { recipient = new { oid = Recipient }, basis = "consent", documents = new[] { OidOf(header), OidOf(header) } }, HttpStatusCode.BadRequest, "DISCLOSURE_DOCUMENTS_INVALID"),
                     (new { recipient = new { oid = Recipient }, basis = "consent", practitioner = new { root = "x" }, documents = new[] { OidOf(header) } }, HttpStatusCode.BadRequest, "DISCLOSURE_PRACTITIONER_INVALID"),
                     (new { recipient = new { oid = Recipient }, basis = "consent", documents = new[] { "1.2.246.10.1.99" } }, HttpStatusCode.NotFound, "DISCLOSURE_DOCUMENT_UNKNOWN"),
                     (new { recipient = new { oid = world.Org.Oid }, basis = "consent", documents = new[] { OidOf(header) } }, HttpStatusCode.UnprocessableEntity, "DISCLOSURE_TO_REGISTRAR"),
                 })
        {
            var refused = await world.Client.PostAsJsonAsync($"{Api}/disclosures", body);
            Assert.Equal((status, code), (refused.StatusCode, (await CodesAsync(refused))[0]));
        }
        var malformed = await world.Client.PostAsync($"{Api}/disclosures", new StringContent("{ not json", Encoding.UTF8, "application/json"));
        Assert.Equal(["REQUEST_BODY_INVALID"], await CodesAsync(malformed));
        Assert.Empty(await DisclosuresAsync(world));
    }

    [Fact]
    public async Task Only_the_registrars_archivists_and_auditors_export_and_another_organisation_can_neither_record_nor_read()
    {
        var (world, header) = await ArchivedAsync();
        var id = (await JsonAsync(await PostDisclosureAsync(world.Client, Recipient, "statutory", OidOf(header)))).GetProperty("id").GetGuid();
        var eventUrl = $"{Api}/disclosures/{id}/audit-event";

        var stranger = await WorldAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"{Api}/documents/{OidOf(header)}?disclosedTo={Recipient}&basis=statutory")).StatusCode);
        var foreign = await PostDisclosureAsync(stranger.Client, Recipient, "statutory", OidOf(header));
        Assert.Equal((HttpStatusCode.NotFound, "DISCLOSURE_DOCUMENT_UNKNOWN"), (foreign.StatusCode, (await CodesAsync(foreign))[0]));
        Assert.Single(await DisclosuresAsync(world));

        var strangerArchivist = await PersonClientAsync(app, stranger.Org, Role.Archivist);
        var professional = await PersonClientAsync(app, world.Org, Role.SocialWelfareProfessional);
        foreach (var client in new[] { stranger.Client, world.Client, professional })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{Api}/disclosures")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(eventUrl)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await PostDisclosureAsync(professional, Recipient, "statutory", OidOf(header))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await strangerArchivist.GetAsync(eventUrl)).StatusCode);
        var strangersList = await JsonAsync(await strangerArchivist.GetAsync($"{Api}/disclosures"));
        Assert.DoesNotContain(strangersList.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);

        var archivist = await PersonClientAsync(app, world.Org, Role.Archivist);
        var auditorAccount = await TestData.PersonAsync(app, (Role.Auditor, Scope.Global));
        var auditor = (await AppClient.SignedInAsync(app, auditorAccount.UserName!)).Http;
        foreach (var client in new[] { archivist, auditor })
        {
            var list = await client.GetAsync($"{Api}/disclosures?from={DateTime.UtcNow.AddHours(-1):O}&to={DateTime.UtcNow.AddHours(1):O}&limit=500");
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            var item = (await JsonAsync(list)).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id);
            Assert.Equal([OidOf(header)], item.GetProperty("documents").EnumerateArray().Select(d => d.GetString()));
            Assert.DoesNotContain(Hetu, item.ToString());
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(eventUrl)).StatusCode);
        }
        var ofStranger = await JsonAsync(await auditor.GetAsync($"{Api}/disclosures?registrar={stranger.Org.Oid}"));
        Assert.Equal(0, ofStranger.GetProperty("items").GetArrayLength());
        var ofRegistrar = await JsonAsync(await auditor.GetAsync($"{Api}/disclosures?registrar={world.Org.Oid}"));
        Assert.Equal([id], ofRegistrar.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync($"{Api}/disclosures/{Guid.CreateVersion7()}/audit-event")).StatusCode);
        Assert.Equal(["DISCLOSURE_RANGE_INVALID"], await CodesAsync(await archivist.GetAsync($"{Api}/disclosures?from=yesterday")));
        Assert.Equal(["QUERY_LIMIT_INVALID"], await CodesAsync(await archivist.GetAsync($"{Api}/disclosures?limit=501")));
    }

    [Fact]
    public async Task The_archivists_list_pages_newest_first_with_a_cursor()
    {
        var (world, header) = await ArchivedAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
            ids.Add((await JsonAsync(await PostDisclosureAsync(world.Client, Recipient, "statutory", OidOf(header)))).GetProperty("id").GetGuid());
        var archivist = await PersonClientAsync(app, world.Org, Role.Archivist);
        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await JsonAsync(await archivist.GetAsync($"{Api}/disclosures?limit=2" + (cursor is null ? "" : $"&cursor={cursor}")));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);
        Assert.Equal(Enumerable.Reverse(ids), seen);
    }

    [Fact]
    public async Task The_AuditEvent_and_the_Bundle_are_valid_R4_and_carry_the_registrar_the_recipient_each_document_and_the_person()
    {
        var world = await WorldAsync(app);
        var a = First(world.Org);
        var b = First(world.Org, caseExt: "2025-19");
        foreach (var h in new[] { a, b }) await ArchiveAsync(world.Client, h);
        var created = await world.Client.PostAsJsonAsync($"{Api}/disclosures", new
        {
            recipient = new { oid = Recipient, name = RecipientName }, basis = "consent", consent = "C-9",
            practitioner = new { root = "1.2.246.537.26", extension = "998877" }, documents = new[] { OidOf(a), OidOf(b) },
        });
        var id = (await JsonAsync(created)).GetProperty("id").GetGuid();
        var archivist = await PersonClientAsync(app, world.Org, Role.Archivist);

        var response = await archivist.GetAsync($"{Api}/disclosures/{id}/audit-event");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType!.MediaType);
        var auditEvent = Assert.IsType<AuditEvent>(ParseStrict(await response.Content.ReadAsStringAsync()));
        AssertCarries(auditEvent, world, [OidOf(a), OidOf(b)]);
        Assert.StartsWith("2.25.", auditEvent.Id);
        Assert.Contains(auditEvent.Agent, g => g.Who!.Identifier!.System == "urn:oid:1.2.246.537.26" && g.Who.Identifier.Value == "998877");
        Assert.Equal("consent", auditEvent.PurposeOfEvent!.Single().Coding.Single().Code);

        var bundleResponse = await archivist.GetAsync($"{Api}/disclosures/{id}/bundle");
        var bundle = Assert.IsType<Bundle>(ParseStrict(await bundleResponse.Content.ReadAsStringAsync()));
        Assert.Equal(Bundle.BundleType.Transaction, bundle.Type);
        Assert.Equal(["AuditEvent", "Provenance"], bundle.Entry.Select(en => en.Request!.Url));
        Assert.All(bundle.Entry, en => Assert.Equal(Bundle.HTTPVerb.POST, en.Request!.Method));
        AssertCarries(Assert.IsType<AuditEvent>(bundle.Entry[0].Resource), world, [OidOf(a), OidOf(b)]);
        Assert.Equal(bundle.Entry[0].FullUrl, Assert.IsType<Provenance>(bundle.Entry[1].Resource).Target.Single().Reference);

        // The export's audit rows name the event and the person, never the henkilötunnus.
        var person = await PersonIdAsync(Hetu);
        var rows = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking().Where(r => r.EventCode == "Archive.DisclosureExport" && r.TargetIds == id.ToString()).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal((AuditOutcome.Success, person.ToString()), (r.Outcome, r.SubjectIds)));
        Assert.All(rows, r => Assert.DoesNotContain(Hetu, string.Join('|', r.TargetIds, r.SubjectIds)));
    }

    [Fact]
    public void The_strict_R4_parser_used_above_refuses_structurally_invalid_JSON()
    {
        const string valid = """{"resourceType":"AuditEvent","type":{"code":"110106"},"recorded":"2025-03-12T12:30:00Z","agent":[{"requestor":true}],"source":{"observer":{"display":"x"}}}""";
        Assert.IsType<AuditEvent>(ParseStrict(valid));
        Assert.ThrowsAny<Exception>(() => ParseStrict(valid.Replace("\"recorded\":\"2025-03-12T12:30:00Z\"", "\"recorded\":\"yesterday\"")));
        Assert.ThrowsAny<Exception>(() => ParseStrict(valid.Replace("\"requestor\":true", "\"requestor\":true,\"colour\":\"red\"")));
        Assert.ThrowsAny<Exception>(() => ParseStrict(valid.Replace("\"code\":\"110106\"", "\"code\":110106")));
        Assert.ThrowsAny<Exception>(() => ParseStrict(valid.Replace(",\"recorded\":\"2025-03-12T12:30:00Z\"", "")));
    }

    private static void AssertCarries(AuditEvent e, ArchiveWorld world, string[] documentOids)
    {
        Assert.NotNull(e.Recorded);
        Assert.NotNull(e.Period!.Start);
        Assert.Single(e.Meta!.Profile);
        var registrar = e.Agent.Single(g => g.Who!.Identifier!.Value == $"urn:oid:{world.Org.Oid}");
        var registerType = Assert.IsType<Coding>(registrar.Extension.Single().Value);
        Assert.Equal(("urn:oid:1.2.246.537.6.1264.201701", "1"), (registerType.System, registerType.Code));
        Assert.Equal("Organization", registrar.Who!.Type);
        var recipient = e.Agent.Single(g => g.Who!.Identifier!.Value == $"urn:oid:{Recipient}");
        Assert.Equal((RecipientName, true), (recipient.Who!.Display, recipient.Requestor));
        var patient = e.Entity.Single(en => en.What?.Type == "Patient");
        Assert.Equal(("urn:oid:1.2.246.21", Hetu), (patient.What!.Identifier!.System, patient.What.Identifier.Value));
        var documents = e.Entity.Where(en => en.What?.Identifier?.Value?.StartsWith("urn:oid:" + world.Org.Oid, StringComparison.Ordinal) == true).ToList();
        Assert.Equal(documentOids.Select(o => "urn:oid:" + o).Order(), documents.Select(d => d.What!.Identifier!.Value).Order());
        Assert.All(documents, d =>
        {
            Assert.Equal(("urn:oid:1.2.246.537.6.1506", "19005"), (d.Type!.System, d.Type.Code));
            Assert.False(string.IsNullOrEmpty(d.Description));
            Assert.Equal("electronic", Assert.IsType<Coding>(d.Extension.Single().Value).Code);
        });
    }

    /// <summary>The Firely R4 SDK's JSON deserializer in strict mode: unknown elements, wrong types and bad primitive values throw.</summary>
    private static Resource ParseStrict(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        if (FhirJsonDeserializer.STRICT.TryDeserializeResource(ref reader, out var resource, out var issues))
            return resource!;
        throw new InvalidOperationException(string.Join("; ", issues.Select(i => i.Message)));
    }
}

/// <summary>The disclosure settings refuse to start with codes or URLs the export could not use.</summary>
public sealed class DisclosureOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_a_default_type_outside_the_list_or_a_relative_url_is_refused()
    {
        var validation = new Vakka.Archive.Features.Disclosures.DisclosureOptionsValidation();
        Assert.True(validation.Validate(null, new()).Succeeded);
        Assert.True(validation.Validate(null, new() { LegalBases = ["LAKI-812-2000"] }).Succeeded);
        Assert.Equal(["LAKI-812-2000"], new Vakka.Archive.Features.Disclosures.DisclosureOptions { LegalBases = ["LAKI-812-2000"] }.EffectiveLegalBases);
        Assert.True(validation.Validate(null, new() { TypesOfDisclosure = ["1", "2"] }).Failed);
        Assert.True(validation.Validate(null, new() { AuditEventProfile = "SocialWelfareServiceAuditEvent" }).Failed);
        Assert.True(validation.Validate(null, new() { LegalBases = [new string('x', 51)] }).Failed);
    }
}
