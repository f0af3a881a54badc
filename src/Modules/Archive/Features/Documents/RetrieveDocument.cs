using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Vakka.Archive.Access;
using Vakka.Archive.Domain;
using Vakka.Archive.Features.Disclosures;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;

namespace Vakka.Archive.Features.Documents;

public sealed record RetrievedDocument(byte[] Bytes, string Sha256Hex);

/// <summary>
/// GET /documents/{oid}: the exact archived bytes. The SHA-256 is recomputed on every read; a mismatch (or missing
/// bytes) answers 500 ARCHIVE_INTEGRITY_FAILURE with an error log and a Failed audit row, never the altered bytes.
/// Replaced versions stay retrievable; a destroyed one answers 410 DOCUMENT_DESTROYED to everyone; a voided one answers 410 DOCUMENT_VOIDED to client systems (archivists get it).
/// With disclosure terms (<c>?disclosedTo=&amp;basis=</c>) the retrieval records a disclosure event in the request's
/// transaction, after the bytes passed their check; bad terms are refused before the bytes are read, and nothing is
/// recorded.
/// </summary>
internal sealed class RetrieveDocument(VakkaDb db, ArchiveScope scope, AuditContext audit, RecordDisclosure disclosures, ILogger<RetrieveDocument> log)
{
    public async Task<ArchiveOutcome<RetrievedDocument>> HandleAsync(Actor actor, string oid, DisclosureTerms? disclosure, CancellationToken ct)
    {
        if (await scope.DocumentAsync(actor, ArchiveAction.RetrieveDocument, oid, ct) is not { } document)
            return ArchiveOutcome<RetrievedDocument>.Refused(StatusCodes.Status404NotFound, ArchiveCodes.DocumentNotFound);
        audit.Target(document.Id.Value).Subject(document.PersonId.Value);
        if (document.VoidedAt is not null && !ArchiveScope.SeesVoided(actor, document.RegistrarOrgId))
            return ArchiveOutcome<RetrievedDocument>.Refused(StatusCodes.Status410Gone, ArchiveCodes.DocumentVoided);
        if (document.DestroyedAt is not null)
            return ArchiveOutcome<RetrievedDocument>.Refused(StatusCodes.Status410Gone, ArchiveCodes.DocumentDestroyed);
        if (disclosure is not null && await disclosures.RefusalForAsync(actor, disclosure, document, ct) is { } refused)
            return new ArchiveOutcome<RetrievedDocument>(refused.Status, null, refused.Errors);

        var id = document.Id;
        var bytes = await db.Set<DocumentContent>().AsNoTracking().Where(c => c.DocumentId == id).Select(c => c.Bytes).FirstOrDefaultAsync(ct);
        if (bytes is null || !SHA256.HashData(bytes).AsSpan().SequenceEqual(document.Sha256))
        {
            log.LogError("Archive integrity failure: document {DocumentId} {Problem}", document.Id,
                bytes is null ? "has no stored bytes" : "does not match its SHA-256");
            return ArchiveOutcome<RetrievedDocument>.Refused(StatusCodes.Status500InternalServerError, ArchiveCodes.IntegrityFailure);
        }
        if (disclosure is not null) await disclosures.AddAsync(actor, disclosure, [document], ct);
        return ArchiveOutcome<RetrievedDocument>.Ok(new RetrievedDocument(bytes, document.Sha256Hex));
    }
}
