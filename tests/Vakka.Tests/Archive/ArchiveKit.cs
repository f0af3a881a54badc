using Vakka.Platform.Web;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Vakka.Archive.Domain;
using Vakka.Archive.Features.ClientSystems;
using Vakka.Cda;
using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Finnish;
using Vakka.Testing;
using Vakka.Tests.Cda;

namespace Vakka.Tests.Archive;

/// <summary>A registrar organisation of its own, its client system's key, and its documents.</summary>
internal sealed record ArchiveWorld(Organisation Org, Guid ClientSystemId, HttpClient Client);

/// <summary>Test support for the archive API: organisations with keys, documents built with the Cda library's writer.</summary>
internal static class ArchiveKit
{
    public const string Api = "/api/v1/archive";
    public const string Hetu = "010181-900C";
    public const string OtherHetu = "020292-901P";
    private static int sequence;

    public static async Task<ArchiveWorld> WorldAsync(VakkaFactory app)
    {
        var org = await TestData.OrganisationAsync(app);
        var (id, client) = await KeyClientAsync(app, org);
        return new ArchiveWorld(org, id, client);
    }

    public static async Task<(Guid Id, HttpClient Client)> KeyClientAsync(VakkaFactory app, Organisation org)
    {
        var key = ArchiveKeyHandler.NewKey();
        var id = ClientSystemId.New();
        await app.WithDbAsync(async db =>
        {
            db.Add(new ClientSystem
            {
                Id = id, OrganisationId = org.Id, Name = "Asiakastietojärjestelmä", KeyPrefix = key[..10], KeyHash = ApiKeyHash.Of(key),
                CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(ArchiveKeyHandler.Header, key);
        return (id.Value, client);
    }

    /// <summary>An account signed in with one role on the organisation (archivist, professional…).</summary>
    public static async Task<HttpClient> PersonClientAsync(VakkaFactory app, Organisation org, Role role)
    {
        var account = await TestData.PersonAsync(app, (role, Scope.Organisation(org.Id.Value)));
        return (await AppClient.SignedInAsync(app, account.UserName!)).Http;
    }

    /// <summary>Version 1 of a new document of the organisation (the sample's values, the organisation's OIDs).</summary>
    public static CdaHeader First(Organisation org, string hetu = Hetu, DateTimeOffset? effective = null, string caseExt = "2025-17", string serviceTask = "15")
    {
        var oid = NewOid(org);
        var time = effective ?? new DateTimeOffset(2025, 3, 12, 14, 30, 0, TimeSpan.FromHours(2));
        var header = CdaTestData.Header(hetu);
        return header with
        {
            Id = new InstanceId(oid), SetId = oid, Registrar = Oid.Parse(org.Oid), ServiceUnit = Oid.Parse(org.Oid + ".10.3"),
            CaseId = new InstanceId(Oid.Parse(org.Oid + ".10.0.92"), caseExt), EffectiveTime = time, CompletionTime = time.AddMinutes(30),
            Author = header.Author! with { Time = time },
            ServiceTask = serviceTask == "15" ? header.ServiceTask : new Coded(serviceTask, CdaConstants.ServiceTaskSystem),
        };
    }

    /// <summary>The next version of <paramref name="previous"/>: a new id, the same set, version + 1, RPLC to it.</summary>
    public static CdaHeader Next(CdaHeader previous, Organisation org) => previous with
    {
        Id = new InstanceId(NewOid(org)), VersionNumber = previous.VersionNumber + 1,
        Replaces = new Replaces(previous.Id!.Root, previous.SetId!.Value, previous.VersionNumber!.Value),
        Title = $"{previous.Title} (korjattu)",
    };

    public static Oid NewOid(Organisation org) => Oid.Parse($"{org.Oid}.10.0.90.2025.{Interlocked.Increment(ref sequence)}");

    public static byte[] Bytes(CdaHeader header) => CdaTestData.Bytes(header);

    public static string OidOf(CdaHeader header) => header.Id!.Root.Value;

    public static Task<HttpResponseMessage> PostXmlAsync(HttpClient client, string url, byte[] body, string contentType = "application/xml")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return client.PostAsync(url, content);
    }

    public static Task<HttpResponseMessage> ArchiveAsync(HttpClient client, CdaHeader header) => PostXmlAsync(client, $"{Api}/documents", Bytes(header));

    public static Task<HttpResponseMessage> VersionAsync(HttpClient client, string replacedOid, CdaHeader header) =>
        PostXmlAsync(client, $"{Api}/documents/{replacedOid}/versions", Bytes(header));

    public static Task<HttpResponseMessage> QueryAsync(HttpClient client, object query) => client.PostAsJsonAsync($"{Api}/documents/query", query);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>The machine codes of a problem's errors[].</summary>
    public static async Task<string[]> CodesAsync(HttpResponseMessage response) =>
        (await JsonAsync(response)).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!).ToArray();
}
