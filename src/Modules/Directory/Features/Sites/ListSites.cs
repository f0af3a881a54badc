using Microsoft.EntityFrameworkCore;
using Vakka.Directory.Access;
using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;

namespace Vakka.Directory.Features.Sites;

public sealed record SiteRow(SiteId Id, string Name, string Oid, SiteType Type, string Municipality, string OrganisationName,
    string? AreaName, bool IsActive, int AccountCount);

/// <summary>The sites the actor may see: all for admins and the national coordinator, the own area's for an area coordinator.</summary>
public sealed class ListSites(VakkaDb db, AccessControl access)
{
    public sealed record Query(string? Search, SiteType? Type, AreaId? Area, bool IncludeInactive);

    public async Task<IReadOnlyList<SiteRow>> HandleAsync(Actor actor, Query query, CancellationToken ct)
    {
        var filter = access.Filter(actor, DirectoryAction.ViewSites);
        if (filter.IsEmpty) return [];
        var sites = SiteFilter.Apply(db.Set<Site>().AsNoTracking(), filter);
        if (!query.IncludeInactive) sites = sites.Where(s => s.IsActive);
        if (query.Type is { } type) sites = sites.Where(s => s.Type == type);
        if (query.Area is { } area) sites = sites.Where(s => s.AreaId == area);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLower();
            sites = sites.Where(s => s.Name.ToLower().Contains(term) || s.Municipality.ToLower().Contains(term) || s.Oid.Contains(term));
        }

        return await (from s in sites
                      join o in db.Set<Organisation>() on s.OrganisationId equals o.Id
                      join a in db.Set<Area>() on s.AreaId equals (AreaId?)a.Id into areas
                      from a in areas.DefaultIfEmpty()
                      orderby s.Name
                      select new SiteRow(s.Id, s.Name, s.Oid, s.Type, s.Municipality, o.Name, a == null ? null : a.Name, s.IsActive,
                          db.Set<Account>().Count(x => x.SiteId == s.Id && x.IsActive)))
            .Take(500)
            .ToListAsync(ct);
    }
}
