using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Access;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;
using Vakka.CultureCard.Domain;

// The namespace is not "AreaRules": that would hide the Domain type AreaRules from every file under Features.
namespace Vakka.CultureCard.Features.AreaRuleSettings;

/// <summary>An area with the rules it has set (or the defaults, <see cref="IsDefault"/>).</summary>
public sealed record AreaRulesRow(AreaId AreaId, string AreaName, bool AreaActive, AreaRules Rules, bool IsDefault);

/// <summary>The areas whose rules the actor may set: every area for the national coordinator, the own ones for an area coordinator.</summary>
public sealed class ListAreaRules(VakkaDb db, ISiteDirectory sites, AccessControl access)
{
    public async Task<IReadOnlyList<AreaRulesRow>> HandleAsync(Actor actor, CancellationToken ct)
    {
        var filter = access.Filter(actor, CultureCardAction.ManageAreaRules);
        if (filter.IsEmpty) return [];
        var areas = (await sites.AreasAsync(ct)).Where(a => filter.All || filter.AreaIds.Contains(a.Id.Value))
            .OrderBy(a => a.Name, StringComparer.CurrentCulture).ToList();
        var ids = areas.Select(a => a.Id).ToList();
        var stored = await db.Set<AreaRules>().AsNoTracking().Where(r => ids.Contains(r.AreaId)).ToDictionaryAsync(r => r.AreaId, ct);
        return areas.Select(a => stored.TryGetValue(a.Id, out var r)
            ? new AreaRulesRow(a.Id, a.Name, a.IsActive, r, false)
            : new AreaRulesRow(a.Id, a.Name, a.IsActive, AreaRules.Default(a.Id), true)).ToList();
    }
}
