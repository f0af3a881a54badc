using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Ids;

namespace Vakka.CultureCard.Features.Desk;

/// <summary>The venue or ticket intermediary whose desk this is: always the signed-in site account's own site.</summary>
public sealed record DeskSite(SiteId Id, string Name, SiteType Type, AreaId AreaId);

/// <summary>
/// Finds the desk of the signed-in account. The desk pages have no site in their address: the site is the account's
/// own (<see cref="Actor.SiteId"/>), and the action is checked on it with the same rule the declarations name, so an
/// account without a desk, a deactivated site or a site outside the network gets no desk.
/// </summary>
public sealed class DeskSites(ISiteDirectory sites, AccessControl access)
{
    public async Task<DeskSite?> OfAsync(Actor actor, Enum action, CancellationToken ct)
    {
        if (actor.SiteId is not { } siteId) return null;
        if (!await access.HasAsync(actor, action, siteId, ct)) return null;
        var site = await sites.GetAsync(new SiteId(siteId), ct);
        if (site is not { IsActive: true, AreaId: { } area } || site.Type is not (SiteType.Venue or SiteType.TicketIntermediary)) return null;
        return new DeskSite(site.Id, site.Name, site.Type, area);
    }
}
