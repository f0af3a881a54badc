using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Vakka.Archive.Access;
using Vakka.Archive.Domain;
using Vakka.Archive.Features.Documents;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;
using Vakka.Platform.Finnish;
using Vakka.Platform.Ids;
using Vakka.Platform.Jobs;

namespace Vakka.Archive.Features.Retention;

public sealed record RuleCount(string Rule, int Documents);

/// <summary>The registrar's retention at a glance: ended retention by rule, and the gaps (no rule, trigger unknown) so that they are visible.</summary>
public sealed record RetentionOverview(Guid RegistrarId, string RegistrarOid, DateOnly Today, IReadOnlyList<RuleCount> Ended, int NoRule, int TriggerUnknown, int Destroyed);

public sealed record ProposeRequest(string? EndedBefore, string? Registrar);

public sealed record DecideRequest(string? Reason);

public sealed record ProposalItem(string DocumentOid, string SetId, int VersionNumber, string DocumentType, string ServiceTask, string Rule,
    DateOnly RetentionEnd, string Sha256, int ByteLength);

public sealed record ProposalView(Guid Id, string Status, DateOnly EndedBefore, int Count, Guid ProposedBy, DateTime ProposedAt, Guid? DecidedBy,
    DateTime? DecidedAt, string? RejectReason, DateTime? ExecutedAt, IReadOnlyList<ProposalItem> Items);

/// <summary>
/// Destruction in two steps (issue 5, design §d): an archivist of the registrar proposes the documents whose retention
/// ended before a date (whole sets, never a document already in an open proposal; the items snapshot what will be
/// destroyed); another archivist of the registrar approves or rejects (the proposer never decides their own, a second
/// decision is a conflict); approval plans <see cref="ExecuteDestructionJob"/>, which deletes the content in batches and
/// stamps destroyed_at, keeping the metadata and the items as the record. Documents without an end are never proposed.
/// </summary>
public sealed class Destruction(VakkaDb db, IOrganisationDirectory organisations, JobPlanner jobs, TimeProvider clock, AuditContext audit)
{
    public const int MaxItems = 10_000;

    /// <summary>The archivist's organisations (destruction is never a client system's).</summary>
    public static IReadOnlyList<OrganisationId> ArchivistOrganisations(Actor actor) =>
        actor.Roles.Where(r => r.Role == Role.Archivist && r.Scope.Kind == ScopeKind.Organisation).Select(r => new OrganisationId(r.Scope.Id)).Distinct().ToList();

    public async Task<ArchiveOutcome<RetentionOverview>> OverviewAsync(Actor actor, string? registrar, CancellationToken ct)
    {
        var (org, refusal) = await RegistrarChoice.ChooseAsync(organisations, ArchivistOrganisations(actor), registrar, ct);
        if (refusal is not null) return new ArchiveOutcome<RetentionOverview>(refusal.Status, null, refusal.Errors);
        audit.Target(org.Value);
        var today = HelsinkiTime.Today(clock);
        var live = db.Set<ArchivedDocument>().AsNoTracking().Where(d => d.RegistrarOrgId == org && d.DestroyedAt == null);
        var ended = await live.Where(d => d.RetentionEnd != null && d.RetentionEnd < today)
            .GroupBy(d => d.RetentionRule!).Select(g => new RuleCount(g.Key, g.Count())).ToListAsync(ct);
        var noRule = await live.CountAsync(d => d.RetentionRule == null, ct);
        var unknown = await live.CountAsync(d => d.RetentionRule != null && d.RetentionEnd == null, ct);
        var destroyed = await db.Set<ArchivedDocument>().CountAsync(d => d.RegistrarOrgId == org && d.DestroyedAt != null, ct);
        var oid = await organisations.GetAsync(org, ct) is { } info ? info.Oid.Value : "";
        return ArchiveOutcome<RetentionOverview>.Ok(new RetentionOverview(org.Value, oid, today, [.. ended.OrderBy(r => r.Rule, StringComparer.Ordinal)], noRule, unknown, destroyed));
    }

