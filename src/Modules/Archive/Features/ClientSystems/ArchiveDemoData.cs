using Vakka.Platform.Web;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vakka.Archive.Domain;
using Vakka.Archive.Features.Documents;
using Vakka.Cda;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Data;
using Vakka.Platform.Finnish;

namespace Vakka.Archive.Features.ClientSystems;

/// <summary>
/// Demo data only (DemoData:Enabled): a client-system key for the demo organisation Helsingin kaupunki, so that the
/// archive API can be tried at once, and a few documents archived with it through the API's own intake (test
/// henkilötunnus values of the 900 series): one with two versions, one voided, one old PDF/A document. The key is
/// public (printed at start-up and in the module README): never use demo data in production.
/// </summary>
public sealed class ArchiveDemoData(VakkaDb db, IOrganisationDirectory organisations, TimeProvider clock, IServiceProvider services)
{
    public const string DemoOrganisationOid = "1.2.246.10.2012566";
    public const string DemoKey = "vka_demo_helsinki_asiakastietojarjestelma_2026";
    /// <summary>The demo documents' clients (test codes: individual numbers 900–999).</summary>
    public static readonly string[] DemoClients = ["010181-900C", "020292-901P"];

    /// <summary>Adds the demo key and documents when the demo organisation exists and has none yet; true when anything was added.</summary>
    public async Task<bool> LoadIfEmptyAsync(CancellationToken ct)
    {
        if (await organisations.FindByOidAsync(Oid.Parse(DemoOrganisationOid), ct) is not { } org) return false;
        var added = false;
        if (!await db.Set<ClientSystem>().AnyAsync(c => c.OrganisationId == org.Id, ct))
        {
            db.Add(new ClientSystem
            {
                Id = ClientSystemId.New(), OrganisationId = org.Id, Name = "Demo: asiakastietojärjestelmä", KeyPrefix = DemoKey[..10],
                KeyHash = ApiKeyHash.Of(DemoKey), CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(ct);
            added = true;
        }
        if (await db.Set<ArchivedDocument>().AnyAsync(d => d.RegistrarOrgId == org.Id, ct)) return added;
        var keyHash = ApiKeyHash.Of(DemoKey);
        var system = await db.Set<ClientSystem>().Where(c => c.OrganisationId == org.Id && c.KeyHash == keyHash).Select(c => (Guid?)c.Id.Value).FirstOrDefaultAsync(ct)
            ?? await db.Set<ClientSystem>().Where(c => c.OrganisationId == org.Id).Select(c => c.Id.Value).FirstAsync(ct);
        await ArchiveDocumentsAsync(new Actor(null, null, [new RoleAssignment(Role.ArchiveClientSystem, Scope.Organisation(org.Id.Value))], system), ct);
        return true;
    }

    private async Task ArchiveDocumentsAsync(Actor actor, CancellationToken ct)
    {
        var archive = services.GetRequiredService<ArchiveDocument>();
        var version = services.GetRequiredService<AddVersion>();
        var voiding = services.GetRequiredService<VoidDocument>();
        async Task Archive(CdaHeader header, CdaBody body) => Expect(await archive.HandleAsync(actor, CdaWriter.Write(new CdaDocument(header, body)), ct));

        var meeting = Header(1, DemoClients[0], "19005", "15", "2025-17", new DateTimeOffset(2025, 3, 12, 14, 30, 0, Eet), "Merkintä tapaamisesta");
        await Archive(meeting, Body("Tapaaminen toimistolla. Asiakas kertoi tilanteestaan.", """{"merkinta_tapaamisesta_tai_yhteydenotosta":{"paivamaara":"2025-03-12","tapaamisen_tyyppi":"toimistotapaaminen"}}"""));
        var corrected = Next(meeting, 2, "Merkintä tapaamisesta (korjattu)");
        Expect(await version.HandleAsync(actor, meeting.Id!.Root.Value, CdaWriter.Write(new CdaDocument(corrected,
            Body("Tapaaminen toimistolla. Asiakas kertoi tilanteestaan. Korjattu päivämäärän kirjoitusvirhe.", """{"merkinta_tapaamisesta_tai_yhteydenotosta":{"paivamaara":"2025-03-12","tapaamisen_tyyppi":"toimistotapaaminen"}}"""))), ct));

        await Archive(Header(3, DemoClients[0], "1008", "15", "2025-17", new DateTimeOffset(2025, 4, 2, 10, 0, 0, Eet), null),
            Body("Palvelutarpeen arvio tehty yhdessä asiakkaan kanssa.", """{"palvelutarpeen_arvio":{"paivamaara":"2025-04-02"}}"""));
        var wrongClient = Header(4, DemoClients[1], "1006", "10", "2025-31", new DateTimeOffset(2025, 5, 20, 9, 15, 0, Eet), null);
        await Archive(wrongClient, Body("Lastensuojeluilmoituksen arvio.", """{"lastensuojeluilmoituksen_arvio":{"paivamaara":"2025-05-20"}}"""));
        Expect(await voiding.HandleAsync(actor, wrongClient.Id!.Root.Value, new VoidRequest("Kirjattu väärälle asiakkaalle (demo).", null), ct));
        await Archive(Header(5, DemoClients[1], "19005", "10", "2015-4", new DateTimeOffset(2015, 9, 1, 12, 0, 0, Eet), "Vanha merkintä (PDF/A)"),
            new PdfBody(Encoding.ASCII.GetBytes("%PDF-1.7\n% demo, not a real PDF/A\n<x:xmpmeta><rdf:Description pdfaid:part=\"2\" pdfaid:conformance=\"B\"/></x:xmpmeta>\n%%EOF\n")));
    }

    private static readonly TimeSpan Eet = TimeSpan.FromHours(2);

    private static void Expect<T>(ArchiveOutcome<T> outcome)
    {
        if (!outcome.IsOk) throw new InvalidOperationException($"A demo document was refused: {string.Join(", ", outcome.Errors.Select(e => $"{e.Code} {e.Path} {e.Reason}"))}");
    }

    /// <summary>A display form (XHTML) and structured form (JSON) body.</summary>
    public static XhtmlJsonBody Body(string text, string json) => new(
        Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"fi\"><head><title>Asiakirja</title></head><body><h1>Asiakirja</h1><p>{System.Net.WebUtility.HtmlEncode(text)}</p></body></html>\n"),
        Encoding.UTF8.GetBytes(json));

    /// <summary>
    /// Version 1 of a demo document of Helsingin kaupunki: document <paramref name="number"/> (its OID under the
    /// organisation's arc), a type of the 1506 code list with its structure OID and general type, a service task and a case.
    /// </summary>
    public static CdaHeader Header(int number, string client, string type, string serviceTask, string caseNumber, DateTimeOffset effective, string? title)
    {
        var entry = CodeLists.Instance.DocumentTypes.Find(type) ?? throw new ArgumentException($"No document type {type}.", nameof(type));
        var oid = Oid.Parse($"{DemoOrganisationOid}.10.0.90.2026.{number}");
        var unit = Oid.Parse($"{DemoOrganisationOid}.10.3");
        return new CdaHeader
        {
            TemplateIds = [Oid.Parse(entry.StructureOid!)], Id = new InstanceId(oid), SetId = oid, VersionNumber = 1,
            DocumentType = new Coded(type, CdaConstants.DocumentTypeSystem, entry.Name), Title = title ?? entry.Name, GeneralType = entry.GeneralType,
            EffectiveTime = effective, CompletionTime = effective.AddMinutes(30), Confidentiality = new Coded("5", CdaConstants.ConfidentialitySystem),
            LanguageCode = "fi", Client = PersonalIdentityCode.Parse(client),
            Author = new CdaAuthor(new Coded("KIR", CdaConstants.AuthorRoleSystem, "kirjaaja"), effective, null, unit),
            Registrar = Oid.Parse(DemoOrganisationOid), ServiceUnit = unit, CaseId = new InstanceId(Oid.Parse($"{DemoOrganisationOid}.10.0.92"), caseNumber),
            ServiceTask = new Coded(serviceTask, CdaConstants.ServiceTaskSystem, CodeLists.Instance.ServiceTasks.Find(serviceTask)?.Name),
            ProcessPhase = Coded.Null("UNK", CdaConstants.ProcessPhaseSystem), RetentionClass = Coded.Null("UNK"), RecordStatus = Coded.Null("UNK"),
        };
    }

    /// <summary>The next version of <paramref name="previous"/>: document <paramref name="number"/>, the same set, RPLC to it.</summary>
    public static CdaHeader Next(CdaHeader previous, int number, string title) => previous with
    {
        Id = new InstanceId(Oid.Parse($"{DemoOrganisationOid}.10.0.90.2026.{number}")), VersionNumber = previous.VersionNumber + 1,
        Replaces = new Replaces(previous.Id!.Root, previous.SetId!.Value, previous.VersionNumber!.Value), Title = title,
    };
}
