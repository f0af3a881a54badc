using Vakka.CultureCard.Access;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Ids;

namespace Vakka.CultureCard.Features.Statistics;

public enum ScopeLevel { National, Area, Site }

/// <summary>Whose numbers: the whole country, one area, or one site. Site viewers get small cells hidden.</summary>
public sealed record StatisticsScope(ScopeLevel Level, AreaId? Area, SiteId? Site, string Name, bool HideSmallCells)
{
    public string Key => Level switch { ScopeLevel.Area => $"area:{Area}", ScopeLevel.Site => $"site:{Site}", _ => "national" };
}

/// <summary>The scopes the actor may look at: the access filter of ViewStatistics says which.</summary>
public sealed class StatisticsScopes(AccessControl access, ISiteDirectory sites)
{
    public async Task<IReadOnlyList<StatisticsScope>> AvailableAsync(Actor actor, CancellationToken ct)
    {
        var filter = access.Filter(actor, CultureCardAction.ViewStatistics);
        var result = new List<StatisticsScope>();
        if (filter.All) result.Add(new StatisticsScope(ScopeLevel.National, null, null, "", HideSmallCells: false));
        foreach (var area in (await sites.AreasAsync(ct)).Where(a => a.IsActive && (filter.All || filter.AreaIds.Contains(a.Id.Value))))
            result.Add(new StatisticsScope(ScopeLevel.Area, area.Id, null, area.Name, HideSmallCells: false));
        foreach (var site in await sites.GetManyAsync(filter.SiteIds.Select(SiteId.From).ToList(), ct))
            if (site.IsActive) result.Add(new StatisticsScope(ScopeLevel.Site, site.AreaId, site.Id, site.Name, HideSmallCells: true));
        return result;
    }
}
