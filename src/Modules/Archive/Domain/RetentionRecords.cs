using Vakka.Platform.Ids;

namespace Vakka.Archive.Domain;

/// <summary>Where a case's facts came from.</summary>
public enum CaseSource { AsiaDocument, Api, Archivist, Migration }

/// <summary>
/// A case (asia) of a registrar (ar_case), keyed by the registrar and the case id of the documents' header: its
/// service task, opening and closing dates. Filled from an archived Asia-asiakirja (1505:2) or from the retention-event
/// API; it drives the retention of the case's documents (design §d).
/// </summary>
internal sealed class ArchiveCase
{
    public OrganisationId RegistrarOrgId { get; set; }
    public string CaseRoot { get; set; } = "";
    public string CaseExt { get; set; } = "";
    public string ServiceTaskCode { get; set; } = "";
    public DateOnly? OpenedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public CaseSource Source { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum RetentionEventKind { ClientDeath, CaseClosed, CaseReopened }

/// <summary>
/// One retention trigger as it was reported (ar_retention_event): a client's death (person) or a case closed or
/// reopened (registrar + case). The history stays; the current facts are ar_person.death_date and ar_case.
/// </summary>
internal sealed class RetentionEvent
{
    public Guid Id { get; set; }
    public RetentionEventKind Kind { get; set; }
    public OrganisationId RegistrarOrgId { get; set; }
    public PersonId? PersonId { get; set; }
    public string? CaseRoot { get; set; }
    public string? CaseExt { get; set; }
    public DateOnly? EventDate { get; set; }
    public CaseSource Source { get; set; }
    public ClientSystemId? ClientSystemId { get; set; }
    public AccountId? RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
}
