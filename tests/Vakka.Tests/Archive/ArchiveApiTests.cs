using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Vakka.Archive.Domain;
using Vakka.Platform.Audit;
using Vakka.Testing;
using Vakka.Tests.Cda;
using Vakka.Tests.Infrastructure;
using static Vakka.Tests.Archive.ArchiveKit;

namespace Vakka.Tests.Archive;

/// <summary>The archive API over HTTP: archive, retrieve, retry, refusals, versions, voids, queries, access and integrity.</summary>
[Collection(AppCollection.Name)]
public sealed class ArchiveApiTests(VakkaFactory app)
{
    private Task<Guid> PersonIdAsync(string hetu) =>
        app.WithDbAsync(db => db.Set<ArchivePerson>().Where(p => p.Hetu == hetu).Select(p => p.Id.Value).SingleAsync());

    [Fact]
    public async Task A_document_is_archived_and_retrieved_as_its_exact_bytes_and_an_identical_retry_gets_the_same_receipt()
    {
        var world = await WorldAsync(app);
        var header = First(world.Org);
        var bytes = Bytes(header);

        var created = await PostXmlAsync(world.Client, $"{Api}/documents", bytes);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var receipt = await JsonAsync(created);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal((OidOf(header), OidOf(header), 1, sha), (receipt.GetProperty("documentOid").GetString(), receipt.GetProperty("setId").GetString(),
            receipt.GetProperty("versionNumber").GetInt32(), receipt.GetProperty("sha256").GetString()));
        Assert.Equal($"{Api}/documents/{OidOf(header)}", created.Headers.Location!.OriginalString);
        Assert.Contains(receipt.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "PROCESS_PHASE_NOT_CODED");

        var again = await PostXmlAsync(world.Client, $"{Api}/documents", bytes);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(receipt.GetProperty("id").GetGuid(), (await JsonAsync(again)).GetProperty("id").GetGuid());
        Assert.Equal(receipt.GetProperty("archivedAt").GetDateTime(), (await JsonAsync(again)).GetProperty("archivedAt").GetDateTime());

        var changed = await ArchiveAsync(world.Client, header with { Title = "Toinen otsikko" });
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Equal(["DOCUMENT_ID_DUPLICATE"], await CodesAsync(changed));

        var retrieved = await world.Client.GetAsync($"{Api}/documents/{OidOf(header)}");
        Assert.Equal(HttpStatusCode.OK, retrieved.StatusCode);
        Assert.Equal(bytes, await retrieved.Content.ReadAsByteArrayAsync());
        Assert.Equal($"\"{sha}\"", retrieved.Headers.ETag!.Tag);
        Assert.Equal("application/xml", retrieved.Content.Headers.ContentType!.MediaType);

        var metadata = await JsonAsync(await world.Client.GetAsync($"{Api}/documents/{OidOf(header)}/metadata"));
        Assert.Equal(("current", Hetu, "19005"), (metadata.GetProperty("document").GetProperty("status").GetString(),
            metadata.GetProperty("document").GetProperty("client").GetString(), metadata.GetProperty("document").GetProperty("documentType").GetProperty("code").GetString()));

        // Audit rows name the document and the archive's person id, never the henkilötunnus.
        var person = await PersonIdAsync(Hetu);
        var rows = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking().Where(r => r.ActorApiKeyId == world.ClientSystemId).ToListAsync());
        Assert.Equal(["Archive.DocumentArchive", "Archive.DocumentArchive", "Archive.DocumentArchive", "Archive.DocumentRetrieve", "Archive.DocumentMetadataRead"],
            rows.OrderBy(r => r.Seq).Select(r => r.EventCode));
        Assert.All(rows.Where(r => r.Outcome == AuditOutcome.Success), r => Assert.Equal(person.ToString(), r.SubjectIds));
        Assert.All(rows, r => Assert.DoesNotContain(Hetu, string.Join('|', r.TargetIds, r.SubjectIds, r.EventCode, r.ActionCode, r.TraceId)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<ArchivedDocument>().CountAsync(d => d.RegistrarOrgId == world.Org.Id)));
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_localised_4xx_and_nothing_is_stored()
    {
        var world = await WorldAsync(app);
        async Task<int> CountAsync() => await app.WithDbAsync(db => db.Set<ArchivedDocument>().CountAsync(d => d.RegistrarOrgId == world.Org.Id));

        var header = First(world.Org);
        var invalid = CdaTestData.Edit(Bytes(header), (root, ns) => CdaTestData.Select(root, ns, "h:title").Remove());
        var refused = await PostXmlAsync(world.Client, $"{Api}/documents", invalid);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await JsonAsync(refused);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(("TITLE_MISSING", "/h:ClinicalDocument/h:title"), (error.GetProperty("code").GetString(), error.GetProperty("path").GetString()));
        Assert.Equal(app.Text("Archive.Code.Family.Missing", "fi").Replace("{0}", "/h:ClinicalDocument/h:title"), error.GetProperty("message").GetString());

        var badHetu = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Bytes(header)).Replace(Hetu, "010181-900D"));
        var hetuRefused = await world.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"{Api}/documents?culture=sv-FI")
            { Content = new ByteArrayContent(badHetu) { Headers = { ContentType = new("application/xml") } } });
        Assert.Equal(["HETU_CHECK_CHARACTER"], await CodesAsync(hetuRefused));
        Assert.Equal(app.Text("Archive.Code.HETU_CHECK_CHARACTER", "sv"), (await JsonAsync(hetuRefused)).GetProperty("title").GetString());

        var malformed = await PostXmlAsync(world.Client, $"{Api}/documents", Encoding.UTF8.GetBytes("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, malformed.StatusCode);
        Assert.Equal(["XML_NOT_WELL_FORMED"], await CodesAsync(malformed));

        var dtd = await PostXmlAsync(world.Client, $"{Api}/documents", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"a\">]><x>&a;</x>"));
        Assert.Equal(["XML_DTD_FORBIDDEN"], await CodesAsync(dtd));

        var empty = await PostXmlAsync(world.Client, $"{Api}/documents", []);
        Assert.Equal(["DOCUMENT_EMPTY"], await CodesAsync(empty));

        var json = await PostXmlAsync(world.Client, $"{Api}/documents", Bytes(header), "application/json");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(["CONTENT_TYPE_UNSUPPORTED"], await CodesAsync(json));

        var huge = await PostXmlAsync(world.Client, $"{Api}/documents", new byte[20 * 1024 * 1024 + 1]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(["DOCUMENT_TOO_LARGE"], await CodesAsync(huge));

        var secondVersion = await ArchiveAsync(world.Client, Next(header, world.Org));
        Assert.Equal(["VERSION_FIRST_INVALID"], await CodesAsync(secondVersion));

        var otherRegistrar = await ArchiveAsync(world.Client, First(world.Org) with { Registrar = Vakka.Platform.Finnish.Oid.Parse("1.2.246.10.99999999") });
        Assert.Equal(["REGISTRAR_UNKNOWN"], await CodesAsync(otherRegistrar));
        var stranger = await TestData.OrganisationAsync(app);
        var notCaller = await ArchiveAsync(world.Client, First(world.Org) with { Registrar = Vakka.Platform.Finnish.Oid.Parse(stranger.Oid) });
        Assert.Equal(HttpStatusCode.Forbidden, notCaller.StatusCode);
        Assert.Equal(["REGISTRAR_NOT_CALLER"], await CodesAsync(notCaller));

        foreach (var url in new[] { $"{Api}/documents/1.2.3.4", $"{Api}/documents/not-an-oid/metadata", $"{Api}/sets/1.2.3.4" })
        {
            var missing = await world.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal(["DOCUMENT_NOT_FOUND"], await CodesAsync(missing));
            Assert.Equal(app.Text("Archive.Code.DOCUMENT_NOT_FOUND", "fi"), (await JsonAsync(missing)).GetProperty("title").GetString());
        }
        var brokenJson = await world.Client.PostAsync($"{Api}/documents/query", new StringContent("{\"client\":", Encoding.UTF8, "application/json"));
        Assert.Equal((HttpStatusCode.BadRequest, "REQUEST_BODY_INVALID"), (brokenJson.StatusCode, (await CodesAsync(brokenJson))[0]));
        var wrongShape = await world.Client.PostAsync($"{Api}/documents/query", new StringContent("{\"limit\":\"many\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(["REQUEST_BODY_INVALID"], await CodesAsync(wrongShape));
        var xmlQuery = await PostXmlAsync(world.Client, $"{Api}/documents/query", Bytes(header));
        Assert.Equal((HttpStatusCode.UnsupportedMediaType, "CONTENT_TYPE_UNSUPPORTED"), (xmlQuery.StatusCode, (await CodesAsync(xmlQuery))[0]));

        Assert.Equal(0, await CountAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<AuditRecord>().CountAsync(r => r.ActorApiKeyId == world.ClientSystemId && r.SubjectIds != "")));
    }

    [Fact]
    public async Task A_new_version_continues_the_set_and_wrong_numbers_other_clients_and_voided_sets_are_refused()
    {
        var world = await WorldAsync(app);
        var v1 = First(world.Org);
        Assert.Equal(HttpStatusCode.Created, (await ArchiveAsync(world.Client, v1)).StatusCode);

        var skipped = Next(Next(v1, world.Org), world.Org);
        var skip = await VersionAsync(world.Client, OidOf(v1), skipped);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, skip.StatusCode);
        Assert.Contains("VERSION_NOT_CONSECUTIVE", await CodesAsync(skip));

        var otherClient = Next(v1, world.Org) with { Client = Vakka.Platform.Finnish.PersonalIdentityCode.Parse(OtherHetu) };
        Assert.Equal(["VERSION_CLIENT_CHANGED"], await CodesAsync(await VersionAsync(world.Client, OidOf(v1), otherClient)));
        var otherType = Next(v1, world.Org) with
        {
            DocumentType = new Vakka.Cda.Coded("19006", Vakka.Cda.CdaConstants.DocumentTypeSystem), TemplateIds = [Vakka.Platform.Finnish.Oid.Parse("1.2.246.537.6.1506.19006.2022.9.28")],
        };
        Assert.Equal(["VERSION_TYPE_CHANGED"], await CodesAsync(await VersionAsync(world.Client, OidOf(v1), otherType)));
        var newSet = NewOid(world.Org);
        var unknownSet = Next(v1, world.Org) with { SetId = newSet };
        unknownSet = unknownSet with { Replaces = unknownSet.Replaces! with { SetId = newSet } };
        Assert.Contains("SET_ID_UNKNOWN", await CodesAsync(await VersionAsync(world.Client, OidOf(v1), unknownSet)));

        var v2 = Next(v1, world.Org);
        var created = await VersionAsync(world.Client, OidOf(v1), v2);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal((OidOf(v1), 2), ((await JsonAsync(created)).GetProperty("setId").GetString(), (await JsonAsync(created)).GetProperty("versionNumber").GetInt32()));

        // The replaced version stays retrievable and says who replaced it; the set lists both.
        Assert.Equal(Bytes(v1), await (await world.Client.GetAsync($"{Api}/documents/{OidOf(v1)}")).Content.ReadAsByteArrayAsync());
        var set = await JsonAsync(await world.Client.GetAsync($"{Api}/sets/{OidOf(v1)}"));
        var versions = set.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([(1, false, "replaced", OidOf(v2)), (2, true, "current", null)], versions.Select(v => (v.GetProperty("versionNumber").GetInt32(),
            v.GetProperty("isLatest").GetBoolean(), v.GetProperty("status").GetString(), v.GetProperty("replacedBy").GetString())));

        // Replacing version 1 again: it is no longer the latest.
        var stale = await VersionAsync(world.Client, OidOf(v1), Next(v1, world.Org) with { VersionNumber = 3, Replaces = new Vakka.Cda.Replaces(v1.Id!.Root, v1.SetId!.Value, 1) });
        Assert.Contains("REPLACES_MISMATCH", await CodesAsync(stale));

        Assert.Equal(HttpStatusCode.OK, (await world.Client.PostAsJsonAsync($"{Api}/documents/{OidOf(v2)}/void", new { reason = "Väärä asiakas" })).StatusCode);
        var afterVoid = await VersionAsync(world.Client, OidOf(v2), Next(v2, world.Org));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, afterVoid.StatusCode);
        Assert.Equal(["SET_VOIDED"], await CodesAsync(afterVoid));
    }

    [Fact]
    public async Task Two_new_versions_at_once_give_one_201_and_one_409_VERSION_CONFLICT()
    {
        var world = await WorldAsync(app);
        var v1 = First(world.Org);
        Assert.Equal(HttpStatusCode.Created, (await ArchiveAsync(world.Client, v1)).StatusCode);

        var both = await Task.WhenAll(VersionAsync(world.Client, OidOf(v1), Next(v1, world.Org)), VersionAsync(world.Client, OidOf(v1), Next(v1, world.Org)));
        Assert.Single(both, r => r.StatusCode == HttpStatusCode.Created);
        var loser = Assert.Single(both, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal(["VERSION_CONFLICT"], await CodesAsync(loser));
        var set = await app.WithDbAsync(db => db.Set<ArchivedDocument>().AsNoTracking().Where(d => d.SetId == OidOf(v1)).OrderBy(d => d.VersionNumber).ToListAsync());
        Assert.Equal([(1, false), (2, true)], set.Select(d => (d.VersionNumber, d.IsLatest)));
    }
}
