using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;

namespace Vakka.CultureCard.Access;

public enum CultureCardAction
{
    // The national coordinator: card IDs, the life-situation list, area rules
    ManageBatches, ManageLifeSituations, ManageAreaRules,
    // Distributor sites (and the area coordinator for any site of the area)
    RegisterCard, ViewCard, ExtendCard, ChangeCard, EndCard, ReplaceCard, ListCards,
    // Venues and ticket intermediaries at the desk
    UseDesk, LookupCard, RecordUse, CancelUse, ManageEvents,
    // Everyone in the network, each for their own scope
    ViewStatistics, ViewNetwork, ManageApiKeys,
    // The area coordinator: which venues a ticket intermediary serves
    ManageServedVenues,
}

/// <summary>
/// Who may do what with Kaikukortti cards. Accounts are per site, as the service requires: a distributor site registers
/// and renews its own cards; a venue reads any card at its own desk; the area coordinator acts for any site of the
/// area; the national coordinator runs the card IDs and sees everything.
/// </summary>
internal sealed class CultureCardAccessRules : IAccessRules
{
    public Type ActionType => typeof(CultureCardAction);

    public void Declare(AccessRuleBuilder r)
    {
        r.Action(CultureCardAction.ManageBatches).Allow(Role.NationalCoordinator);
        r.Action(CultureCardAction.ManageLifeSituations).Allow(Role.NationalCoordinator);
        r.Action(CultureCardAction.ManageAreaRules).Allow(Role.NationalCoordinator).AllowOn<AreaTargets>(Role.AreaCoordinator);

        // Target: the site registering (its own, or one of the area's for the area coordinator).
        r.Action(CultureCardAction.RegisterCard).AllowOn<SiteTargets>(Role.DistributorSite, Role.AreaCoordinator);
        r.Action(CultureCardAction.ListCards).Allow(Role.NationalCoordinator).AllowOn<SiteTargets>(Role.DistributorSite, Role.AreaCoordinator);
        // Target: the card; it lies on its issuing site and its area.
        r.Action(CultureCardAction.ViewCard).Allow(Role.NationalCoordinator).AllowOn<CardTargets>(Role.DistributorSite, Role.AreaCoordinator);
        r.Action(CultureCardAction.ExtendCard).AllowOn<CardTargets>(Role.DistributorSite, Role.AreaCoordinator);
        r.Action(CultureCardAction.ChangeCard).AllowOn<CardTargets>(Role.DistributorSite, Role.AreaCoordinator);
        r.Action(CultureCardAction.EndCard).AllowOn<CardTargets>(Role.DistributorSite, Role.AreaCoordinator);
        r.Action(CultureCardAction.ReplaceCard).AllowOn<CardTargets>(Role.DistributorSite, Role.AreaCoordinator);

        // Target: the venue whose desk it is; it lies on itself and on the ticket intermediaries serving it.
        r.Action(CultureCardAction.UseDesk).AllowOn<DeskTargets>(Role.VenueSite, Role.TicketIntermediary);
        r.Action(CultureCardAction.LookupCard).AllowOn<DeskTargets>(Role.VenueSite, Role.TicketIntermediary);
        r.Action(CultureCardAction.RecordUse).AllowOn<DeskTargets>(Role.VenueSite, Role.TicketIntermediary);
        r.Action(CultureCardAction.ManageEvents).AllowOn<DeskTargets>(Role.VenueSite, Role.TicketIntermediary);
        // Target: the use; it lies on the venue where it was recorded and on the site whose desk recorded it.
        r.Action(CultureCardAction.CancelUse).AllowOn<UseTargets>(Role.VenueSite, Role.TicketIntermediary);
        // Target: the venue an intermediary is to serve (or stop serving): its area's coordinator decides.
        r.Action(CultureCardAction.ManageServedVenues).Allow(Role.NationalCoordinator).AllowOn<SiteTargets>(Role.AreaCoordinator);

        r.Action(CultureCardAction.ViewStatistics).Allow(Role.NationalCoordinator)
            .AllowOn<SiteTargets>(Role.AreaCoordinator, Role.DistributorSite, Role.VenueSite, Role.TicketIntermediary);
        r.Action(CultureCardAction.ViewNetwork).Allow(Role.NationalCoordinator).AllowOn<AreaTargets>(Role.AreaCoordinator);
        r.Action(CultureCardAction.ManageApiKeys).Allow(Role.NationalCoordinator).AllowOn<SiteTargets>(Role.AreaCoordinator);
    }
}

