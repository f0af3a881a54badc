using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Vakka.Archive.Access;
using Vakka.Archive.Audit;
using Vakka.Archive.Features.ClientSystems;
using Vakka.Archive.Features.Disclosures;
using Vakka.Archive.Features.Documents;
using Vakka.Archive.Features.Retention;
using Vakka.Cda;
using Vakka.Platform.Web;

namespace Vakka.Archive.Api;

/// <summary>
/// The archive API for client systems (with their organisation's key in <c>X-Api-Key</c>) and the registrar's
/// archivists (with their session): archive, version, void, query and retrieve client documents (design §e).
/// Refusals are problem details with <c>code</c> and <c>errors[]</c> of machine codes and messages in the caller's
/// language. The henkilötunnus never goes in a URL: queries are POSTs.
/// </summary>
public static class ArchiveApi
{
    public const string Prefix = "/api/v1/archive";
    private static readonly string[] XmlTypes = ["application/xml", "text/xml"];

    public sealed record ReceiptResponse(Guid Id, string DocumentOid, string SetId, int VersionNumber, string Sha256, DateTime ArchivedAt,
        IReadOnlyList<ArchiveProblems.ProblemError> Warnings);

    public static IEndpointRouteBuilder MapArchiveApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix).Declared().WithTags("Archive")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = $"{ArchiveKeyHandler.SchemeName},{IdentityConstants.ApplicationScheme}" });

        api.MapPost("/documents", async (HttpRequest request, CurrentActor current, ArchiveDocument archive, IOptions<ArchiveOptions> options,
                IStringLocalizer texts, CancellationToken ct) =>
            {
                var body = await ReadXmlAsync(request, options.Value.MaxDocumentBytes, texts, ct);
                if (body.Problem is { } problem) return problem;
                return Answer(await archive.HandleAsync(await current.GetAsync(ct), body.Bytes!, ct), texts);
            })
            .WithSummary("Archive the first version of a client document (CDA R2 with the Finnish header). 201 with a receipt; the same bytes again give 200 with the same receipt; refusals 422/409/403/413/415 with errors[] of machine codes; nothing is stored on a refusal.")
            .AcceptsXml().Produces<ReceiptResponse>(StatusCodes.Status201Created).Produces<ReceiptResponse>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .Requires(ArchiveAction.ArchiveDocument).Audited(ArchiveAudit.DocumentArchive);

        api.MapPost("/documents/{oid}/versions", async (string oid, HttpRequest request, CurrentActor current, AddVersion version,
                IOptions<ArchiveOptions> options, IStringLocalizer texts, CancellationToken ct) =>
            {
                var body = await ReadXmlAsync(request, options.Value.MaxDocumentBytes, texts, ct);
                if (body.Problem is { } problem) return problem;
                return Answer(await version.HandleAsync(await current.GetAsync(ct), oid, body.Bytes!, ct), texts);
            })
            .WithSummary("Archive version n+1 of a set, replacing {oid} (the set's latest version): same setId, next versionNumber, RPLC to {oid}, same client, registrar and type, set not voided. The loser of two concurrent versions gets 409 VERSION_CONFLICT; a set in a destruction proposal 409 SET_DESTRUCTION_PROPOSED; a destroyed set 410 DOCUMENT_DESTROYED.")
            .AcceptsXml().Produces<ReceiptResponse>(StatusCodes.Status201Created).Produces<ReceiptResponse>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
            .Requires(ArchiveAction.VersionDocument).Audited(ArchiveAudit.DocumentVersion);

        api.MapPost("/documents/{oid}/void", async (string oid, HttpRequest request, CurrentActor current, VoidDocument voiding,
                IStringLocalizer texts, CancellationToken ct) =>
            {
                var (body, problem) = await ReadJsonAsync<VoidRequest>(request, texts, ct);
                return problem ?? Answer(await voiding.HandleAsync(await current.GetAsync(ct), oid, body!, ct), texts);
            })
            .WithSummary("Void the whole set {oid} belongs to, with a reason (≤ 1,000 characters; kept for archivists, never in the audit log) and optionally the professional it is done for.")
            .AcceptsJson<VoidRequest>().Produces<VoidReceipt>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .Requires(ArchiveAction.VoidDocument).Audited(ArchiveAudit.DocumentVoid);

        api.MapPost("/documents/query", async (HttpRequest request, CurrentActor current, QueryDocuments query, IStringLocalizer texts, CancellationToken ct) =>
            {
                var (body, problem) = await ReadJsonAsync<QueryRequest>(request, texts, ct);
                return problem ?? Answer(await query.HandleAsync(await current.GetAsync(ct), body!, ct), texts);
            })
            .WithSummary("Query versions by client (henkilötunnus, in the body only), service task, case, document type, registrar, time range and status (current by default; replaced; voided and destroyed for archivists only); newest first, limit ≤ 500 with nextCursor. Needs a client, a case or a time range of at most one year.")
            .AcceptsJson<QueryRequest>().Produces<QueryPage>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .Requires(ArchiveAction.QueryDocuments).Audited(ArchiveAudit.DocumentQuery);

        api.MapGet("/documents/{oid}", async (string oid, string? disclosedTo, string? basis, string? recipientName, string? typeOfDisclosure,
                string? consent, HttpResponse response, CurrentActor current, RetrieveDocument retrieve, IStringLocalizer texts, CancellationToken ct) =>
            {
                var disclosure = disclosedTo is null && basis is null && recipientName is null && typeOfDisclosure is null && consent is null ? null
                    : new DisclosureTerms(disclosedTo, recipientName, basis, typeOfDisclosure, consent, null, "disclosedTo");
                var outcome = await retrieve.HandleAsync(await current.GetAsync(ct), oid, disclosure, ct);
                if (outcome.Value is not { } document) return ArchiveProblems.Of(outcome, texts);
                response.Headers.ETag = $"\"{document.Sha256Hex}\"";
                response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(document.Sha256Hex))}:";
                return Results.Bytes(document.Bytes, "application/xml");
            })
            .WithSummary("The exact archived bytes (ETag = the SHA-256 in hex). The SHA-256 is recomputed on every read: a mismatch answers 500 ARCHIVE_INTEGRITY_FAILURE, never altered bytes. A voided document answers 410 DOCUMENT_VOIDED to client systems. With ?disclosedTo=<recipient organisation OID>&basis=<legal basis> (and optionally recipientName, typeOfDisclosure, consent) the retrieval also records a disclosure event in the same transaction (the audit row is then Archive.DisclosureRecord); bad terms answer 400/422 and nothing is recorded.")
            .Produces<string>(StatusCodes.Status200OK, "application/xml").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone).ProducesProblem(StatusCodes.Status500InternalServerError)
            .Requires(ArchiveAction.RetrieveDocument).Audited(ArchiveAudit.DocumentRetrieve);

        api.MapGet("/documents/{oid}/metadata", async (string oid, CurrentActor current, ReadMetadata read, IStringLocalizer texts, CancellationToken ct) =>
                Answer(await read.DocumentAsync(await current.GetAsync(ct), oid, ct), texts))
            .WithSummary("A version's metadata, the versions of its set and its void (the reason for archivists only).")
            .Produces<DocumentDetails>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone)
            .Requires(ArchiveAction.ReadMetadata).Audited(ArchiveAudit.DocumentMetadataRead);

        api.MapGet("/sets/{setId}", async (string setId, CurrentActor current, ReadMetadata read, IStringLocalizer texts, CancellationToken ct) =>
                Answer(await read.SetAsync(await current.GetAsync(ct), setId, ct), texts))
            .WithSummary("Every version of a set, oldest first, with isLatest, replacedBy and the void.")
            .Produces<SetHistory>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone)
            .Requires(ArchiveAction.ReadMetadata).Audited(ArchiveAudit.DocumentHistoryRead);

        api.MapPost("/disclosures", async (HttpRequest request, CurrentActor current, RecordDisclosure record, IStringLocalizer texts, CancellationToken ct) =>
            {
                var (body, problem) = await ReadJsonAsync<DisclosureRequest>(request, texts, ct);
                return problem ?? Answer(await record.HandleAsync(await current.GetAsync(ct), body!, ct), texts);
            })
            .WithSummary("Record one disclosure event: documents (OIDs, 1–100) of ONE person given to another organisation (recipient.oid) on a legal basis. 201 with the event id; documents of different persons 422 DISCLOSURE_PERSONS_DIFFER; the registrar itself as recipient 422 DISCLOSURE_TO_REGISTRAR; a document the caller may not disclose 404 DISCLOSURE_DOCUMENT_UNKNOWN; bad fields 400. Nothing is recorded on a refusal.")
            .AcceptsJson<DisclosureRequest>().Produces<DisclosureReceipt>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden)
            .Requires(ArchiveAction.RecordDisclosure).Audited(ArchiveAudit.DisclosureRecord);

        api.MapGet("/disclosures", async (string? registrar, string? from, string? to, string? limit, string? cursor, CurrentActor current,
                ExportDisclosures export, IStringLocalizer texts, CancellationToken ct) =>
                Answer(await export.ListAsync(await current.GetAsync(ct), registrar, from, to, limit, cursor, ct), texts))
            .WithSummary("Disclosure events of the caller's organisations (an auditor: of all), optionally of one registrar OID, newest first, disclosedAt in [from, to), limit ≤ 500 (100 by default) with nextCursor. No henkilötunnus: the FHIR export has it.")
            .Produces<DisclosurePage>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .Requires(ArchiveAction.ExportDisclosures).Audited(ArchiveAudit.DisclosureExport);

        api.MapGet("/disclosures/{id:guid}/audit-event", async (Guid id, ExportDisclosures export, IOptions<DisclosureOptions> options, CancellationToken ct) =>
                await export.EventAsync(id, ct) is { } x ? Fhir(DisclosureFhir.AuditEvent(x, options.Value)) : Results.NotFound())
            .WithSummary("The disclosure event as a FHIR R4 AuditEvent (application/fhir+json) in the national pattern (SocialWelfareServiceAuditEvent; the values the reference leaves open are configurable placeholders, see the module README).")
            .Produces<string>(StatusCodes.Status200OK, DisclosureFhir.MediaType).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden)
            .Requires(ArchiveAction.ExportDisclosures, "id").Audited(ArchiveAudit.DisclosureExport);

        api.MapGet("/disclosures/{id:guid}/bundle", async (Guid id, ExportDisclosures export, IOptions<DisclosureOptions> options, CancellationToken ct) =>
                await export.EventAsync(id, ct) is { } x ? Fhir(DisclosureFhir.Bundle(x, options.Value)) : Results.NotFound())
            .WithSummary("The disclosure event as the national transport's FHIR R4 transaction Bundle (AuditEvent + Provenance, create only), unsigned: signing is open and Vakka sends nothing.")
            .Produces<string>(StatusCodes.Status200OK, DisclosureFhir.MediaType).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden)
            .Requires(ArchiveAction.ExportDisclosures, "id").Audited(ArchiveAudit.DisclosureExport);

        api.MapPost("/persons/deaths", async (HttpRequest request, CurrentActor current, RecordRetentionEvent record, IStringLocalizer texts, CancellationToken ct) =>
            {
                var (body, problem) = await ReadJsonAsync<DeathRequest>(request, texts, ct);
                return problem ?? Answer(await record.DeathAsync(await current.GetAsync(ct), body!, ct), texts);
            })
            .WithSummary("Record a client's date of death (henkilötunnus in the body only; date yyyy-MM-dd, not in the future). 202: the retention of the person's documents is recomputed by a job. A person without documents at the caller's organisation 404 PERSON_UNKNOWN; bad fields 400.")
            .AcceptsJson<DeathRequest>().Produces<RetentionEventReceipt>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .Requires(ArchiveAction.RecordRetentionEvent).Audited(ArchiveAudit.RetentionEventRecord);

        api.MapPost("/cases/closed", CaseEvent(closed: true))
            .WithSummary("Record that a case (asia) of the caller's registrar closed: caseId {root, extension} as in the documents' header, closedOn (yyyy-MM-dd), serviceTask (code of 1.2.246.537.6.1221; required for a case the archive does not know). 202: the retention of the case's documents is recomputed by a job.")
            .AcceptsJson<CaseEventRequest>().Produces<RetentionEventReceipt>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .Requires(ArchiveAction.RecordRetentionEvent).Audited(ArchiveAudit.RetentionEventRecord);

        api.MapPost("/cases/reopened", CaseEvent(closed: false))
            .WithSummary("Record that a closed case was reopened: its documents' retention end becomes unknown again (recomputed by a job). An unknown case 404 CASE_UNKNOWN.")
            .AcceptsJson<CaseEventRequest>().Produces<RetentionEventReceipt>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden)
            .Requires(ArchiveAction.RecordRetentionEvent).Audited(ArchiveAudit.RetentionEventRecord);

        api.MapGet("/retention", async (string? registrar, CurrentActor current, Destruction destruction, IStringLocalizer texts, CancellationToken ct) =>
                Answer(await destruction.OverviewAsync(await current.GetAsync(ct), registrar, ct), texts))
            .WithSummary("Archivists: the registrar's documents whose retention ended before today (Helsinki) by rule, and the gaps: documents without a rule and with a rule whose trigger is unknown (never destroyed).")
            .Produces<RetentionOverview>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .Requires(ArchiveAction.ViewRetention).Audited(ArchiveAudit.RetentionRead);

        api.MapGet("/reconciliation", async (string? by, string? from, string? to, string? registrar, CurrentActor current, Features.Statistics.Reconciliation reconciliation, IStringLocalizer texts, CancellationToken ct) =>
                Answer(await reconciliation.DayTotalsAsync(await current.GetAsync(ct), registrar, by, from, to, ct), texts))
            .WithSummary("Archivists: the archive's own count and hash per Helsinki day of effectiveTime (by=day, from and to yyyy-MM-dd, at most 366 days) over the registrar's current and replaced versions, not voided or destroyed; hash as the reconciliation page's format (module README).")
            .Produces<Features.Statistics.ArchiveTotals>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .Requires(ArchiveAction.Reconcile).Audited(ArchiveAudit.ReconciliationRead);

        api.MapPost("/destructions", async (HttpRequest request, CurrentActor current, Destruction destruction, IStringLocalizer texts, CancellationToken ct) =>
            {
                var (body, problem) = await ReadJsonAsync<ProposeRequest>(request, texts, ct);
                return problem ?? Answer(await destruction.ProposeAsync(await current.GetAsync(ct), body!, ct), texts);
            })
            .WithSummary("Archivists: propose destroying the registrar's documents whose retention ended before endedBefore (yyyy-MM-dd, today at the latest): whole sets, never a document in an open proposal. 201 with the items (what will be destroyed); nothing ended 422 DESTRUCTION_NOTHING_ENDED.")
            .AcceptsJson<ProposeRequest>().Produces<ProposalView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden)
            .Requires(ArchiveAction.ProposeDestruction).Audited(ArchiveAudit.DestructionPropose);

        api.MapGet("/destructions/{id:guid}", async (Guid id, Destruction destruction, IStringLocalizer texts, CancellationToken ct) =>
                Answer(await destruction.ReadAsync(id, ct), texts))
            .WithSummary("Archivists of the registrar: a proposal with its status, decision and items (the record of what was destroyed).")
            .Produces<ProposalView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden)
            .Requires(ArchiveAction.ViewRetention, "id").Audited(ArchiveAudit.RetentionRead);

        api.MapPost("/destructions/{id:guid}/approve", Decision(approve: true))
            .WithSummary("Another archivist of the registrar approves: a job destroys the content in batches (metadata and items stay). The proposer 403 DESTRUCTION_OWN_PROPOSAL; decided already 409 DESTRUCTION_DECIDED.")
            .Produces<ProposalView>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound)
            .Requires(ArchiveAction.DecideDestruction, "id").Audited(ArchiveAudit.DestructionDecide);

        api.MapPost("/destructions/{id:guid}/reject", Decision(approve: false))
            .WithSummary("Another archivist of the registrar rejects with a reason ({ reason }, ≤ 1,000 characters): the documents may be proposed again.")
            .AcceptsJson<DecideRequest>().Produces<ProposalView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound)
            .Requires(ArchiveAction.DecideDestruction, "id").Audited(ArchiveAudit.DestructionDecide);

        return endpoints;
    }

    private static Func<Guid, HttpRequest, CurrentActor, Destruction, IStringLocalizer, CancellationToken, Task<IResult>> Decision(bool approve) =>
        async (id, request, current, destruction, texts, ct) =>
        {
            DecideRequest? body = null;
            if (!approve)
            {
                (body, var problem) = await ReadJsonAsync<DecideRequest>(request, texts, ct);
                if (problem is not null) return problem;
            }
            return Answer(await destruction.DecideAsync(await current.GetAsync(ct), id, approve, body, ct), texts);
        };

    private static Func<HttpRequest, CurrentActor, RecordRetentionEvent, IStringLocalizer, CancellationToken, Task<IResult>> CaseEvent(bool closed) =>
        async (request, current, record, texts, ct) =>
        {
            var (body, problem) = await ReadJsonAsync<CaseEventRequest>(request, texts, ct);
            return problem ?? Answer(await record.CaseAsync(await current.GetAsync(ct), body!, closed, ct), texts);
        };

    private static IResult Fhir(System.Text.Json.Nodes.JsonObject resource) => Results.Text(DisclosureFhir.Json(resource), DisclosureFhir.MediaType, System.Text.Encoding.UTF8);

    private static IResult Answer<T>(ArchiveOutcome<T> outcome, IStringLocalizer texts) => outcome.Value switch
    {
        null => ArchiveProblems.Of(outcome, texts),
        Receipt r when outcome.Status == StatusCodes.Status201Created =>
            TypedResults.Created($"{Prefix}/documents/{r.DocumentOid}", ReceiptOf(r, texts)),
        Receipt r => TypedResults.Ok(ReceiptOf(r, texts)),
        DisclosureReceipt d => TypedResults.Created($"{Prefix}/disclosures/{d.Id}/audit-event", d),
        RetentionEventReceipt e => TypedResults.Accepted((string?)null, e),
        ProposalView p when outcome.Status == StatusCodes.Status201Created => TypedResults.Created($"{Prefix}/destructions/{p.Id}", p),
        var value => TypedResults.Ok(value),
    };

    private static ReceiptResponse ReceiptOf(Receipt r, IStringLocalizer texts) =>
        new(r.Id, r.DocumentOid, r.SetId, r.VersionNumber, r.Sha256, r.ArchivedAt, r.Warnings.Select(w => ArchiveProblems.Localise(w, texts)).ToList());

    /// <summary>
    /// The request bodies are described in the OpenAPI document only: <c>Accepts(...)</c> or a bound body parameter
    /// would make the framework refuse another content type or malformed JSON with a bare 415 or 400, before the
    /// handler can answer with a machine code and a localised message.
    /// </summary>
    private static RouteHandlerBuilder AcceptsXml(this RouteHandlerBuilder builder) => builder.AddOpenApiOperationTransformer((operation, _, _) =>
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The client document: CDA R2 with the Finnish header, UTF-8 (docs/archive/sample.xml).",
            Content = XmlTypes.ToDictionary(t => t, _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } }),
        };
        return Task.CompletedTask;
    });

    private static RouteHandlerBuilder AcceptsJson<T>(this RouteHandlerBuilder builder) => builder.AddOpenApiOperationTransformer(async (operation, context, ct) =>
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(T), null, ct) } },
        });

    /// <summary>A JSON body (415 CONTENT_TYPE_UNSUPPORTED, 400 REQUEST_BODY_INVALID), read with the app's JSON options.</summary>
    private static async Task<(T? Body, IResult? Problem)> ReadJsonAsync<T>(HttpRequest request, IStringLocalizer texts, CancellationToken ct) where T : class
    {
        if (!request.HasJsonContentType())
            return (null, ArchiveProblems.Of(StatusCodes.Status415UnsupportedMediaType, [new ArchiveError(ArchiveCodes.ContentTypeUnsupported)], texts));
        try
        {
            if (await request.ReadFromJsonAsync<T>(ct) is { } body) return (body, null);
        }
        catch (System.Text.Json.JsonException)
        {
        }
        return (null, ArchiveProblems.Of(StatusCodes.Status400BadRequest, [new ArchiveError(ArchiveCodes.BodyInvalid)], texts));
    }

    private sealed record Body(byte[]? Bytes, IResult? Problem);

    /// <summary>
    /// Stage A (design §b): an XML content type (415 CONTENT_TYPE_UNSUPPORTED), at most the configured size
    /// (413 DOCUMENT_TOO_LARGE, read no further than one byte past the limit). The bytes are kept exactly as sent.
    /// </summary>
    private static async Task<Body> ReadXmlAsync(HttpRequest request, long max, IStringLocalizer texts, CancellationToken ct)
    {
        var type = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        if (type is null || !XmlTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
            return new(null, ArchiveProblems.Of(StatusCodes.Status415UnsupportedMediaType, [new ArchiveError(ArchiveCodes.ContentTypeUnsupported)], texts));
        var tooLarge = new Body(null, ArchiveProblems.Of(StatusCodes.Status413PayloadTooLarge, [new ArchiveError(CdaIssueCodes.DocumentTooLarge)], texts));
        if (request.ContentLength > max) return tooLarge;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit && limit.MaxRequestBodySize < max + 1)
            limit.MaxRequestBodySize = max + 1;

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max) return tooLarge;
            buffer.Write(chunk, 0, read);
        }
        return new(buffer.ToArray(), null);
    }
}
