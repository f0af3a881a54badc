using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vakka.Archive.Access;
using Vakka.Archive.Domain;
using Vakka.Archive.Features.Documents;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;
using Vakka.Platform.Finnish;

namespace Vakka.Archive.Features.Disclosures;

/// <summary>The receiving organisation: its OID (SOTE-organisaatiorekisteri or JHS 159) and optionally its name.</summary>
public sealed record DisclosureRecipient(string? Oid, string? Name);

/// <summary>The professional who disclosed (an HL7 II: an OID root and an optional extension).</summary>
public sealed record PractitionerRef(string? Root, string? Extension);

/// <summary>POST /disclosures: one event for 1..n documents (OIDs) of one person.</summary>
public sealed record DisclosureRequest(DisclosureRecipient? Recipient, string? Basis, string? TypeOfDisclosure, string? Consent,
    PractitionerRef? Practitioner, IReadOnlyList<string>? Documents);

public sealed record DisclosureReceipt(Guid Id, DateTime DisclosedAt, IReadOnlyList<string> Documents);

/// <summary>What is disclosed to whom and why, as a request gave it; <see cref="RecordDisclosure.Check"/> validates it.</summary>
public sealed record DisclosureTerms(string? RecipientOid, string? RecipientName, string? Basis, string? TypeOfDisclosure, string? Consent,
    PractitionerRef? Practitioner, string RecipientPath)
{
    public static DisclosureTerms Of(DisclosureRequest r) =>
        new(r.Recipient?.Oid, r.Recipient?.Name, r.Basis, r.TypeOfDisclosure, r.Consent, r.Practitioner, "recipient.oid");
}

