using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;

namespace Vakka.CultureCard.Features.Desk;

/// <summary>
/// A ticket desk: the venue whose tickets are recorded (<see cref="Id"/>, <see cref="Name"/>, <see cref="AreaId"/>) and
/// the site doing it (<see cref="DeskSiteId"/>): the venue itself, or a ticket intermediary serving the venue.
/// </summary>
public sealed record DeskSite(SiteId Id, string Name, AreaId AreaId, SiteId DeskSiteId, string? IntermediaryName = null)
{
    public bool IsIntermediary => DeskSiteId != Id;

    /// <summary>The venue in the desk's addresses: an intermediary's desk names it, a venue's own desk needs not.</summary>
    public SiteId? VenueRoute => IsIntermediary ? Id : null;
}

/// <summary>The desk of the signed-in account, or (for an intermediary that has not chosen yet) the venues it may choose from.</summary>
public sealed record DeskChoice(DeskSite? Desk, IReadOnlyList<SiteInfo> Venues, bool IsIntermediary = false)
{
    public static readonly DeskChoice None = new(null, []);
}

/// <summary>
/// Finds the desk of the signed-in account. A venue's account works its own desk. A ticket intermediary's account works
/// the desk of a venue it serves, named by the address (<c>?venueId=</c>) or the request, or the only one it serves.
/// The action is then checked on the venue with the rule the declarations name, so an account without a desk, a
/// deactivated site, a venue the intermediary does not serve or a site outside the network gets no desk.
/// </summary>
public sealed class DeskSites(ISiteDirectory sites, AccessControl access, VakkaDb db)
{
    public async Task<DeskSite?> OfAsync(Actor actor, Enum action, SiteId? venue, CancellationToken ct) =>
        (await ChooseAsync(actor, action, venue, ct)).Desk;

    public async Task<DeskChoice> ChooseAsync(Actor actor, Enum action, SiteId? venue, CancellationToken ct)
    {
        if (actor.SiteId is not { } ownId) return DeskChoice.None;
        var own = await sites.GetAsync(new SiteId(ownId), ct);
        if (own is not { IsActive: true }) return DeskChoice.None;

        SiteInfo? target;
        IReadOnlyList<SiteInfo> served = [];
        switch (own.Type)
        {
            case SiteType.Venue:
                target = venue is null || venue == own.Id ? own : null;
                break;
            case SiteType.TicketIntermediary:
                served = await ServedAsync(own.Id, ct);
                target = venue is { } chosen ? served.FirstOrDefault(s => s.Id == chosen) : served.Count == 1 ? served[0] : null;
                if (target is null) return new DeskChoice(null, served, true);
                break;
            default:
                return DeskChoice.None;
        }
        if (target is not { IsActive: true, Type: SiteType.Venue, AreaId: { } area }) return DeskChoice.None;
        if (!await access.HasAsync(actor, action, target.Id.Value, ct)) return DeskChoice.None;
        var desk = new DeskSite(target.Id, target.Name, area, own.Id, own.Type == SiteType.TicketIntermediary ? own.Name : null);
        return new DeskChoice(desk, served, desk.IsIntermediary);
    }

    /// <summary>The active venues a ticket intermediary serves, by name.</summary>
    public async Task<IReadOnlyList<SiteInfo>> ServedAsync(SiteId intermediary, CancellationToken ct)
    {
        var ids = await db.Set<ServedVenue>().AsNoTracking().Where(s => s.IntermediarySiteId == intermediary).Select(s => s.VenueSiteId).ToListAsync(ct);
        if (ids.Count == 0) return [];
        return (await sites.GetManyAsync(ids, ct)).Where(s => s is { IsActive: true, Type: SiteType.Venue, AreaId: not null })
            .OrderBy(s => s.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fi-FI"), false)).ToList();
    }
}
