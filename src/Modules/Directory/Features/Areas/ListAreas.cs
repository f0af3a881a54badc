using Microsoft.EntityFrameworkCore;
using Vakka.Directory.Access;
using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;

namespace Vakka.Directory.Features.Areas;

public sealed class ListAreas(VakkaDb db, AccessControl access)
{
    public async Task<IReadOnlyList<AreaRow>> HandleAsync(Actor actor, CancellationToken ct)
    {
        var filter = access.Filter(actor, DirectoryAction.ViewAreas);
        if (filter.IsEmpty) return [];
        var areaIds = filter.AreaIds.Select(AreaId.From).ToList();
        var areas = await db.Set<Area>().AsNoTracking().Include(a => a.Municipalities)
            .Where(a => filter.All || areaIds.Contains(a.Id))
            .OrderBy(a => a.Name).ToListAsync(ct);
        var ids = areas.Select(a => (Guid?)a.Id.Value).ToList();
        var coordinators = await (from r in db.Set<RoleAssignmentRow>()
                                  join acc in db.Set<Account>() on r.AccountId equals acc.Id
                                  where r.Role == Role.AreaCoordinator && r.RevokedAt == null && ids.Contains(r.ScopeId) && acc.IsActive
                                  select new { r.ScopeId, acc.DisplayName }).ToListAsync(ct);
        var siteCounts = await db.Set<Site>().Where(s => s.AreaId != null && s.IsActive)
            .GroupBy(s => s.AreaId).Select(g => new { Area = g.Key, Count = g.Count() }).ToListAsync(ct);

        return areas.Select(a => new AreaRow(a.Id, a.Name,
            a.Municipalities.Select(m => m.Name).Order(StringComparer.CurrentCulture).ToList(),
            coordinators.Where(c => c.ScopeId == a.Id.Value).Select(c => c.DisplayName).Order().ToList(),
            siteCounts.FirstOrDefault(c => c.Area == a.Id)?.Count ?? 0, a.IsActive)).ToList();
    }

    public async Task<IReadOnlyList<(AreaId Id, string Name)>> ChoicesAsync(Actor actor, CancellationToken ct) =>
        (await HandleAsync(actor, ct)).Where(a => a.IsActive).Select(a => (a.Id, a.Name)).ToList();
}
