using Vakka.Cda;
using Vakka.Platform.Ids;

namespace Vakka.Archive.Domain;

/// <summary>How a document came in.</summary>
public enum DocumentSource { Api, Migration, InProcess }

/// <summary>
/// One archived version of a client document (ar_document): the header's metadata, never names. The bytes are in
/// <see cref="DocumentContent"/>; their SHA-256, taken over the exact request bytes before anything was parsed, is
/// here and is checked again on every read. Versions of one document share <see cref="SetId"/>.
/// </summary>
internal sealed class ArchivedDocument
{
    public ArchivedDocumentId Id { get; set; }
    public string DocumentOid { get; set; } = "";
    public string SetId { get; set; } = "";
    public int VersionNumber { get; set; }
    public bool IsLatest { get; set; }
    public ArchivedDocumentId? ReplacedById { get; set; }

    /// <summary>The registrar organisation (the access scope) and its OID as the document gave it.</summary>
    public OrganisationId RegistrarOrgId { get; set; }
    public string RegistrarOid { get; set; } = "";
    public string ServiceUnitOid { get; set; } = "";
    public PersonId PersonId { get; set; }

    /// <summary>"1506" (client document type) or "1505" (document group).</summary>
    public string DocTypeSystem { get; set; } = "";
    public string DocTypeCode { get; set; } = "";
    public string GeneralType { get; set; } = "";
    public string? StructureOid { get; set; }
    public string Title { get; set; } = "";
    public DateTime EffectiveTime { get; set; }
    public DateTime CompletedAt { get; set; }
    public string Language { get; set; } = "";
    public string ConfidentialityCode { get; set; } = "";
    public string ServiceTaskCode { get; set; } = "";
    public string? ProcessPhaseCode { get; set; }
    public string? CaseRoot { get; set; }
    public string? CaseExt { get; set; }
    public string? RetentionClassCode { get; set; }
    public string? RecordStatusCode { get; set; }
    public string AuthorRole { get; set; } = "";
    public CdaBodyKind BodyKind { get; set; }

    public int ByteLength { get; set; }
    public byte[] Sha256 { get; set; } = [];
    public DateTime ArchivedAt { get; set; }
    public DocumentSource Source { get; set; }
    public ClientSystemId? ClientSystemId { get; set; }
    public AccountId? ArchivedBy { get; set; }

    /// <summary>Set on every version when the set is voided (voiding applies to the whole set).</summary>
    public DateTime? VoidedAt { get; set; }
    public DateTime? DestroyedAt { get; set; }

    /// <summary>The retention rule's key (<see cref="Retention.RetentionRule.Key"/>); null when no rule applies.</summary>
    public string? RetentionRule { get; set; }

    /// <summary>The date of the event the retention runs from (death, case closed, birth); null while not known.</summary>
    public DateOnly? RetentionTrigger { get; set; }

    /// <summary>The retention end; null while not known (no rule, or the trigger is unknown): never destroyed then.</summary>
    public DateOnly? RetentionEnd { get; set; }

    public string Sha256Hex => Convert.ToHexStringLower(Sha256);

    /// <summary>"1505" for a document group (Asiakkuus-, Asia-asiakirja…), else "1506".</summary>
    public static string TypeSystemOf(Coded type) => CdaConstants.IsCodeSystem(type.CodeSystem, CdaConstants.DocumentGroupSystem) ? "1505" : "1506";