    public async Task<ArchiveOutcome<ProposalView>> ProposeAsync(Actor actor, ProposeRequest request, CancellationToken ct)
    {
        var today = HelsinkiTime.Today(clock);
        if (!DateOnly.TryParseExact(request.EndedBefore, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var before) || before > today)
            return ArchiveOutcome<ProposalView>.Refused(StatusCodes.Status400BadRequest, new ArchiveError(ArchiveCodes.DestructionDateInvalid, "endedBefore"));
        var (org, refusal) = await RegistrarChoice.ChooseAsync(organisations, ArchivistOrganisations(actor), request.Registrar, ct);
        if (refusal is not null) return new ArchiveOutcome<ProposalView>(refusal.Status, null, refusal.Errors);
        if (actor.AccountId is not { } proposer) return ArchiveOutcome<ProposalView>.Refused(StatusCodes.Status403Forbidden, ArchiveCodes.RegistrarNotCaller);

        var open = db.Set<DestructionItem>().Where(i => i.IsOpen);
        var candidates = await db.Set<ArchivedDocument>().AsNoTracking()
            .Where(d => d.RegistrarOrgId == org && d.DestroyedAt == null && d.RetentionEnd != null && d.RetentionEnd < before)
            .Where(d => !open.Any(i => i.DocumentId == d.Id))
            .OrderBy(d => d.Id).Take(MaxItems).ToListAsync(ct);
        // Whole sets only: a set is proposed when every version of it is a candidate.
        var setIds = candidates.Select(d => d.SetId).Distinct().ToList();
        var versions = await db.Set<ArchivedDocument>().AsNoTracking().Where(d => d.RegistrarOrgId == org && setIds.Contains(d.SetId))
            .GroupBy(d => d.SetId).Select(g => new { SetId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.SetId, g => g.Count, ct);
        var chosen = candidates.GroupBy(d => d.SetId).Where(g => g.Count() == versions[g.Key]).SelectMany(g => g).ToList();
        if (chosen.Count == 0)
            return ArchiveOutcome<ProposalView>.Refused(StatusCodes.Status422UnprocessableEntity, new ArchiveError(ArchiveCodes.DestructionNothingEnded, "endedBefore"));

        var proposal = new DestructionProposal
        {
            Id = Guid.CreateVersion7(), RegistrarOrgId = org, ProposedBy = proposer, ProposedAt = DocumentIntake.Now(clock), RetentionEndedBefore = before,
            Count = chosen.Count, Status = ProposalStatus.Proposed,
        };
        db.Add(proposal);
        db.AddRange(chosen.Select(d => new DestructionItem
        {
            ProposalId = proposal.Id, DocumentId = d.Id, DocumentOid = d.DocumentOid, SetId = d.SetId, VersionNumber = d.VersionNumber,
            DocTypeSystem = d.DocTypeSystem, DocTypeCode = d.DocTypeCode, ServiceTaskCode = d.ServiceTaskCode, RetentionRule = d.RetentionRule!,
            RetentionEnd = d.RetentionEnd!.Value, Sha256 = d.Sha256, ByteLength = d.ByteLength,
        }));
        // Two proposals at once: the unique index over open items lets one of them in.
        if (!(await db.SaveOrConflictAsync(ct)).IsOk)
            return ArchiveOutcome<ProposalView>.Refused(StatusCodes.Status409Conflict, ArchiveCodes.DestructionConflict);
        audit.Target(proposal.Id);
        return ArchiveOutcome<ProposalView>.Ok((await ViewAsync(proposal.Id, ct))!, StatusCodes.Status201Created);
    }

    /// <summary>Approve or reject (the gate has checked DecideDestruction on the proposal's registrar).</summary>
    public async Task<ArchiveOutcome<ProposalView>> DecideAsync(Actor actor, Guid id, bool approve, DecideRequest? request, CancellationToken ct)
    {
        var proposal = await db.Set<DestructionProposal>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null || actor.AccountId is not { } decider)
            return ArchiveOutcome<ProposalView>.Refused(StatusCodes.Status404NotFound, ArchiveCodes.DestructionUnknown);
        audit.Target(proposal.Id);
        var reason = request?.Reason?.Trim();
        if (reason?.Length > DestructionProposal.MaxReasonLength)
            return ArchiveOutcome<ProposalView>.Refused(StatusCodes.Status400BadRequest, new ArchiveError(ArchiveCodes.DestructionReasonInvalid, "reason"));
        var was = proposal.Status;
        switch (proposal.Decide(decider, approve, reason, DocumentIntake.Now(clock)))
        {
            case DecisionRefusal.OwnProposal:
                return ArchiveOutcome<ProposalView>.Refused(StatusCodes.Status403Forbidden, ArchiveCodes.DestructionOwnProposal);
            case DecisionRefusal.AlreadyDecided:
                return ArchiveOutcome<ProposalView>.Refused(StatusCodes.Status409Conflict, ArchiveCodes.DestructionDecided);
            case DecisionRefusal.ReasonMissing:
                return ArchiveOutcome<ProposalView>.Refused(StatusCodes.Status400BadRequest, new ArchiveError(ArchiveCodes.DestructionReasonInvalid, "reason"));
        }
        // Two decisions at once: only the one that finds the proposal still Proposed changes it.
        var changed = await db.Set<DestructionProposal>().Where(p => p.Id == id && p.Status == was)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, proposal.Status).SetProperty(p => p.DecidedBy, proposal.DecidedBy)
                .SetProperty(p => p.DecidedAt, proposal.DecidedAt).SetProperty(p => p.RejectReason, proposal.RejectReason), ct);
        db.Entry(proposal).State = EntityState.Detached;
        if (changed == 0) return ArchiveOutcome<ProposalView>.Refused(StatusCodes.Status409Conflict, ArchiveCodes.DestructionDecided);
        if (approve)
        {
            await jobs.PlanAsync(ExecuteDestructionJob.JobKind, new ExecuteDestructionPayload(id), $"{ExecuteDestructionJob.JobKind}:{id}", ct: ct);
            await db.SaveChangesAsync(ct);
        }
        else
        {
            await db.Set<DestructionItem>().Where(i => i.ProposalId == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.IsOpen, false), ct);
        }
        return ArchiveOutcome<ProposalView>.Ok((await ViewAsync(id, ct))!);
    }

    public async Task<ArchiveOutcome<ProposalView>> ReadAsync(Guid id, CancellationToken ct)
    {
        audit.Target(id);
        return await ViewAsync(id, ct) is { } view ? ArchiveOutcome<ProposalView>.Ok(view)
            : ArchiveOutcome<ProposalView>.Refused(StatusCodes.Status404NotFound, ArchiveCodes.DestructionUnknown);
    }

    /// <summary>The registrar's proposals, newest first (without their items).</summary>
    public async Task<List<ProposalView>> ListAsync(OrganisationId org, CancellationToken ct) =>
        (await db.Set<DestructionProposal>().AsNoTracking().Where(p => p.RegistrarOrgId == org).OrderByDescending(p => p.ProposedAt).Take(200).ToListAsync(ct))
        .Select(p => ViewOf(p, [])).ToList();

    private async Task<ProposalView?> ViewAsync(Guid id, CancellationToken ct)
    {
        var proposal = await db.Set<DestructionProposal>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null) return null;
        var items = await db.Set<DestructionItem>().AsNoTracking().Where(i => i.ProposalId == id).OrderBy(i => i.SetId).ThenBy(i => i.VersionNumber).ToListAsync(ct);
        return ViewOf(proposal, items.Select(i => new ProposalItem(i.DocumentOid, i.SetId, i.VersionNumber, $"{i.DocTypeSystem}:{i.DocTypeCode}", i.ServiceTaskCode,
            i.RetentionRule, i.RetentionEnd, Convert.ToHexStringLower(i.Sha256), i.ByteLength)).ToList());
    }

    private static ProposalView ViewOf(DestructionProposal p, IReadOnlyList<ProposalItem> items) =>
        new(p.Id, p.Status.ToString(), p.RetentionEndedBefore, p.Count, p.ProposedBy.Value, p.ProposedAt, p.DecidedBy?.Value, p.DecidedAt, p.RejectReason,
            p.ExecutedAt, items);
}

