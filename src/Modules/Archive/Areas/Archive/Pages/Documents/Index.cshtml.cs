using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Vakka.Archive.Access;
using Vakka.Archive.Audit;
using Vakka.Archive.Domain;
using Vakka.Archive.Features.Documents;
using Vakka.Archive.Features.Pages;
using Vakka.Cda;
using Vakka.Platform.Audit;
using Vakka.Platform.Web;

namespace Vakka.Archive.Areas.Archive.Pages.Documents;

/// <summary>
/// /archive/documents/{id}: one archived version (metadata, the SHA-256 checked on this read, the set's versions,
/// the void), its display form in a sandboxed frame (/display), and the exact bytes as a download (/download, /pdf).
/// The handlers declare the action without a target and find the document with <c>ArchiveScope</c>, as the API's OID
/// routes do: another registrar's document is 404, never 403 (design §e).
/// </summary>
public sealed class IndexModel : VakkaPageModel
{
    private ViewDocument View => HttpContext.RequestServices.GetRequiredService<ViewDocument>();

    public DocumentPage? Document { get; private set; }

    [Requires(ArchiveAction.ViewDocument), Audited(ArchiveAudit.DocumentView)]
    public async Task<IActionResult> OnGetAsync(ArchivedDocumentId id, CancellationToken ct)
    {
        Document = await View.PageAsync(await ActorAsync(), id, ct);
        if (Document is null) return NotFound();
        if (!Document.Intact && !Document.Destroyed) Audit.Outcome(AuditOutcome.Failed);
        return Page();
    }

    /// <summary>The sanitised XHTML for the sandboxed frame (its CSP and frame-ancestors are set for this route by the host).</summary>
    [Requires(ArchiveAction.ViewDocument), Audited(ArchiveAudit.DocumentDisplay)]
    public async Task<IActionResult> OnGetDisplayAsync(ArchivedDocumentId id, CancellationToken ct)
    {
        if (await CheckedBytesAsync(id, ct) is not { } content) return refusal!;
        var read = CdaReader.Read(content.Bytes);
        var xhtml = read.Body.Content switch
        {
            XhtmlJsonBody b => b.Xhtml,
            XhtmlOnlyBody b => b.Xhtml,
            _ => (ReadOnlyMemory<byte>?)null,
        };
        if (xhtml is not { } markup) return NotFound();
        return Content(DisplayForm.Html(markup, read.Header?.LanguageCode ?? "fi", read.Header?.Title ?? ""), "text/html; charset=utf-8");
    }

    /// <summary>The exact archived bytes (after the SHA-256 check) as an attachment.</summary>
    [Requires(ArchiveAction.ViewDocument), Audited(ArchiveAudit.DocumentDownload)]
    public async Task<IActionResult> OnGetDownloadAsync(ArchivedDocumentId id, CancellationToken ct)
    {
        if (await CheckedBytesAsync(id, ct) is not { } content) return refusal!;
        Response.Headers.ETag = $"\"{content.Sha256Hex}\"";
        return File(content.Bytes, "application/xml", $"{id}.xml");
    }

    /// <summary>The PDF/A body of an old document as an attachment (it is never shown in the page).</summary>
    [Requires(ArchiveAction.ViewDocument), Audited(ArchiveAudit.DocumentDownload)]
    public async Task<IActionResult> OnGetPdfAsync(ArchivedDocumentId id, CancellationToken ct)
    {
        if (await CheckedBytesAsync(id, ct) is not { } content) return refusal!;
        return CdaReader.Read(content.Bytes).Body.Content is PdfBody pdf ? File(pdf.Pdf.ToArray(), "application/pdf", $"{id}.pdf") : NotFound();
    }

    private IActionResult? refusal;

    /// <summary>
    /// The archived bytes after their SHA-256 check, or null with <see cref="refusal"/> set: 404, 410 for a destroyed
    /// document, or 500 with a message when the bytes failed the check (logged by the retrieval; the bytes are never released).
    /// </summary>
    private async Task<RetrievedDocument?> CheckedBytesAsync(ArchivedDocumentId id, CancellationToken ct)
    {
        var outcome = await View.ContentAsync(await ActorAsync(), id, ct);
        refusal = outcome is null ? NotFound()
            : outcome.Value is not null ? null
            : outcome.Status == StatusCodes.Status410Gone ? Text(StatusCodes.Status410Gone, ArchiveProblems.Message(outcome.Errors[0], Texts))
            : Text(StatusCodes.Status500InternalServerError, Texts["Archive.Document.IntegrityAlert"]);
        return outcome?.Value;
    }

    private static ContentResult Text(int status, string text) => new() { StatusCode = status, Content = text, ContentType = "text/plain; charset=utf-8" };
}