    /// <summary>A new latest version from a validated header: the metadata the archive keeps beside the exact bytes.</summary>
    public static ArchivedDocument Of(CdaHeader h, CdaBodyKind bodyKind, int byteLength, byte[] sha256, OrganisationId registrar, PersonId person,
        DateTime archivedAt, DocumentSource source) => new()
    {
        Id = ArchivedDocumentId.New(), DocumentOid = h.Id!.Root.Value, SetId = h.SetId!.Value.Value, VersionNumber = h.VersionNumber!.Value,
        IsLatest = true, RegistrarOrgId = registrar, RegistrarOid = h.Registrar!.Value.Value, ServiceUnitOid = h.ServiceUnit!.Value.Value,
        PersonId = person, DocTypeSystem = TypeSystemOf(h.DocumentType!),
        DocTypeCode = h.DocumentType!.Code!, GeneralType = h.GeneralType!, StructureOid = h.TemplateIds.Count > 0 ? h.TemplateIds[0].Value : null,
        Title = h.Title!, EffectiveTime = h.EffectiveTime!.Value.UtcDateTime, CompletedAt = h.CompletionTime!.Value.UtcDateTime,
        Language = h.LanguageCode!, ConfidentialityCode = h.Confidentiality!.Code!, ServiceTaskCode = h.ServiceTask!.Code!,
        ProcessPhaseCode = h.ProcessPhase?.Code, CaseRoot = h.CaseId?.Root.Value, CaseExt = h.CaseId?.Extension,
        RetentionClassCode = h.RetentionClass?.Code, RecordStatusCode = h.RecordStatus?.Code, AuthorRole = h.Author!.Role.Code!,
        BodyKind = bodyKind, ByteLength = byteLength, Sha256 = sha256, ArchivedAt = archivedAt, Source = source,
    };
}

/// <summary>The exact archived bytes (ar_document_content): inserted once, never updated.</summary>
internal sealed class DocumentContent
{
    public ArchivedDocumentId DocumentId { get; set; }
    public byte[] Bytes { get; set; } = [];
}

/// <summary>A person (ar_person), one row per henkilötunnus across registrars; archive-internal.</summary>
internal sealed class ArchivePerson
{
    public PersonId Id { get; set; }
    public string Hetu { get; set; } = "";
    public DateOnly BirthDate { get; set; }
    public DateOnly? DeathDate { get; set; }
}

/// <summary>
/// The voiding of a whole set (ar_void). The reason is free text: kept here for the archivist, never copied into
/// the audit log.
/// </summary>
internal sealed class DocumentVoid
{
    public const int MaxReasonLength = 1000;

    public Guid Id { get; set; }
    public string SetId { get; set; } = "";
    public OrganisationId RegistrarOrgId { get; set; }
    public ArchivedDocumentId VoidedDocumentId { get; set; }
    public string Reason { get; set; } = "";
    public ClientSystemId? ClientSystemId { get; set; }
    public AccountId? AccountId { get; set; }
    public string? OnBehalfOfRoot { get; set; }
    public string? OnBehalfOfExt { get; set; }
    public DateTime VoidedAt { get; set; }
}

/// <summary>A client system's credential for one organisation (ar_client_system): shown once, stored hashed.</summary>
internal sealed class ClientSystem
{
    public ClientSystemId Id { get; set; }
    public OrganisationId OrganisationId { get; set; }
    public string Name { get; set; } = "";
    public string KeyPrefix { get; set; } = "";
    public string KeyHash { get; set; } = "";
    public AccountId? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}

/// <summary>One run of the integrity check (ar_verify_run).</summary>
internal sealed class VerifyRun
{
    public Guid Id { get; set; }
    public OrganisationId? OrganisationId { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public long Checked { get; set; }
    public long Mismatches { get; set; }
    public long Missing { get; set; }
}

public enum VerifyProblem { HashMismatch, ContentMissing }

/// <summary>A document whose stored bytes no longer hash to the SHA-256 taken when it was archived, or whose bytes are gone.</summary>
internal sealed class VerifyMismatch
{
    public Guid Id { get; set; }
    public Guid RunId { get; set; }
    public ArchivedDocumentId DocumentId { get; set; }
    public string DocumentOid { get; set; } = "";
    public VerifyProblem Problem { get; set; }
    public byte[] Expected { get; set; } = [];
    public byte[]? Actual { get; set; }
}