/// <summary>
/// Records disclosure events (design §c ar_disclosure + ar_disclosure_item; SWA §9 luovutusloki): by a retrieval with
/// <c>?disclosedTo=&amp;basis=</c> (one document, in the retrieval's transaction, after its SHA-256 was checked) or by
/// POST /disclosures (1..n documents of one person). Bad terms are refused before anything is stored. A recipient that
/// is the registrar itself, or one of its units (an OID under the registrar's), is not a disclosure: 422
/// DISCLOSURE_TO_REGISTRAR. The audit row names the event and the documents as targets and the person as subject.
/// </summary>
internal sealed class RecordDisclosure(VakkaDb db, ArchiveScope scope, AccessControl access, IOptions<DisclosureOptions> options,
    TimeProvider clock, AuditContext audit)
{
    /// <summary>The syntax of the terms (400 with field codes), or no errors.</summary>
    public IReadOnlyList<ArchiveError> Check(DisclosureTerms t)
    {
        var o = options.Value;
        var errors = new List<ArchiveError>();
        if (string.IsNullOrWhiteSpace(t.RecipientOid)) errors.Add(new(DisclosureCodes.RecipientMissing, t.RecipientPath));
        else if (!Oid.TryParse(t.RecipientOid, out _, out _)) errors.Add(new(DisclosureCodes.RecipientInvalid, t.RecipientPath));
        if (t.RecipientName is { Length: > Disclosure.MaxRecipientNameLength }) errors.Add(new(DisclosureCodes.ValueInvalid, t.RecipientPath == "disclosedTo" ? "recipientName" : "recipient.name"));
        if (string.IsNullOrWhiteSpace(t.Basis)) errors.Add(new(DisclosureCodes.BasisMissing, "basis"));
        else if (!o.EffectiveLegalBases.Contains(t.Basis)) errors.Add(new(DisclosureCodes.BasisUnknown, "basis"));
        if (t.TypeOfDisclosure is not null && !o.EffectiveTypesOfDisclosure.Contains(t.TypeOfDisclosure))
            errors.Add(new(DisclosureCodes.TypeUnknown, "typeOfDisclosure"));
        if (t.Consent is { } consent && (consent.Length is 0 or > Disclosure.MaxConsentRefLength || consent.Any(char.IsControl)))
            errors.Add(new(DisclosureCodes.ValueInvalid, "consent"));
        if (t.Practitioner is { } p && (!Oid.TryParse(p.Root, out _, out _) || p.Extension?.Length > Disclosure.MaxPractitionerExtLength))
            errors.Add(new(DisclosureCodes.PractitionerInvalid, "practitioner"));
        return errors;
    }

    /// <summary>422 DISCLOSURE_TO_REGISTRAR when the recipient is the registrar itself or one of its units.</summary>
    public static ArchiveError? ToRegistrar(DisclosureTerms t, string registrarOid)
    {
        var recipient = Oid.Parse(t.RecipientOid!);
        var registrar = Oid.Parse(registrarOid);
        return recipient == registrar || recipient.IsUnder(registrar) ? new ArchiveError(DisclosureCodes.ToRegistrar, t.RecipientPath) : null;
    }

    /// <summary>
    /// POST /disclosures: every document must be one the caller may disclose (else 404 DISCLOSURE_DOCUMENT_UNKNOWN, as for
    /// another registrar's document: existence does not leak), not voided for a client system (422 DOCUMENT_VOIDED), and
    /// all of one person (422 DISCLOSURE_PERSONS_DIFFER) and one registrar.
    /// </summary>
    public async Task<ArchiveOutcome<DisclosureReceipt>> HandleAsync(Actor actor, DisclosureRequest request, CancellationToken ct)
    {
        var terms = DisclosureTerms.Of(request);
        var errors = Check(terms).ToList();
        var oids = request.Documents ?? [];
        if (oids.Count is 0 or > Disclosure.MaxDocuments || oids.Distinct(StringComparer.Ordinal).Count() != oids.Count || oids.Any(d => d is null))
            errors.Add(new(DisclosureCodes.DocumentsInvalid, "documents"));
        if (errors.Count > 0) return ArchiveOutcome<DisclosureReceipt>.Refused(StatusCodes.Status400BadRequest, [.. errors]);

        var documents = new List<ArchivedDocument>();
        var voided = new List<ArchiveError>();
        for (var i = 0; i < oids.Count; i++)
        {
            var document = await scope.DocumentAsync(actor, ArchiveAction.RecordDisclosure, oids[i], ct);
            if (document is null) errors.Add(new(DisclosureCodes.DocumentUnknown, $"documents[{i}]"));
            else if (document.VoidedAt is not null && !ArchiveScope.SeesVoided(actor, document.RegistrarOrgId))
                voided.Add(new(ArchiveCodes.DocumentVoided, $"documents[{i}]"));
            else documents.Add(document);
        }
        if (errors.Count > 0) return ArchiveOutcome<DisclosureReceipt>.Refused(StatusCodes.Status404NotFound, [.. errors]);
        if (voided.Count > 0) return ArchiveOutcome<DisclosureReceipt>.Refused(StatusCodes.Status422UnprocessableEntity, [.. voided]);
        foreach (var d in documents) audit.Target(d.Id.Value).Subject(d.PersonId.Value);
        if (documents.Select(d => d.PersonId).Distinct().Count() > 1)
            return ArchiveOutcome<DisclosureReceipt>.Refused(StatusCodes.Status422UnprocessableEntity, new ArchiveError(DisclosureCodes.PersonsDiffer, "documents"));
        if (documents.Select(d => d.RegistrarOrgId).Distinct().Count() > 1)
            return ArchiveOutcome<DisclosureReceipt>.Refused(StatusCodes.Status422UnprocessableEntity, new ArchiveError(DisclosureCodes.RegistrarsDiffer, "documents"));
        if (ToRegistrar(terms, documents[0].RegistrarOid) is { } self)
            return ArchiveOutcome<DisclosureReceipt>.Refused(StatusCodes.Status422UnprocessableEntity, self);

        var disclosure = await AddAsync(actor, terms, documents, ct);
        return ArchiveOutcome<DisclosureReceipt>.Ok(new DisclosureReceipt(disclosure.Id.Value, disclosure.DisclosedAt, oids), StatusCodes.Status201Created);
    }

    /// <summary>For a retrieval: the terms' errors (400), the caller's right to record here (404 as for the document), the registrar rule (422).</summary>
    public async Task<ArchiveOutcome<Disclosure>?> RefusalForAsync(Actor actor, DisclosureTerms terms, ArchivedDocument document, CancellationToken ct)
    {
        if (Check(terms) is { Count: > 0 } errors) return ArchiveOutcome<Disclosure>.Refused(StatusCodes.Status400BadRequest, [.. errors]);
        if (!await access.HasAsync(actor, ArchiveAction.RecordDisclosure, document.Id.Value, ct))
            return ArchiveOutcome<Disclosure>.Refused(StatusCodes.Status404NotFound, ArchiveCodes.DocumentNotFound);
        return ToRegistrar(terms, document.RegistrarOid) is { } self ? ArchiveOutcome<Disclosure>.Refused(StatusCodes.Status422UnprocessableEntity, self) : null;
    }

    /// <summary>Adds the event and its items and saves them in the request's transaction (checked terms, documents of one person and registrar).</summary>
    public async Task<Disclosure> AddAsync(Actor actor, DisclosureTerms t, IReadOnlyList<ArchivedDocument> documents, CancellationToken ct)
    {
        var first = documents[0];
        var disclosure = new Disclosure
        {
            Id = DisclosureId.New(), RegistrarOrgId = first.RegistrarOrgId, RegistrarOid = first.RegistrarOid, PersonId = first.PersonId,
            RecipientOid = t.RecipientOid!, RecipientName = string.IsNullOrWhiteSpace(t.RecipientName) ? null : t.RecipientName.Trim(),
            TypeOfDisclosure = t.TypeOfDisclosure ?? options.Value.DefaultTypeOfDisclosure, LegalBasis = t.Basis!, ConsentRef = t.Consent,
            DisclosedAt = DocumentIntake.Now(clock), ClientSystemId = actor.ApiKeyId is { } key ? new ClientSystemId(key) : null, AccountId = actor.AccountId,
            PractitionerRoot = t.Practitioner?.Root, PractitionerExt = t.Practitioner?.Extension,
        };
        db.Add(disclosure);
        foreach (var d in documents) db.Add(new DisclosureItem { DisclosureId = disclosure.Id, DocumentId = d.Id });
        await db.SaveChangesAsync(ct);
        audit.Begin(Audit.ArchiveAudit.DisclosureRecord, ArchiveAction.RecordDisclosure);
        audit.Target(disclosure.Id.Value).Subject(disclosure.PersonId.Value);
        return disclosure;
    }
}

