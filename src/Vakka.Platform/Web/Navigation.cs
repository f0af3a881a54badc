using Vakka.Platform.Access;

namespace Vakka.Platform.Web;

/// <summary>A menu entry a module contributes; shown only to accounts that may take its action.</summary>
public sealed record NavItem(string Group, string TextKey, string Url, Enum Action, int Order = 0);

/// <summary>The menu of the signed-in account: the entries whose action it may take somewhere.</summary>
public sealed class Navigation(IEnumerable<NavItem> items, AccessControl access, CurrentActor current)
{
    public async Task<IReadOnlyList<IGrouping<string, NavItem>>> ForCurrentAsync(CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (!actor.IsAuthenticated) return [];
        var permitted = await access.PermittedAsync(actor, items.Select(i => i.Action).Distinct(), null, ct);
        return items.Where(i => permitted.Contains(i.Action)).OrderBy(i => i.Order).GroupBy(i => i.Group).ToList();
    }
}
