using Microsoft.EntityFrameworkCore;
using Vakka.Archive.Access;
using Vakka.Archive.Domain;
using Vakka.Archive.Features.Documents;
using Vakka.Cda;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Data;

namespace Vakka.Archive.Features.Pages;

/// <summary>A void as the archivist's document page shows it: the reason (never in the audit log), who and when.</summary>
public sealed record VoidView(DateTime VoidedAt, string Reason, string? ClientSystem, string? Account, string? OnBehalfOf);

/// <summary>
/// The document page: the version's metadata, its set's versions, the void, the registrar's name, whether the stored
/// bytes matched their SHA-256 on this read, and the body (null when the check failed).
/// </summary>
public sealed record DocumentPage(DocumentMetadata Document, IReadOnlyList<DocumentMetadata> Versions, VoidView? Void, string? RegistrarName,
    bool Intact, CdaBody? Body)
{
    /// <summary>Destroyed after its retention ended: no bytes to check or show, and no integrity failure either.</summary>
    public bool Destroyed => Document.DestroyedAt is not null;
}

/// <summary>
/// The archivist's way to one document by its id (pages take Guid ids). The same use cases as the API: the metadata
/// and history of <see cref="ReadMetadata"/>, and the bytes of <see cref="RetrieveDocument"/>, whose SHA-256 check
/// runs on every read (a mismatch is logged there and never releases the bytes). Another registrar's document is
/// null (404), never 403, so that existence does not leak.
/// </summary>
internal sealed class ViewDocument(VakkaDb db, ArchiveScope scope, ReadMetadata read, RetrieveDocument retrieve, IOrganisationDirectory organisations,
    IAccountDirectory accounts)
{
    public async Task<DocumentPage?> PageAsync(Actor actor, ArchivedDocumentId id, CancellationToken ct)
    {
        if (await scope.DocumentAsync(actor, ArchiveAction.ViewDocument, id, ct) is not { } document) return null;
        if ((await read.DocumentAsync(actor, document.DocumentOid, ct)).Value is not { } details) return null;
        var content = document.DestroyedAt is null ? await retrieve.HandleAsync(actor, document.DocumentOid, null, ct) : null;
        var body = content?.Value is { } retrieved ? CdaReader.Read(retrieved.Bytes).Body.Content : null;
        var registrar = await organisations.GetAsync(document.RegistrarOrgId, ct);
        return new DocumentPage(details.Document, details.Versions, await VoidAsync(document, ct), registrar?.Name, content?.Value is not null, body);
    }

    /// <summary>The exact archived bytes after the SHA-256 check: null when the actor may not see the document (404).</summary>
    public async Task<ArchiveOutcome<RetrievedDocument>?> ContentAsync(Actor actor, ArchivedDocumentId id, CancellationToken ct) =>
        await scope.DocumentAsync(actor, ArchiveAction.ViewDocument, id, ct) is { } document
            ? await retrieve.HandleAsync(actor, document.DocumentOid, null, ct)
            : null;

    private async Task<VoidView?> VoidAsync(ArchivedDocument document, CancellationToken ct)
    {
        var setId = document.SetId;
        var registrar = document.RegistrarOrgId;
        if (await db.Set<DocumentVoid>().AsNoTracking().FirstOrDefaultAsync(v => v.SetId == setId && v.RegistrarOrgId == registrar, ct) is not { } voided)
            return null;
        var clientSystem = voided.ClientSystemId is { } systemId
            ? await db.Set<ClientSystem>().AsNoTracking().Where(c => c.Id == systemId).Select(c => c.Name).FirstOrDefaultAsync(ct)
            : null;
        var account = voided.AccountId is { } accountId
            ? (await accounts.UserNamesAsync([accountId.Value], ct)).GetValueOrDefault(accountId.Value)
            : null;
        var onBehalfOf = voided.OnBehalfOfRoot is { } root ? voided.OnBehalfOfExt is { } ext ? $"{ext} ({root})" : root : null;
        return new VoidView(voided.VoidedAt, voided.Reason, clientSystem, account, onBehalfOf);
    }
}
