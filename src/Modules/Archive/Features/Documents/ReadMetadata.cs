using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Vakka.Archive.Access;
using Vakka.Archive.Domain;
using Vakka.Cda;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;

namespace Vakka.Archive.Features.Documents;

public sealed record CodeRef(string System, string Code);

/// <summary>A case id; in a query, the extension alone finds the case number within the caller's registrars.</summary>
public sealed record CaseRef(string? Root, string? Extension);

/// <summary>
/// A version's metadata as the API gives it: the ar_document fields, the client's henkilötunnus (the caller's own
/// client data; never in a URL or the audit log), and where it stands in its set.
/// </summary>
public sealed record DocumentMetadata(Guid Id, string DocumentOid, string SetId, int VersionNumber, string Status, bool IsLatest, string? ReplacedBy,
    string RegistrarOid, string ServiceUnitOid, string Client, CodeRef DocumentType, string GeneralType, string? StructureOid, string Title,
    DateTime EffectiveTime, DateTime CompletedAt, DateTime ArchivedAt, string Language, string ConfidentialityCode, string ServiceTask,
    string? ProcessPhase, CaseRef? Case, string? RetentionClass, string? RecordStatus, string AuthorRole, CdaBodyKind BodyKind, int ByteLength,
    string Sha256, DateTime? VoidedAt, RetentionInfo? Retention = null, DateTime? DestroyedAt = null);

/// <summary>The version's retention (design §d): the rule's key (null: no rule), the trigger's date and the end (null: not known).</summary>
public sealed record RetentionInfo(string? Rule, DateOnly? TriggerDate, DateOnly? End);

public sealed record VoidInfo(DateTime VoidedAt, string Reason);

public sealed record DocumentDetails(DocumentMetadata Document, IReadOnlyList<DocumentMetadata> Versions, VoidInfo? Void);

public sealed record SetHistory(string SetId, DateTime? VoidedAt, IReadOnlyList<DocumentMetadata> Versions);

/// <summary>
/// GET /documents/{oid}/metadata (a version, its set's versions and the void) and GET /sets/{setId} (every version).
/// Client systems get 410 DOCUMENT_VOIDED for a voided set; the void reason is shown to archivists only.
/// </summary>
internal sealed class ReadMetadata(VakkaDb db, ArchiveScope scope, AuditContext audit)
{
    public async Task<ArchiveOutcome<DocumentDetails>> DocumentAsync(Actor actor, string oid, CancellationToken ct)
    {
        if (await scope.DocumentAsync(actor, ArchiveAction.ReadMetadata, oid, ct) is not { } document)
            return ArchiveOutcome<DocumentDetails>.Refused(StatusCodes.Status404NotFound, ArchiveCodes.DocumentNotFound);
        var set = await SetAsync(document, ct);
        if (document.VoidedAt is not null && !ArchiveScope.SeesVoided(actor, document.RegistrarOrgId))
            return ArchiveOutcome<DocumentDetails>.Refused(StatusCodes.Status410Gone, ArchiveCodes.DocumentVoided);
        var versions = await DescribeAsync(set, ct);
        var voided = await VoidAsync(document.SetId, ct);
        return ArchiveOutcome<DocumentDetails>.Ok(new DocumentDetails(versions.Single(v => v.Id == document.Id.Value), versions, voided));
    }

    public async Task<ArchiveOutcome<SetHistory>> SetAsync(Actor actor, string setId, CancellationToken ct)
    {
        if (await scope.LatestOfSetAsync(actor, ArchiveAction.ReadMetadata, setId, ct) is not { } latest)
            return ArchiveOutcome<SetHistory>.Refused(StatusCodes.Status404NotFound, ArchiveCodes.DocumentNotFound);
        var set = await SetAsync(latest, ct);
        if (latest.VoidedAt is not null && !ArchiveScope.SeesVoided(actor, latest.RegistrarOrgId))
            return ArchiveOutcome<SetHistory>.Refused(StatusCodes.Status410Gone, ArchiveCodes.DocumentVoided);
        return ArchiveOutcome<SetHistory>.Ok(new SetHistory(setId, latest.VoidedAt, await DescribeAsync(set, ct)));
    }

    /// <summary>The versions of the document's set, oldest first, named in the audit row.</summary>
    private async Task<List<ArchivedDocument>> SetAsync(ArchivedDocument document, CancellationToken ct)
    {
        var setId = document.SetId;
        var registrar = document.RegistrarOrgId;
        var set = await db.Set<ArchivedDocument>().AsNoTracking().Where(d => d.SetId == setId && d.RegistrarOrgId == registrar)
            .OrderBy(d => d.VersionNumber).ToListAsync(ct);
        foreach (var version in set) audit.Target(version.Id.Value).Subject(version.PersonId.Value);
        return set;
    }

    private async Task<VoidInfo?> VoidAsync(string setId, CancellationToken ct) =>
        await db.Set<DocumentVoid>().AsNoTracking().Where(v => v.SetId == setId).Select(v => new VoidInfo(v.VoidedAt, v.Reason)).FirstOrDefaultAsync(ct);

    /// <summary>Metadata of these versions (two more queries: the clients' henkilötunnus values and the replacing versions' OIDs).</summary>
    public async Task<List<DocumentMetadata>> DescribeAsync(IReadOnlyList<ArchivedDocument> documents, CancellationToken ct)
    {
        var personIds = documents.Select(d => d.PersonId).Distinct().ToList();
        var hetus = await db.Set<ArchivePerson>().AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Hetu, ct);
        var replacingIds = documents.Where(d => d.ReplacedById is not null).Select(d => d.ReplacedById!.Value).Distinct().ToList();
        var replacing = replacingIds.Count == 0 ? []
            : await db.Set<ArchivedDocument>().AsNoTracking().Where(d => replacingIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.DocumentOid, ct);
        return documents.Select(d => new DocumentMetadata(d.Id.Value, d.DocumentOid, d.SetId, d.VersionNumber, StatusOf(d), d.IsLatest,
            d.ReplacedById is { } r ? replacing.GetValueOrDefault(r) : null, d.RegistrarOid, d.ServiceUnitOid, hetus[d.PersonId],
            new CodeRef(d.DocTypeSystem == "1505" ? CdaConstants.DocumentGroupSystem : CdaConstants.DocumentTypeSystem, d.DocTypeCode), d.GeneralType,
            d.StructureOid, d.Title, d.EffectiveTime, d.CompletedAt, d.ArchivedAt, d.Language, d.ConfidentialityCode, d.ServiceTaskCode,
            d.ProcessPhaseCode, d.CaseRoot is { } root ? new CaseRef(root, d.CaseExt) : null, d.RetentionClassCode, d.RecordStatusCode, d.AuthorRole,
            d.BodyKind, d.ByteLength, d.Sha256Hex, d.VoidedAt, new RetentionInfo(d.RetentionRule, d.RetentionTrigger, d.RetentionEnd), d.DestroyedAt)).ToList();
    }

    /// <summary>destroyed, voided, current or replaced: a destroyed version is never shown as current.</summary>
    public static string StatusOf(ArchivedDocument d) => d.DestroyedAt is not null ? "destroyed" : d.VoidedAt is not null ? "voided" : d.IsLatest ? "current" : "replaced";
}
