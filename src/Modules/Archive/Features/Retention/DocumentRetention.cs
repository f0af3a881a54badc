using Microsoft.EntityFrameworkCore;
using Vakka.Archive.Domain;
using Vakka.Archive.Domain.Retention;
using Vakka.Platform.Data;
using Vakka.Platform.Finnish;
using Vakka.Platform.Ids;
using Vakka.Platform.Jobs;

namespace Vakka.Archive.Features.Retention;

/// <summary>What the recompute job is told: a person (after a death) or a case of a registrar (after it closed or reopened).</summary>
public sealed record RecomputeRetentionPayload(Guid? PersonId, Guid? RegistrarOrgId = null, string? CaseRoot = null, string? CaseExt = null,
    Guid? MigrationRunId = null);

/// <summary>
/// Applies the pure <see cref="RetentionRules"/> to stored documents (design §d): the facts of a set's version 1, the
/// client's birth and death, the document's case and (for Vammaispalvelut) the client's other cases at the registrar.
/// Every version of a set gets the same rule, trigger date and end. Events plan <see cref="RecomputeRetentionJob"/>.
/// </summary>
public sealed class DocumentRetention(VakkaDb db, RetentionRules rules, JobPlanner jobs)
{
    private const string Vammaispalvelut = "20";

    /// <summary>The decision for a set whose version 1 is <paramref name="first"/>; <paramref name="knownCase"/> overrides the stored case (an Asia-asiakirja being archived).</summary>
    internal async Task<RetentionDecision> DecideAsync(ArchivedDocument first, CancellationToken ct, CaseFacts? knownCase = null, ClientFacts? knownClient = null)
    {
        var client = knownClient ?? await db.Set<ArchivePerson>().AsNoTracking().Where(p => p.Id == first.PersonId)
            .Select(p => new ClientFacts(p.BirthDate, p.DeathDate)).FirstAsync(ct);
        CaseFacts? documentCase = knownCase;
        if (documentCase is null && first.CaseRoot is { } root && first.CaseExt is { } ext)
            documentCase = await db.Set<ArchiveCase>().AsNoTracking()
                .Where(c => c.RegistrarOrgId == first.RegistrarOrgId && c.CaseRoot == root && c.CaseExt == ext)
                .Select(c => new CaseFacts(c.ServiceTaskCode, c.ClosedOn)).FirstOrDefaultAsync(ct);
        IReadOnlyList<CaseFacts> others = first.ServiceTaskCode.Trim() == Vammaispalvelut ? await OtherCasesAsync(first, ct) : [];
        var facts = new DocumentFacts(first.DocTypeSystem == "1505" ? DocumentTypeSystem.Group1505 : DocumentTypeSystem.Type1506,
            first.DocTypeCode, first.ServiceTaskCode, DateOnly.FromDateTime(HelsinkiTime.ToLocal(first.EffectiveTime)));
        return rules.Decide(facts, client, documentCase, others);
    }

    /// <summary>The client's other Vammaispalvelut cases at the registrar: those their documents name.</summary>
    private async Task<List<CaseFacts>> OtherCasesAsync(ArchivedDocument first, CancellationToken ct)
    {
        var (org, person, root, ext) = (first.RegistrarOrgId, first.PersonId, first.CaseRoot ?? "", first.CaseExt ?? "");
        return await db.Set<ArchiveCase>().AsNoTracking()
            .Where(c => c.RegistrarOrgId == org && c.ServiceTaskCode == Vammaispalvelut && !(c.CaseRoot == root && c.CaseExt == ext))
            .Where(c => db.Set<ArchivedDocument>().Any(d => d.RegistrarOrgId == org && d.PersonId == person && d.CaseRoot == c.CaseRoot && d.CaseExt == c.CaseExt))
            .Select(c => new CaseFacts(c.ServiceTaskCode, c.ClosedOn)).ToListAsync(ct);
    }

    internal static void Apply(ArchivedDocument document, RetentionDecision decision)
    {
        document.RetentionRule = decision.Rule?.Key;
        document.RetentionTrigger = decision.TriggerDate;
        document.RetentionEnd = decision.RetentionEnd;
    }

    internal static void CopyFrom(ArchivedDocument document, ArchivedDocument sameSet)
    {
        document.RetentionRule = sameSet.RetentionRule;
        document.RetentionTrigger = sameSet.RetentionTrigger;
        document.RetentionEnd = sameSet.RetentionEnd;
    }

