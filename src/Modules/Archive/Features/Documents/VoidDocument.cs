using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Vakka.Archive.Access;
using Vakka.Archive.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;
using Vakka.Platform.Finnish;
using Vakka.Platform.Ids;

namespace Vakka.Archive.Features.Documents;

/// <summary>The professional on whose behalf a client system voids (an HL7 II: an OID root and an optional extension).</summary>
public sealed record OnBehalfOf(string? Root, string? Extension);

public sealed record VoidRequest(string? Reason, OnBehalfOf? OnBehalfOf);

public sealed record VoidReceipt(string SetId, DateTime VoidedAt);

/// <summary>
/// POST /documents/{oid}/void: voids the whole set that <c>{oid}</c> belongs to, once (design §c, Q11). Every version
/// gets <c>voided_at</c> and leaves ordinary queries; archivists still see them. The reason is kept in ar_void only,
/// never in the audit log.
/// </summary>
internal sealed class VoidDocument(VakkaDb db, ArchiveScope scope, TimeProvider clock, AuditContext audit)
{
    public async Task<ArchiveOutcome<VoidReceipt>> HandleAsync(Actor actor, string oid, VoidRequest request, CancellationToken ct)
    {
        if (await scope.DocumentAsync(actor, ArchiveAction.VoidDocument, oid, ct) is not { } document)
            return ArchiveOutcome<VoidReceipt>.Refused(StatusCodes.Status404NotFound, ArchiveCodes.DocumentNotFound);
        audit.Target(document.Id.Value).Subject(document.PersonId.Value);

        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return Invalid(ArchiveCodes.VoidReasonMissing, "reason");
        if (reason.Length > DocumentVoid.MaxReasonLength) return Invalid(ArchiveCodes.VoidReasonTooLong, "reason");
        var onBehalf = request.OnBehalfOf;
        if (onBehalf is not null && (!Oid.TryParse(onBehalf.Root, out _, out _) || onBehalf.Extension?.Length > 100))
            return Invalid(ArchiveCodes.OnBehalfOfInvalid, "onBehalfOf");
        if (document.VoidedAt is not null) return ArchiveOutcome<VoidReceipt>.Refused(StatusCodes.Status409Conflict, ArchiveCodes.AlreadyVoided);

        var setId = document.SetId;
        var latest = await db.Set<ArchivedDocument>().AsNoTracking().Where(d => d.SetId == setId)
            .OrderByDescending(d => d.VersionNumber).Select(d => d.Id).FirstAsync(ct);
        var now = DocumentIntake.Now(clock);
        db.Add(new DocumentVoid
        {
            Id = Guid.CreateVersion7(), SetId = setId, RegistrarOrgId = document.RegistrarOrgId, VoidedDocumentId = latest, Reason = reason,
            ClientSystemId = actor.ApiKeyId is { } key ? new ClientSystemId(key) : null, AccountId = actor.AccountId,
            OnBehalfOfRoot = onBehalf?.Root, OnBehalfOfExt = onBehalf?.Extension, VoidedAt = now,
        });
        if (!(await db.SaveOrConflictAsync(ct)).IsOk) return ArchiveOutcome<VoidReceipt>.Refused(StatusCodes.Status409Conflict, ArchiveCodes.AlreadyVoided);
        await db.Set<ArchivedDocument>().Where(d => d.SetId == setId).ExecuteUpdateAsync(s => s.SetProperty(d => d.VoidedAt, now), ct);
        audit.Target(latest.Value);
        return ArchiveOutcome<VoidReceipt>.Ok(new VoidReceipt(setId, now));
    }

    private static ArchiveOutcome<VoidReceipt> Invalid(string code, string field) =>
        ArchiveOutcome<VoidReceipt>.Refused(StatusCodes.Status400BadRequest, new ArchiveError(code, field));
}
