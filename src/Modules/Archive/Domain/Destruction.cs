using Vakka.Platform.Ids;

namespace Vakka.Archive.Domain;

public enum ProposalStatus { Proposed, Approved, Rejected, Executed }

/// <summary>Why a decision on a proposal is refused.</summary>
public enum DecisionRefusal { OwnProposal, AlreadyDecided, ReasonMissing }

/// <summary>
/// A proposal to destroy the documents whose retention ended before a date (ar_destruction_proposal; design §c, §d):
/// an archivist of the registrar proposes, ANOTHER archivist of the registrar approves or rejects, and an approved
/// proposal is executed by a job. The proposal and its items stay as the record of what was destroyed.
/// </summary>
internal sealed class DestructionProposal
{
    public const int MaxReasonLength = 1000;

    public Guid Id { get; set; }
    public OrganisationId RegistrarOrgId { get; set; }
    public AccountId ProposedBy { get; set; }
    public DateTime ProposedAt { get; set; }
    public DateOnly RetentionEndedBefore { get; set; }
    public int Count { get; set; }
    public ProposalStatus Status { get; set; }
    public AccountId? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? RejectReason { get; set; }
    public DateTime? ExecutedAt { get; set; }

    /// <summary>
    /// The two-person rule: the proposer never decides their own proposal, and a proposal is decided once. A rejection
    /// needs a reason. On success the proposal is Approved or Rejected, with who and when.
    /// </summary>
    public DecisionRefusal? Decide(AccountId decider, bool approve, string? reason, DateTime at)
    {
        if (decider == ProposedBy) return DecisionRefusal.OwnProposal;
        if (Status != ProposalStatus.Proposed) return DecisionRefusal.AlreadyDecided;
        if (!approve && string.IsNullOrWhiteSpace(reason)) return DecisionRefusal.ReasonMissing;
        Status = approve ? ProposalStatus.Approved : ProposalStatus.Rejected;
        (DecidedBy, DecidedAt, RejectReason) = (decider, at, approve ? null : reason!.Trim());
        return null;
    }
}

/// <summary>
/// One version in a proposal (ar_destruction_item): a snapshot of what will be, and after execution was, destroyed.
/// <see cref="IsOpen"/> is true while the proposal is open or executed, so that a document is never in two open
/// proposals (a unique index over the open items); a rejection closes its items.
/// </summary>
internal sealed class DestructionItem
{
    public Guid ProposalId { get; set; }
    public ArchivedDocumentId DocumentId { get; set; }
    public string DocumentOid { get; set; } = "";
    public string SetId { get; set; } = "";
    public int VersionNumber { get; set; }
    public string DocTypeSystem { get; set; } = "";
    public string DocTypeCode { get; set; } = "";
    public string ServiceTaskCode { get; set; } = "";
    public string RetentionRule { get; set; } = "";
    public DateOnly RetentionEnd { get; set; }
    public byte[] Sha256 { get; set; } = [];
    public int ByteLength { get; set; }
    public bool IsOpen { get; set; } = true;
}