/// <summary>The disclosure log's machine codes (texts in archive.texts.json).</summary>
public static class DisclosureCodes
{
    public const string RecipientMissing = "DISCLOSURE_RECIPIENT_MISSING";
    public const string RecipientInvalid = "DISCLOSURE_RECIPIENT_INVALID";
    public const string BasisMissing = "DISCLOSURE_BASIS_MISSING";
    public const string BasisUnknown = "DISCLOSURE_BASIS_UNKNOWN";
    public const string TypeUnknown = "DISCLOSURE_TYPE_UNKNOWN";
    public const string ValueInvalid = "DISCLOSURE_VALUE_INVALID";
    public const string PractitionerInvalid = "DISCLOSURE_PRACTITIONER_INVALID";
    public const string DocumentsInvalid = "DISCLOSURE_DOCUMENTS_INVALID";
    public const string DocumentUnknown = "DISCLOSURE_DOCUMENT_UNKNOWN";
    public const string PersonsDiffer = "DISCLOSURE_PERSONS_DIFFER";
    public const string RegistrarsDiffer = "DISCLOSURE_REGISTRARS_DIFFER";
    public const string ToRegistrar = "DISCLOSURE_TO_REGISTRAR";
    public const string RangeInvalid = "DISCLOSURE_RANGE_INVALID";
}
