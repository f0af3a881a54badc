using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vakka.Archive.Domain;
using Vakka.Archive.Features.ClientSystems;
using Vakka.Archive.Features.Documents;
using Vakka.Cda;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Data;
using Vakka.Platform.Finnish;

namespace Vakka.Archive.Features.Retention;

/// <summary>
/// Demo data only (DemoData:Enabled): for the demo organisation Helsingin kaupunki, a Päihdehuolto case closed in 2012
/// with two documents whose retention ended in 2022 (to propose, approve and destroy on /archive/retention) and a
/// Lastensuojelu document whose trigger (the client's death) is unknown (a visible gap). Test persons only (900-series).
/// Kept apart from <see cref="ArchiveDemoData"/>, after which it runs (it archives as the demo key's client system, through
/// the archive's own intake).
/// </summary>
public sealed class RetentionDemoData(VakkaDb db, IOrganisationDirectory organisations, IServiceProvider services, TimeProvider clock)
{
    public const string CaseExtension = "DEMO-2012-1";
    private static readonly TimeSpan Eet = TimeSpan.FromHours(2);

    /// <summary>Adds the case and its documents once; true when added.</summary>
    public async Task<bool> LoadIfEmptyAsync(CancellationToken ct)
    {
        if (await organisations.FindByOidAsync(Oid.Parse(ArchiveDemoData.DemoOrganisationOid), ct) is not { } org) return false;
        var root = org.Oid.Value + ".10.0.92";
        if (await db.Set<ArchiveCase>().AnyAsync(c => c.RegistrarOrgId == org.Id && c.CaseRoot == root && c.CaseExt == CaseExtension, ct)) return false;
        // As the demo client system (its key, if ArchiveDemoData made one) of the organisation.
        var key = await db.Set<ClientSystem>().Where(c => c.OrganisationId == org.Id).Select(c => (ClientSystemId?)c.Id).FirstOrDefaultAsync(ct);
        if (key is null) return false;
        var actor = new Actor(null, null, [new RoleAssignment(Role.ArchiveClientSystem, Scope.Organisation(org.Id.Value))], key.Value.Value);
        var archive = services.GetRequiredService<ArchiveDocument>();
        var documents = new[]
        {
            Header(org.Oid, 1, "010594Y9032", "15", "Päihdehuolto", new DateTimeOffset(2011, 3, 8, 10, 0, 0, Eet), CaseExtension),
            Header(org.Oid, 2, "010594Y9032", "15", "Päihdehuolto", new DateTimeOffset(2012, 6, 28, 13, 30, 0, Eet), CaseExtension),
            Header(org.Oid, 3, "010516B903X", "10", "Lastensuojelu", new DateTimeOffset(2024, 9, 2, 9, 15, 0, Eet), "DEMO-2024-7"),
        };
        foreach (var header in documents)
        {
            var outcome = await archive.HandleAsync(actor, CdaWriter.Write(new CdaDocument(header, new XhtmlJsonBody(Xhtml, Json))), ct);
            if (!outcome.IsOk) throw new InvalidOperationException("Demo document refused: " + string.Join(", ", outcome.Errors.Select(e => e.Code)));
        }
        // The case last (it marks the data as loaded; an identical document again is a retry), then the retention it drives.
        db.Add(new ArchiveCase
        {
            RegistrarOrgId = org.Id, CaseRoot = root, CaseExt = CaseExtension, ServiceTaskCode = "15", OpenedOn = new DateOnly(2010, 1, 4),
            ClosedOn = new DateOnly(2012, 6, 29), Source = CaseSource.Archivist, UpdatedAt = DocumentIntake.Now(clock),
        });
        await db.SaveChangesAsync(ct);

        var retention = services.GetRequiredService<DocumentRetention>();
        foreach (var person in await retention.PersonsOfCaseAsync(org.Id, root, CaseExtension, ct)) await retention.RecomputePersonAsync(person, ct);
        return true;
    }

    private static readonly byte[] Xhtml = Encoding.UTF8.GetBytes(
        "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Demo: merkintä tapaamisesta.</p></body></html>");

    private static readonly byte[] Json = Encoding.UTF8.GetBytes("{\"merkinta_tapaamisesta_tai_yhteydenotosta\":{\"demo\":true}}");

    private static CdaHeader Header(Oid registrar, int n, string hetu, string task, string taskName, DateTimeOffset time, string caseExt)
    {
        var id = Oid.Parse($"{registrar.Value}.10.0.90.2012.{n}");
        return new CdaHeader
        {
            TemplateIds = [Oid.Parse("1.2.246.537.6.1506.19005.2022.1.10")], Id = new InstanceId(id),
            DocumentType = new Coded("19005", CdaConstants.DocumentTypeSystem, "Merkintä tapaamisesta tai yhteydenotosta"),
            Title = "Merkintä tapaamisesta tai yhteydenotosta", EffectiveTime = time, Confidentiality = new Coded("5", CdaConstants.ConfidentialitySystem),
            LanguageCode = "fi", SetId = id, VersionNumber = 1, Client = PersonalIdentityCode.Parse(hetu),
            Author = new CdaAuthor(new Coded("KIR", CdaConstants.AuthorRoleSystem, "kirjaaja"), time, null, Oid.Parse(registrar.Value + ".10.3")),
            Registrar = registrar, CaseId = new InstanceId(Oid.Parse(registrar.Value + ".10.0.92"), caseExt), ServiceUnit = Oid.Parse(registrar.Value + ".10.3"),
            ServiceTask = new Coded(task, CdaConstants.ServiceTaskSystem, taskName), ProcessPhase = Coded.Null("UNK", CdaConstants.ProcessPhaseSystem),
            CompletionTime = time.AddMinutes(30), RetentionClass = Coded.Null("UNK"), RecordStatus = Coded.Null("UNK"), GeneralType = "Asiakaskertomusmerkintä",
        };
    }
}
