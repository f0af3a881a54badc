using Vakka.Platform.Finnish;

namespace Vakka.Cda;

/// <summary>
/// The header of a client document: CDA R2 with the Finnish header (design §a). The writer needs every required
/// value; the reader fills what it found, so a read header may have nulls where the document lacked an element
/// (the validator reports them).
/// </summary>
public sealed record CdaHeader
{
    /// <summary>templateId roots (#3): the Sosmeta structure OID first; invalid OIDs are dropped by the reader.</summary>
    public IReadOnlyList<Oid> TemplateIds { get; init; } = [];

    /// <summary>The document OID (#4). Vakka refuses an extension (root only).</summary>
    public InstanceId? Id { get; init; }

    /// <summary>Document type (#5): 1506 client document type or 1505 document group.</summary>
    public Coded? DocumentType { get; init; }

    public string? Title { get; init; }

    /// <summary>Creation time (#7), written as Helsinki local time without an offset.</summary>
    public DateTimeOffset? EffectiveTime { get; init; }

    public Coded? Confidentiality { get; init; }

    /// <summary>Language code (#9): "fi" or "sv".</summary>
    public string? LanguageCode { get; init; }

    public Oid? SetId { get; init; }

    public int? VersionNumber { get; init; }

    /// <summary>The client's henkilötunnus (#13, recordTarget/patientRole/id[@root='1.2.246.21']/@extension).</summary>
    public PersonalIdentityCode? Client { get; init; }

    /// <summary>
    /// Henkilötunnus values of other persons the document concerns (#21, participant[@typeCode='SBJ']//id[@root='1.2.246.21']).
    /// Read and validated only; the writer does not write participants yet.
    /// </summary>
    public IReadOnlyList<PersonalIdentityCode> Subjects { get; init; } = [];

    public CdaAuthor? Author { get; init; }

    /// <summary>The registrar (rekisterinpitäjä, #19): custodian organisation OID.</summary>
    public Oid? Registrar { get; init; }

    /// <summary>The version this one replaces (#22); required exactly when <see cref="VersionNumber"/> &gt; 1.</summary>
    public Replaces? Replaces { get; init; }

    /// <summary>Case (asia) id (#23, encompassingEncounter/id) [Vakka decision].</summary>
    public InstanceId? CaseId { get; init; }

    /// <summary>Service unit (palveluyksikkö, #24, encompassingEncounter/location/healthCareFacility/id).</summary>
    public Oid? ServiceUnit { get; init; }

    /// <summary>True when hl7fi:localHeader is present (#26). The writer always writes it.</summary>
    public bool HasLocalHeader { get; init; } = true;

    /// <summary>Service task (#27, hl7fi:functionCode, 1.2.246.537.6.1221).</summary>
    public Coded? ServiceTask { get; init; }

    /// <summary>Process phase (#28, hl7fi:encompassingEncounterCode, 1.2.246.537.6.1277) [Vakka decision].</summary>
    public Coded? ProcessPhase { get; init; }

    /// <summary>Completion time (#29, hl7fi:declaredTime).</summary>
    public DateTimeOffset? CompletionTime { get; init; }

    /// <summary>Retention class (#30, hl7fi:retentionPeriodClass); no code list exists yet.</summary>
    public Coded? RetentionClass { get; init; }

    /// <summary>Record status (#31, hl7fi:recordStatus); no code list exists yet.</summary>
    public Coded? RecordStatus { get; init; }

    /// <summary>General document type name (#32, hl7fi:documentType/@displayName, nullFlavor OTH) [Vakka decision].</summary>
    public string? GeneralType { get; init; }
}
