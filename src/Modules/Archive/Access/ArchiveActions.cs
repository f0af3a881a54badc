using Microsoft.EntityFrameworkCore;
using Vakka.Archive.Domain;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;

namespace Vakka.Archive.Access;

public enum ArchiveAction
{
    // Client systems of the registrar organisation (with the organisation's Archive key)
    ArchiveDocument, VersionDocument, VoidDocument,
    // Client systems (never voided documents) and the registrar's archivists (voided ones too)
    QueryDocuments, RetrieveDocument, ReadMetadata,
    // Client systems and archivists of the registrar record disclosures; its archivists and auditors export them
    RecordDisclosure, ExportDisclosures,
    // The registrar's archivists on the archive's pages (search; a document, its display form, history and void)
    SearchArchive, ViewDocument,
    // Client systems and archivists of the registrar report retention triggers (a death, a case closed or reopened)
    RecordRetentionEvent,
    // The registrar's archivists: the retention overview and proposals, proposing and deciding destruction (decider ≠ proposer: a domain rule)
    ViewRetention, ProposeDestruction, DecideDestruction,
    // The registrar's archivists: volume statistics and the growth warning; reconciliation with a source system
    ViewStatistics, Reconcile,
    // The registrar's archivists: legacy migration (the mapping table, dry runs and runs, their reports)
    MigrateLegacy,
    // The registrar's archivists for their organisation, the system administrator for any: client-system keys
    ManageClientSystems,
}

/// <summary>
/// Who may do what in the archive (design §e), as a table:
///
/// | Action                                         | ArchiveClientSystem (org) | Archivist (org)   | others |
/// |------------------------------------------------|---------------------------|-------------------|--------|
/// | ArchiveDocument, VersionDocument, VoidDocument | ✓                         | –                 | –      |
/// | QueryDocuments, RetrieveDocument, ReadMetadata | ✓ (no voided)             | ✓ (incl. voided)  | –      |
/// | RecordDisclosure                               | ✓                         | ✓                 | –      |
/// | ExportDisclosures                              | –                         | ✓                 | Auditor (global) |
/// | SearchArchive, ViewDocument (pages)            | –                         | ✓ (incl. voided)  | –      |
/// | RecordRetentionEvent                           | ✓                         | ✓                 | –      |
/// | ViewRetention, ProposeDestruction, DecideDestruction | –                   | ✓                 | –      |
/// | ViewStatistics, Reconcile                      | –                         | ✓                 | –      |
/// | MigrateLegacy                                  | –                         | ✓                 | –      |
/// | ManageClientSystems (keys: list, create, revoke) | –                       | ✓ (own org)       | SystemAdmin (global, any org) |
///
/// Targets: an organisation lies on itself (the registrar a document names); a document and a disclosure event lie on
/// their registrar organisation. Client systems know OIDs, so the routes declare the action without a target and the
/// handler checks the resolved document with <see cref="ArchiveScope"/>; another registrar's document answers 404.
/// "No voided" is a rule of the handlers (410 DOCUMENT_VOIDED), not of the catalog. Disclosure events are Guid
/// targets of the gate: another registrar's archivist gets 403 on one.
/// </summary>
internal sealed class ArchiveAccessRules : IAccessRules
{
    public Type ActionType => typeof(ArchiveAction);

    public void Declare(AccessRuleBuilder r)
    {
        r.Action(ArchiveAction.ArchiveDocument).AllowOn<RegistrarTargets>(Role.ArchiveClientSystem);
        r.Action(ArchiveAction.VersionDocument).AllowOn<DocumentTargets>(Role.ArchiveClientSystem);
        r.Action(ArchiveAction.VoidDocument).AllowOn<DocumentTargets>(Role.ArchiveClientSystem);
        r.Action(ArchiveAction.QueryDocuments).AllowOn<RegistrarTargets>(Role.ArchiveClientSystem, Role.Archivist);
        r.Action(ArchiveAction.RetrieveDocument).AllowOn<DocumentTargets>(Role.ArchiveClientSystem, Role.Archivist);
        r.Action(ArchiveAction.ReadMetadata).AllowOn<DocumentTargets>(Role.ArchiveClientSystem, Role.Archivist);
        r.Action(ArchiveAction.RecordDisclosure).AllowOn<DocumentTargets>(Role.ArchiveClientSystem, Role.Archivist);
        r.Action(ArchiveAction.RecordRetentionEvent).AllowOn<RegistrarTargets>(Role.ArchiveClientSystem, Role.Archivist);
        r.Action(ArchiveAction.ViewRetention).AllowOn<ProposalTargets>(Role.Archivist);
        r.Action(ArchiveAction.ProposeDestruction).AllowOn<RegistrarTargets>(Role.Archivist);
        r.Action(ArchiveAction.DecideDestruction).AllowOn<ProposalTargets>(Role.Archivist);
        r.Action(ArchiveAction.ExportDisclosures).AllowOn<DisclosureTargets>(Role.Archivist).Allow(Role.Auditor);
        r.Action(ArchiveAction.SearchArchive).AllowOn<RegistrarTargets>(Role.Archivist);
        r.Action(ArchiveAction.ViewDocument).AllowOn<DocumentTargets>(Role.Archivist);
        r.Action(ArchiveAction.ViewStatistics).AllowOn<RegistrarTargets>(Role.Archivist);
        r.Action(ArchiveAction.Reconcile).AllowOn<RegistrarTargets>(Role.Archivist);
        r.Action(ArchiveAction.MigrateLegacy).AllowOn<MigrationTargets>(Role.Archivist);
        r.Action(ArchiveAction.ManageClientSystems).AllowOn<RegistrarTargets>(Role.Archivist).Allow(Role.SystemAdmin);
    }
}

