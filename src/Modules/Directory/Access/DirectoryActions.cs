using Microsoft.EntityFrameworkCore;
using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;

namespace Vakka.Directory.Access;

public enum DirectoryAction
{
    ViewOrganisations, CreateOrganisation, UpdateOrganisation, DeactivateOrganisation,
    ViewAreas, CreateArea, UpdateArea,
    ViewSites, ViewSite, CreateSite, CreateSiteWithoutArea, UpdateSite, DeactivateSite,
    ViewAccounts, ViewAccount, CreatePersonalAccount, CreateSiteAccount, UpdateAccount, DeactivateAccount, AssignRole, RevokeRole, AssignAnyRole, UnlockAccount,
    ManageOwnAccount,
}

/// <summary>
/// Who may do what in the Directory. System administrators manage everything; the national coordinator
/// manages the Kaikukortti areas and sees the whole network; an area coordinator manages the sites and site
/// accounts of their own area only; a site account sees its own site.
/// </summary>
internal sealed class DirectoryAccessRules : IAccessRules
{
    public Type ActionType => typeof(DirectoryAction);

    public void Declare(AccessRuleBuilder r)
    {
        // An area coordinator adds the organisation of a new actor (an NGO, a theatre) before its site.
        r.Action(DirectoryAction.ViewOrganisations).Allow(Role.SystemAdmin).AllowOn<AreaScopes>(Role.AreaCoordinator);
        r.Action(DirectoryAction.CreateOrganisation).Allow(Role.SystemAdmin).AllowOn<AreaScopes>(Role.AreaCoordinator);
        r.Action(DirectoryAction.UpdateOrganisation).Allow(Role.SystemAdmin).Targets<OrganisationScopes>();
        r.Action(DirectoryAction.DeactivateOrganisation).Allow(Role.SystemAdmin).Targets<OrganisationScopes>();

        r.Action(DirectoryAction.ViewAreas).Allow(Role.SystemAdmin, Role.NationalCoordinator)
            .AllowOn<AreaScopes>(Role.AreaCoordinator);
        r.Action(DirectoryAction.CreateArea).Allow(Role.SystemAdmin, Role.NationalCoordinator);
        r.Action(DirectoryAction.UpdateArea).Allow(Role.SystemAdmin, Role.NationalCoordinator).Targets<AreaScopes>();

        r.Action(DirectoryAction.ViewSites).Allow(Role.SystemAdmin, Role.NationalCoordinator)
            .AllowOn<SiteScopes>(Role.AreaCoordinator);
        r.Action(DirectoryAction.ViewSite).Allow(Role.SystemAdmin, Role.NationalCoordinator)
            .AllowOn<SiteScopes>(Role.AreaCoordinator, Role.DistributorSite, Role.VenueSite, Role.TicketIntermediary);
        r.Action(DirectoryAction.CreateSite).Allow(Role.SystemAdmin)
            .AllowOn<AreaScopes>(Role.AreaCoordinator);
        // Sites outside the Kaikukortti network (service units, facilities) have no area: administrators only.
        r.Action(DirectoryAction.CreateSiteWithoutArea).Allow(Role.SystemAdmin);
        r.Action(DirectoryAction.UpdateSite).Allow(Role.SystemAdmin).AllowOn<SiteScopes>(Role.AreaCoordinator);
        r.Action(DirectoryAction.DeactivateSite).Allow(Role.SystemAdmin).AllowOn<SiteScopes>(Role.AreaCoordinator);

        r.Action(DirectoryAction.ViewAccounts).Allow(Role.SystemAdmin).AllowOn<AccountScopes>(Role.AreaCoordinator);
        r.Action(DirectoryAction.ViewAccount).Allow(Role.SystemAdmin).AllowOn<AccountScopes>(Role.AreaCoordinator);
        r.Action(DirectoryAction.CreatePersonalAccount).Allow(Role.SystemAdmin);
        r.Action(DirectoryAction.CreateSiteAccount).Allow(Role.SystemAdmin).AllowOn<SiteScopes>(Role.AreaCoordinator);
        r.Action(DirectoryAction.UpdateAccount).Allow(Role.SystemAdmin).AllowOn<AccountScopes>(Role.AreaCoordinator);
        r.Action(DirectoryAction.DeactivateAccount).Allow(Role.SystemAdmin).AllowOn<AccountScopes>(Role.AreaCoordinator);
        r.Action(DirectoryAction.AssignRole).Allow(Role.SystemAdmin).AllowOn<AccountScopes>(Role.AreaCoordinator);
        r.Action(DirectoryAction.RevokeRole).Allow(Role.SystemAdmin).AllowOn<AccountScopes>(Role.AreaCoordinator);
        // Any role on any scope; others may give only the Kaikukortti site roles on sites they manage.
        r.Action(DirectoryAction.AssignAnyRole).Allow(Role.SystemAdmin);
        r.Action(DirectoryAction.UnlockAccount).Allow(Role.SystemAdmin).AllowOn<AccountScopes>(Role.AreaCoordinator);

        r.Action(DirectoryAction.ManageOwnAccount).AllowAuthenticated();
    }
}