/// <summary>A site lies on itself, its organisation and its area (from the Directory).</summary>
internal sealed class SiteTargets(ISiteDirectory sites) : ITargetScopes
{
    public async Task<IReadOnlyList<Scope>> ScopesOfAsync(Guid target, CancellationToken ct)
    {
        var site = await sites.GetAsync(new SiteId(target), ct);
        if (site is null || !site.IsActive) return [];
        List<Scope> scopes = [Scope.Site(target), Scope.Organisation(site.OrganisationId.Value)];
        if (site.AreaId is { } area) scopes.Add(Scope.Area(area.Value));
        return scopes;
    }
}

/// <summary>An area lies on itself.</summary>
internal sealed class AreaTargets(ISiteDirectory sites) : ITargetScopes
{
    public async Task<IReadOnlyList<Scope>> ScopesOfAsync(Guid target, CancellationToken ct) =>
        await sites.AreaAsync(new AreaId(target), ct) is not null ? [Scope.Area(target)] : [];
}

/// <summary>A card lies on its issuing site and on its area.</summary>
internal sealed class CardTargets(VakkaDb db) : ITargetScopes
{
    public async Task<IReadOnlyList<Scope>> ScopesOfAsync(Guid target, CancellationToken ct)
    {
        var id = new CardId(target);
        var card = await db.Set<Card>().AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.IssuingSiteId, c.AreaId }).FirstOrDefaultAsync(ct);
        return card is null ? [] : [Scope.Site(card.IssuingSiteId.Value), Scope.Area(card.AreaId.Value)];
    }
}

/// <summary>
/// A venue's desk lies on the venue and on each ticket intermediary serving it (so an intermediary's account works the
/// desks of the venues it serves and no others). Only active venue sites have a desk.
/// </summary>
internal sealed class DeskTargets(ISiteDirectory sites, VakkaDb db) : ITargetScopes
{
    /// <summary>Asked on every desk request: compiled once.</summary>
    private static readonly Func<VakkaDb, SiteId, IAsyncEnumerable<SiteId>> Intermediaries = EF.CompileAsyncQuery(
        (VakkaDb db, SiteId venue) => db.Set<ServedVenue>().AsNoTracking().Where(s => s.VenueSiteId == venue).Select(s => s.IntermediarySiteId));

    public async Task<IReadOnlyList<Scope>> ScopesOfAsync(Guid target, CancellationToken ct)
    {
        var site = await sites.GetAsync(new SiteId(target), ct);
        if (site is not { IsActive: true, Type: SiteType.Venue }) return [];
        var venue = site.Id;
        var intermediaries = await Intermediaries(db, venue).ToListAsync(ct);
        return [Scope.Site(target), .. intermediaries.Select(i => Scope.Site(i.Value))];
    }
}

/// <summary>A use lies on the venue where it was recorded, the venue's area, and the site whose desk recorded it.</summary>
internal sealed class UseTargets(VakkaDb db) : ITargetScopes
{
    public async Task<IReadOnlyList<Scope>> ScopesOfAsync(Guid target, CancellationToken ct)
    {
        var id = new UseId(target);
        var use = await db.Set<CardUse>().AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.VenueSiteId, u.VenueAreaId, u.DeskSiteId }).FirstOrDefaultAsync(ct);
        return use is null ? [] : [Scope.Site(use.VenueSiteId.Value), Scope.Area(use.VenueAreaId.Value), Scope.Site(use.DeskSiteId.Value)];
    }
}
