using Microsoft.AspNetCore.Http;
using Vakka.Cda;
using Vakka.Platform.Access;

namespace Vakka.Archive.Features.Documents;

/// <summary>
/// POST /documents: archives the first version of a document. Nothing is stored unless every check passes; the same
/// bytes sent again give the first receipt (200).
/// </summary>
internal sealed class ArchiveDocument(DocumentIntake intake)
{
    public async Task<ArchiveOutcome<Receipt>> HandleAsync(Actor actor, byte[] bytes, CancellationToken ct)
    {
        var check = await intake.CheckAsync(actor, bytes, ct);
        if (check.Value is not { } document) return ArchiveOutcome<Receipt>.Refused(check.Status, [.. check.Errors]);

        var h = document.Header;
        if (h.VersionNumber != 1 || h.SetId != h.Id!.Root || h.Replaces is not null)
            return ArchiveOutcome<Receipt>.Refused(StatusCodes.Status422UnprocessableEntity, new ArchiveError(ArchiveCodes.VersionFirstInvalid,
                CdaPaths.Attribute(CdaPaths.VersionNumber, "value"), "A first version has versionNumber 1, setId equal to id and no RPLC; send later versions to /documents/{oid}/versions."));

        // The document OID's unique index decides: a retry of the same document, or another one with the same OID, is
        // found when the insert loses (inside a savepoint), not looked up before every first insert.
        if (await intake.StoreAsync(actor, document, null, ct) is { } receipt) return ArchiveOutcome<Receipt>.Ok(receipt, StatusCodes.Status201Created);
        return await intake.FindAsync(document.DocumentOid, ct) is { } winner
            ? intake.Existing(winner, document)
            : ArchiveOutcome<Receipt>.Refused(StatusCodes.Status409Conflict, ArchiveCodes.DocumentIdDuplicate);
    }
}
