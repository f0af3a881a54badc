using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.Platform;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;

namespace Vakka.CultureCard.Features.Network;

public sealed record NetworkSite(SiteInfo Site, int CardsIssued, int UsesRecorded, DateTime? LastActivity);

public sealed record NetworkArea(AreaInfo Area, IReadOnlyList<NetworkSite> Distributors, IReadOnlyList<NetworkSite> Venues,
    IReadOnlyList<NetworkSite> Intermediaries);

/// <summary>
/// An area's Kaikukortti network as its coordinator sees it: distributor sites, venues and ticket intermediaries, their
/// contact persons and how active they are (cards issued, uses recorded, last activity).
/// </summary>
public sealed class NetworkOverview(VakkaDb db, ISiteDirectory sites)
{
    public async Task<NetworkArea?> HandleAsync(AreaId areaId, CancellationToken ct)
    {
        var area = await sites.AreaAsync(areaId, ct);
        if (area is null) return null;
        var members = (await sites.InAreaAsync(areaId, ct)).Where(s => s.Type is SiteType.Distributor or SiteType.Venue or SiteType.TicketIntermediary).ToList();
        var ids = members.Select(s => s.Id).ToList();
        var issued = await db.Set<Card>().Where(c => ids.Contains(c.IssuingSiteId))
            .GroupBy(c => c.IssuingSiteId).Select(g => new { Site = g.Key, Count = g.Count(), Last = g.Max(c => c.CreatedAt) }).ToListAsync(ct);
        var recorded = await db.Set<CardUse>().Where(u => ids.Contains(u.VenueSiteId) && u.CancelledAt == null)
            .GroupBy(u => u.VenueSiteId).Select(g => new { Site = g.Key, Count = g.Count(), Last = g.Max(u => u.RecordedAt) }).ToListAsync(ct);

        NetworkSite Row(SiteInfo s)
        {
            var i = issued.FirstOrDefault(x => x.Site == s.Id);
            var r = recorded.FirstOrDefault(x => x.Site == s.Id);
            DateTime? last = new[] { i?.Last, r?.Last }.Where(d => d is not null).Max();
            return new NetworkSite(s, i?.Count ?? 0, r?.Count ?? 0, last);
        }
        List<NetworkSite> Of(SiteType type) => members.Where(s => s.Type == type).OrderBy(s => s.Name).Select(Row).ToList();
        return new NetworkArea(area, Of(SiteType.Distributor), Of(SiteType.Venue), Of(SiteType.TicketIntermediary));
    }
}
