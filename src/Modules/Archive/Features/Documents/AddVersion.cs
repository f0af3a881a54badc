using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Vakka.Archive.Access;
using Vakka.Archive.Domain;
using Vakka.Cda;
using Vakka.Platform.Access;
using Vakka.Platform.Data;

namespace Vakka.Archive.Features.Documents;

/// <summary>
/// POST /documents/{oid}/versions: archives version n+1 of a set, replacing <c>{oid}</c> (the set's latest version).
/// Same setId, next versionNumber, an RPLC to the replaced version, the same client, registrar and document type, and
/// a set not voided (design §b stage E), neither destroyed (410 DOCUMENT_DESTROYED) nor in a destruction proposal
/// (409 SET_DESTRUCTION_PROPOSED). The replaced version stays retrievable. Two new versions at once: the
/// unique (set_id, version_number) decides, and the loser gets 409 VERSION_CONFLICT.
/// </summary>
internal sealed class AddVersion(VakkaDb db, DocumentIntake intake, ArchiveScope scope)
{
    public async Task<ArchiveOutcome<Receipt>> HandleAsync(Actor actor, string replacedOid, byte[] bytes, CancellationToken ct)
    {
        if (await scope.DocumentAsync(actor, ArchiveAction.VersionDocument, replacedOid, ct) is not { } replaced)
            return ArchiveOutcome<Receipt>.Refused(StatusCodes.Status404NotFound, ArchiveCodes.DocumentNotFound);
        if (await DestructionRefusalAsync(replaced, ct) is { } destruction) return destruction;
        var check = await intake.CheckAsync(actor, bytes, ct);
        if (check.Value is not { } document) return ArchiveOutcome<Receipt>.Refused(check.Status, [.. check.Errors]);
        if (await intake.FindAsync(document.DocumentOid, ct) is { } existing) return intake.Existing(existing, document);

        var h = document.Header;
        var setId = h.SetId!.Value.Value;
        var latest = await db.Set<ArchivedDocument>().AsNoTracking().Where(d => d.SetId == setId && d.RegistrarOrgId == document.Registrar.Id)
            .OrderByDescending(d => d.VersionNumber).FirstOrDefaultAsync(ct);
        if (latest is null)
            return Refused(new ArchiveError(ArchiveCodes.SetIdUnknown, CdaPaths.Attribute(CdaPaths.SetId, "root"), "No archived version of the registrar has this setId."));
        if (latest.VoidedAt is not null)
            return Refused(new ArchiveError(ArchiveCodes.SetVoided, CdaPaths.Attribute(CdaPaths.SetId, "root"), "The set is voided: it takes no new versions."));
        if (h.VersionNumber <= latest.VersionNumber)
            return ArchiveOutcome<Receipt>.Refused(StatusCodes.Status409Conflict, new ArchiveError(ArchiveCodes.VersionConflict,
                CdaPaths.Attribute(CdaPaths.VersionNumber, "value"), $"Version {h.VersionNumber} of this set exists already; the latest is {latest.VersionNumber}."));

        var errors = new List<ArchiveError>();
        if (h.VersionNumber != latest.VersionNumber + 1)
            errors.Add(new(ArchiveCodes.VersionNotConsecutive, CdaPaths.Attribute(CdaPaths.VersionNumber, "value"), $"The next version is {latest.VersionNumber + 1}."));
        var parent = h.Replaces!;
        if (replaced.Id != latest.Id || parent.Id.Value != latest.DocumentOid || parent.SetId.Value != latest.SetId || parent.Version != latest.VersionNumber)
            errors.Add(new(CdaIssueCodes.ReplacesMismatch, CdaPaths.ParentDocument,
                $"The RPLC parent and the route must name the set's latest version, {latest.DocumentOid} version {latest.VersionNumber}."));
        var hetu = h.Client!.Value.Value;
        if (!await db.Set<ArchivePerson>().AnyAsync(p => p.Id == latest.PersonId && p.Hetu == hetu, ct))
            errors.Add(new(ArchiveCodes.VersionClientChanged, CdaPaths.ClientId, "The client differs from the set's earlier versions."));
        if (h.DocumentType!.Code != latest.DocTypeCode || DocumentIntake.DocumentTypeSystem(h.DocumentType) != latest.DocTypeSystem)
            errors.Add(new(ArchiveCodes.VersionTypeChanged, CdaPaths.Code, "The document type differs from the set's earlier versions."));
        if (errors.Count > 0) return ArchiveOutcome<Receipt>.Refused(StatusCodes.Status422UnprocessableEntity, [.. errors]);

        if (await intake.StoreAsync(actor, document, latest.Id, ct) is { } receipt) return ArchiveOutcome<Receipt>.Ok(receipt, StatusCodes.Status201Created);
        return ArchiveOutcome<Receipt>.Refused(StatusCodes.Status409Conflict, new ArchiveError(ArchiveCodes.VersionConflict,
            CdaPaths.Attribute(CdaPaths.VersionNumber, "value"), "Another new version of this set was archived at the same moment."));
    }

    /// <summary>
    /// A set that is destroyed (410 DOCUMENT_DESTROYED), or in a destruction proposal that is open, approved or being
    /// executed (409 SET_DESTRUCTION_PROPOSED), takes no new version: a proposal covers whole sets, so a version added
    /// now would outlive the rest of its set. The version replaced stands for its set (its item is open when the set's are).
    /// </summary>
    private async Task<ArchiveOutcome<Receipt>?> DestructionRefusalAsync(ArchivedDocument replaced, CancellationToken ct)
    {
        if (replaced.DestroyedAt is not null)
            return ArchiveOutcome<Receipt>.Refused(StatusCodes.Status410Gone, new ArchiveError(ArchiveCodes.DocumentDestroyed, null, "The set is destroyed: it takes no new versions."));
        var id = replaced.Id;
        return await db.Set<DestructionItem>().AnyAsync(i => i.DocumentId == id && i.IsOpen, ct)
            ? ArchiveOutcome<Receipt>.Refused(StatusCodes.Status409Conflict, new ArchiveError(ArchiveCodes.SetDestructionProposed, null,
                "The set is in a destruction proposal: it takes no new versions unless the proposal is rejected."))
            : null;
    }

    private static ArchiveOutcome<Receipt> Refused(ArchiveError error) => ArchiveOutcome<Receipt>.Refused(StatusCodes.Status422UnprocessableEntity, error);
}
