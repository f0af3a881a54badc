using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.Platform;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;

namespace Vakka.CultureCard.Features.Network;

/// <param name="Serves">For a ticket intermediary: the venues it serves (of any area).</param>
public sealed record NetworkSite(SiteInfo Site, int CardsIssued, int UsesRecorded, DateTime? LastActivity, IReadOnlyList<SiteInfo> Serves);

/// <param name="Intermediaries">The area's ticket intermediaries and those of other areas serving the area's venues.</param>
/// <param name="OtherIntermediaries">Every other active ticket intermediary, for the coordinator to choose from.</param>
public sealed record NetworkArea(AreaInfo Area, IReadOnlyList<NetworkSite> Distributors, IReadOnlyList<NetworkSite> Venues,
    IReadOnlyList<NetworkSite> Intermediaries, IReadOnlyList<SiteInfo> OtherIntermediaries);

/// <summary>
/// An area's Kaikukortti network as its coordinator sees it: distributor sites, venues and ticket intermediaries, their
/// contact persons and how active they are (cards issued, uses recorded, last activity), and which venues each
/// intermediary serves. A venue's uses count every use at the venue; an intermediary's the uses it recorded for venues.
/// </summary>
public sealed class NetworkOverview(VakkaDb db, ISiteDirectory sites)
{
    public async Task<NetworkArea?> HandleAsync(AreaId areaId, CancellationToken ct)
    {
        var area = await sites.AreaAsync(areaId, ct);
        if (area is null) return null;
        var members = (await sites.InAreaAsync(areaId, ct)).Where(s => s.Type is SiteType.Distributor or SiteType.Venue or SiteType.TicketIntermediary).ToList();
        var venueIds = members.Where(s => s.Type == SiteType.Venue).Select(s => s.Id).ToList();
        var intermediaryIds = members.Where(s => s.Type == SiteType.TicketIntermediary).Select(s => s.Id).ToList();
        var served = await db.Set<ServedVenue>().AsNoTracking()
            .Where(s => venueIds.Contains(s.VenueSiteId) || intermediaryIds.Contains(s.IntermediarySiteId)).ToListAsync(ct);
        var outsiders = served.Select(s => s.IntermediarySiteId).Where(i => members.All(m => m.Id != i)).Distinct().ToList();
        if (outsiders.Count > 0)
        {
            members.AddRange(await sites.GetManyAsync(outsiders, ct));
            intermediaryIds.AddRange(outsiders);
        }
        var servedSites = (await sites.GetManyAsync(served.Select(s => s.VenueSiteId).Distinct().ToList(), ct)).ToDictionary(s => s.Id);
        var ids = members.Select(s => s.Id).ToList();
        var issued = await db.Set<Card>().Where(c => ids.Contains(c.IssuingSiteId))
            .GroupBy(c => c.IssuingSiteId).Select(g => new { Site = g.Key, Count = g.Count(), Last = g.Max(c => c.CreatedAt) }).ToListAsync(ct);
        var recorded = await db.Set<CardUse>().Where(u => ids.Contains(u.VenueSiteId) && u.CancelledAt == null)
            .GroupBy(u => u.VenueSiteId).Select(g => new { Site = g.Key, Count = g.Count(), Last = g.Max(u => u.RecordedAt) }).ToListAsync(ct);
        var recordedBy = await db.Set<CardUse>().Where(u => intermediaryIds.Contains(u.DeskSiteId) && u.CancelledAt == null)
            .GroupBy(u => u.DeskSiteId).Select(g => new { Site = g.Key, Count = g.Count(), Last = g.Max(u => u.RecordedAt) }).ToListAsync(ct);

        NetworkSite Row(SiteInfo s)
        {
            var i = issued.FirstOrDefault(x => x.Site == s.Id);
            var r = s.Type == SiteType.TicketIntermediary ? recordedBy.FirstOrDefault(x => x.Site == s.Id) : recorded.FirstOrDefault(x => x.Site == s.Id);
            DateTime? last = new[] { i?.Last, r?.Last }.Where(d => d is not null).Max();
            var serves = served.Where(x => x.IntermediarySiteId == s.Id).Select(x => servedSites.GetValueOrDefault(x.VenueSiteId))
                .OfType<SiteInfo>().OrderBy(v => v.Name).ToList();
            return new NetworkSite(s, i?.Count ?? 0, r?.Count ?? 0, last, serves);
        }
        List<NetworkSite> Of(SiteType type) => members.Where(s => s.Type == type).OrderBy(s => s.Name).Select(Row).ToList();
        var others = (await sites.ActiveOfTypeAsync(SiteType.TicketIntermediary, ct)).Where(s => !ids.Contains(s.Id)).ToList();
        return new NetworkArea(area, Of(SiteType.Distributor), Of(SiteType.Venue), Of(SiteType.TicketIntermediary), others);
    }
}