/// <summary>A registrar organisation lies on itself (when the Directory knows it).</summary>
internal sealed class RegistrarTargets(IOrganisationDirectory organisations) : ITargetScopes
{
    public async Task<IReadOnlyList<Scope>> ScopesOfAsync(Guid target, CancellationToken ct) =>
        await organisations.GetAsync(new OrganisationId(target), ct) is not null ? [Scope.Organisation(target)] : [];
}

/// <summary>An archived document (any version) lies on its registrar organisation.</summary>
internal sealed class DocumentTargets(VakkaDb db) : ITargetScopes
{
    public async Task<IReadOnlyList<Scope>> ScopesOfAsync(Guid target, CancellationToken ct)
    {
        var id = new ArchivedDocumentId(target);
        var registrar = await db.Set<ArchivedDocument>().AsNoTracking().Where(d => d.Id == id)
            .Select(d => (OrganisationId?)d.RegistrarOrgId).FirstOrDefaultAsync(ct);
        return registrar is { } org ? [Scope.Organisation(org.Value)] : [];
    }
}

/// <summary>A disclosure event lies on its registrar organisation.</summary>
internal sealed class DisclosureTargets(VakkaDb db) : ITargetScopes
{
    public async Task<IReadOnlyList<Scope>> ScopesOfAsync(Guid target, CancellationToken ct)
    {
        var id = new DisclosureId(target);
        var registrar = await db.Set<Disclosure>().AsNoTracking().Where(d => d.Id == id)
            .Select(d => (OrganisationId?)d.RegistrarOrgId).FirstOrDefaultAsync(ct);
        return registrar is { } org ? [Scope.Organisation(org.Value)] : [];
    }
}

/// <summary>A registrar organisation lies on itself; a migration run on its registrar.</summary>
internal sealed class MigrationTargets(VakkaDb db, IOrganisationDirectory organisations) : ITargetScopes
{
    public async Task<IReadOnlyList<Scope>> ScopesOfAsync(Guid target, CancellationToken ct)
    {
        var run = new MigrationRunId(target);
        var registrar = await db.Set<MigrationRun>().AsNoTracking().Where(r => r.Id == run)
            .Select(r => (OrganisationId?)r.RegistrarOrgId).FirstOrDefaultAsync(ct);
        if (registrar is { } org) return [Scope.Organisation(org.Value)];
        return await organisations.GetAsync(new OrganisationId(target), ct) is not null ? [Scope.Organisation(target)] : [];
    }
}

/// <summary>A destruction proposal lies on its registrar organisation.</summary>
internal sealed class ProposalTargets(VakkaDb db) : ITargetScopes
{
    public async Task<IReadOnlyList<Scope>> ScopesOfAsync(Guid target, CancellationToken ct)
    {
        var registrar = await db.Set<DestructionProposal>().AsNoTracking().Where(p => p.Id == target)
            .Select(p => (OrganisationId?)p.RegistrarOrgId).FirstOrDefaultAsync(ct);
        return registrar is { } org ? [Scope.Organisation(org.Value)] : [];
    }
}

/// <summary>
/// The OID routes' access check (design §e "Targets"): the gate has checked that the actor may do the action
/// somewhere; this finds the document by OID and checks the action on it. A document of another registrar is
/// reported as not found, so that existence does not leak across organisations.
/// </summary>
internal sealed class ArchiveScope(VakkaDb db, AccessControl access)
{
    public async Task<ArchivedDocument?> DocumentAsync(Actor actor, ArchiveAction action, string oid, CancellationToken ct)
    {
        if (oid.Length > Vakka.Platform.Finnish.Oid.MaxLength) return null;
        var document = await db.Set<ArchivedDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.DocumentOid == oid, ct);
        return document is not null && await access.HasAsync(actor, action, document.Id.Value, ct) ? document : null;
    }

    /// <summary>The pages' way in (Guid ids): the document by id when the actor may do the action on it, else null (404).</summary>
    public async Task<ArchivedDocument?> DocumentAsync(Actor actor, ArchiveAction action, ArchivedDocumentId id, CancellationToken ct)
    {
        var document = await db.Set<ArchivedDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        return document is not null && await access.HasAsync(actor, action, document.Id.Value, ct) ? document : null;
    }

    /// <summary>The latest version of a set the actor may use, or null.</summary>
    public async Task<ArchivedDocument?> LatestOfSetAsync(Actor actor, ArchiveAction action, string setId, CancellationToken ct)
    {
        if (setId.Length > Vakka.Platform.Finnish.Oid.MaxLength) return null;
        var latest = await db.Set<ArchivedDocument>().AsNoTracking().Where(d => d.SetId == setId)
            .OrderByDescending(d => d.VersionNumber).FirstOrDefaultAsync(ct);
        return latest is not null && await access.HasAsync(actor, action, latest.Id.Value, ct) ? latest : null;
    }

    /// <summary>The organisations where the actor may do the action (a client system: its own; an archivist: theirs).</summary>
    public static IReadOnlyList<OrganisationId> Organisations(Actor actor) =>
        actor.Roles.Where(r => r.Role is Role.ArchiveClientSystem or Role.Archivist && r.Scope.Kind == ScopeKind.Organisation)
            .Select(r => new OrganisationId(r.Scope.Id)).Distinct().ToList();

    /// <summary>Client systems never see voided documents (410); archivists of the registrar do.</summary>
    public static bool SeesVoided(Actor actor, OrganisationId registrar) =>
        actor.Roles.Any(r => r.Role == Role.Archivist && r.Scope == Scope.Organisation(registrar.Value));
}