/// <summary>Applies an access filter to sites: a site passes when it, its organisation or its area is in the filter.</summary>
internal static class SiteFilter
{
    public static IQueryable<Site> Apply(IQueryable<Site> sites, AccessFilter filter)
    {
        if (filter.All) return sites;
        var siteIds = filter.SiteIds.Select(SiteId.From).ToList();
        var orgIds = filter.OrganisationIds.Select(OrganisationId.From).ToList();
        var areaIds = filter.AreaIds.Select(AreaId.From).Cast<AreaId?>().ToList();
        return sites.Where(s => siteIds.Contains(s.Id) || orgIds.Contains(s.OrganisationId) || areaIds.Contains(s.AreaId));
    }
}

/// <summary>A site lies on itself, its organisation and its area.</summary>
internal sealed class SiteScopes(VakkaDb db) : ITargetScopes
{
    public async Task<IReadOnlyList<Scope>> ScopesOfAsync(Guid target, CancellationToken ct)
    {
        var id = new SiteId(target);
        var site = await db.Set<Site>().AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.OrganisationId, s.AreaId }).FirstOrDefaultAsync(ct);
        if (site is null) return [];
        List<Scope> scopes = [Scope.Site(target), Scope.Organisation(site.OrganisationId.Value)];
        if (site.AreaId is { } area) scopes.Add(Scope.Area(area.Value));
        return scopes;
    }
}

/// <summary>An organisation lies on itself.</summary>
internal sealed class OrganisationScopes(VakkaDb db) : ITargetScopes
{
    public async Task<IReadOnlyList<Scope>> ScopesOfAsync(Guid target, CancellationToken ct)
    {
        var id = new OrganisationId(target);
        return await db.Set<Organisation>().AnyAsync(o => o.Id == id, ct) ? [Scope.Organisation(target)] : [];
    }
}

/// <summary>An area lies on itself.</summary>
internal sealed class AreaScopes(VakkaDb db) : ITargetScopes
{
    public async Task<IReadOnlyList<Scope>> ScopesOfAsync(Guid target, CancellationToken ct)
    {
        var id = new AreaId(target);
        return await db.Set<Area>().AnyAsync(a => a.Id == id, ct) ? [Scope.Area(target)] : [];
    }
}

/// <summary>A site account lies where its site lies; a personal account lies on no organisation, area or site (global roles manage it).</summary>
internal sealed class AccountScopes(VakkaDb db, SiteScopes sites) : ITargetScopes
{
    public async Task<IReadOnlyList<Scope>> ScopesOfAsync(Guid target, CancellationToken ct)
    {
        var account = await db.Set<Account>().AsNoTracking().Where(a => a.Id == target)
            .Select(a => new { a.Kind, a.SiteId }).FirstOrDefaultAsync(ct);
        if (account is null) return [];
        return account is { Kind: AccountKind.Site, SiteId: { } site } ? await sites.ScopesOfAsync(site.Value, ct) : [Scope.Global];
    }
}