    /// <summary>Recomputes every set of the person (at every registrar) and saves; returns how many versions changed.</summary>
    public async Task<int> RecomputePersonAsync(PersonId person, CancellationToken ct)
    {
        var documents = await db.Set<ArchivedDocument>().Where(d => d.PersonId == person && d.DestroyedAt == null).ToListAsync(ct);
        var changed = 0;
        foreach (var set in documents.GroupBy(d => d.SetId))
        {
            var decision = await DecideAsync(set.MinBy(d => d.VersionNumber)!, ct);
            foreach (var version in set)
            {
                if (version.RetentionRule == decision.Rule?.Key && version.RetentionTrigger == decision.TriggerDate && version.RetentionEnd == decision.RetentionEnd)
                    continue;
                Apply(version, decision);
                changed++;
            }
        }
        await db.SaveChangesAsync(ct);
        return changed;
    }

    /// <summary>The persons whose documents at the registrar name the case.</summary>
    public Task<List<PersonId>> PersonsOfCaseAsync(OrganisationId registrar, string root, string ext, CancellationToken ct) =>
        db.Set<ArchivedDocument>().AsNoTracking().Where(d => d.RegistrarOrgId == registrar && d.CaseRoot == root && d.CaseExt == ext)
            .Select(d => d.PersonId).Distinct().ToListAsync(ct);

    /// <summary>
    /// The clients of a migration run's Vammaispalvelut documents: their rule weighs every case of the client, so the
    /// run leaves their end open and this recompute decides it once the run has completed.
    /// </summary>
    public Task<List<PersonId>> PersonsOfMigrationAsync(MigrationRunId run, CancellationToken ct) =>
        db.Set<ArchivedDocument>().AsNoTracking().Where(d => d.ServiceTaskCode == Vammaispalvelut && d.DestroyedAt == null)
            .Where(d => db.Set<MigrationItem>().Any(i => i.RunId == run && i.DocumentId == d.Id))
            .Select(d => d.PersonId).Distinct().ToListAsync(ct);

    public Task PlanMigrationAsync(MigrationRunId run, CancellationToken ct) =>
        jobs.PlanAsync(RecomputeRetentionJob.JobKind, new RecomputeRetentionPayload(null, MigrationRunId: run.Value),
            $"{RecomputeRetentionJob.JobKind}:migration:{run}", ct: ct);

    /// <summary>Plans the recompute in the caller's unit of work (it runs only if the event commits), one job per event.</summary>
    public Task PlanPersonAsync(PersonId person, Guid eventId, CancellationToken ct) =>
        jobs.PlanAsync(RecomputeRetentionJob.JobKind, new RecomputeRetentionPayload(person.Value), $"{RecomputeRetentionJob.JobKind}:person:{person}:{eventId}", ct: ct);

    public Task PlanCaseAsync(OrganisationId registrar, string root, string ext, Guid eventId, CancellationToken ct) =>
        jobs.PlanAsync(RecomputeRetentionJob.JobKind, new RecomputeRetentionPayload(null, registrar.Value, root, ext),
            $"{RecomputeRetentionJob.JobKind}:case:{eventId}", ct: ct);
}

/// <summary>Archive.RecomputeRetention: recomputes the retention of a person's documents, or of every person's whose documents name a case.</summary>
internal sealed class RecomputeRetentionJob(DocumentRetention retention) : JobHandler<RecomputeRetentionPayload>
{
    public const string JobKind = "Archive.RecomputeRetention";

    public override string Kind => JobKind;

    protected override async Task HandleAsync(RecomputeRetentionPayload payload, CancellationToken ct)
    {
        if (payload.PersonId is { } person)
        {
            await retention.RecomputePersonAsync(new PersonId(person), ct);
            return;
        }
        if (payload.MigrationRunId is { } run)
        {
            foreach (var each in await retention.PersonsOfMigrationAsync(new MigrationRunId(run), ct))
                await retention.RecomputePersonAsync(each, ct);
            return;
        }
        if (payload is not { RegistrarOrgId: { } org, CaseRoot: { } root, CaseExt: { } ext }) return;
        foreach (var each in await retention.PersonsOfCaseAsync(new OrganisationId(org), root, ext, ct))
            await retention.RecomputePersonAsync(each, ct);
    }
}