public sealed record ExecuteDestructionPayload(Guid ProposalId);

/// <summary>
/// Archive.ExecuteDestruction: destroys an approved proposal's documents in batches (each batch one transaction):
/// deletes their ar_document_content rows and stamps destroyed_at; the metadata rows and the items stay. Runs again
/// safely after a failure (destroyed documents are skipped); the proposal becomes Executed at the end.
/// </summary>
internal sealed class ExecuteDestructionJob(VakkaDb db, TimeProvider clock) : JobHandler<ExecuteDestructionPayload>
{
    public const string JobKind = "Archive.ExecuteDestruction";
    public const int BatchSize = 1000;

    public override string Kind => JobKind;

    protected override async Task HandleAsync(ExecuteDestructionPayload payload, CancellationToken ct)
    {
        var id = payload.ProposalId;
        if (!await db.Set<DestructionProposal>().AnyAsync(p => p.Id == id && p.Status == ProposalStatus.Approved, ct)) return;
        var items = db.Set<DestructionItem>().Where(i => i.ProposalId == id).Select(i => i.DocumentId);
        while (true)
        {
            var batch = await db.Set<ArchivedDocument>().Where(d => items.Contains(d.Id) && d.DestroyedAt == null)
                .OrderBy(d => d.Id).Select(d => d.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) break;
            var now = DocumentIntake.Now(clock);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Set<DocumentContent>().Where(c => batch.Contains(c.DocumentId)).ExecuteDeleteAsync(ct);
            await db.Set<ArchivedDocument>().Where(d => batch.Contains(d.Id)).ExecuteUpdateAsync(s => s.SetProperty(d => d.DestroyedAt, now), ct);
            await transaction.CommitAsync(ct);
        }
        var executed = DocumentIntake.Now(clock);
        await db.Set<DestructionProposal>().Where(p => p.Id == id && p.Status == ProposalStatus.Approved)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProposalStatus.Executed).SetProperty(p => p.ExecutedAt, executed), ct);
    }
}
