using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Vakka.Platform.Access;

/// <summary>Rows a list query may show: everything, or what lies in these scopes.</summary>
public sealed record AccessFilter(bool All, IReadOnlySet<Guid> OrganisationIds, IReadOnlySet<Guid> AreaIds, IReadOnlySet<Guid> SiteIds)
{
    public static readonly AccessFilter Everything = new(true, new HashSet<Guid>(), new HashSet<Guid>(), new HashSet<Guid>());
    public static readonly AccessFilter Nothing = new(false, new HashSet<Guid>(), new HashSet<Guid>(), new HashSet<Guid>());
    public bool IsEmpty => !All && OrganisationIds.Count == 0 && AreaIds.Count == 0 && SiteIds.Count == 0;

    /// <summary>Whether a row that lies in these scopes passes the filter.</summary>
    public bool Allows(IEnumerable<Scope> scopes) => All || scopes.Any(s => s.Kind switch
    {
        ScopeKind.Organisation => OrganisationIds.Contains(s.Id),
        ScopeKind.Area => AreaIds.Contains(s.Id),
        ScopeKind.Site => SiteIds.Contains(s.Id),
        _ => false,
    });
}

public sealed class AccessDeniedException(string action) : Exception($"Access denied: {action}.");

/// <summary>
/// The one access-control engine: require (403), check, filter a list query, and which actions are permitted.
/// Rules are OR'd; an action without rules, or a target that lies nowhere, denies.
/// </summary>
public sealed class AccessControl(AccessCatalog catalog, IServiceProvider services, ILogger<AccessControl> log)
{
    private readonly Dictionary<(Type, Guid), IReadOnlyList<Scope>> resolved = [];

    public async Task<bool> HasAsync(Actor actor, Enum action, Guid? target, CancellationToken ct)
    {
        if (!actor.IsAuthenticated) return false;
        var rules = catalog.RulesOf(action);
        if (rules.Count == 0)
        {
            log.LogWarning("Action {Action} has no rules; denied", ActionCode.Of(action));
            return false;
        }

        // An unknown or missing target is denied to everyone, global roles included.
        if (target is { } id && catalog.TargetResolverOf(action) is { } targetResolver
            && (await ScopesOfAsync(targetResolver, id, ct)).Count == 0)
            return false;

        foreach (var rule in rules)
        {
            switch (rule)
            {
                case AuthenticatedRule:
                    return true;
                case GlobalRoleRule g when actor.HasGlobal(g.Role):
                    return true;
            }
        }

        var scopedRules = rules.OfType<ScopedRoleRule>().Where(r => actor.HasAnywhere(r.Role)).ToList();
        if (scopedRules.Count == 0) return false;
        if (target is null) return true;

        foreach (var group in scopedRules.GroupBy(r => r.Resolver))
        {
            var targetScopes = await ScopesOfAsync(group.Key, target.Value, ct);
            foreach (var rule in group)
                if (actor.ScopesOf(rule.Role).Any(s => s.Kind != ScopeKind.Global && targetScopes.Contains(s)))
                    return true;
        }
        return false;
    }

    /// <summary>Whether the action's target exists (true when the action declares no target resolver).</summary>
    public async Task<bool> TargetExistsAsync(Enum action, Guid target, CancellationToken ct) =>
        catalog.TargetResolverOf(action) is not { } resolver || (await ScopesOfAsync(resolver, target, ct)).Count > 0;

    /// <summary>Where a target lies, resolved once per request.</summary>
    private async Task<IReadOnlyList<Scope>> ScopesOfAsync(Type resolver, Guid target, CancellationToken ct)
    {
        if (resolved.TryGetValue((resolver, target), out var scopes)) return scopes;
        scopes = await ((ITargetScopes)services.GetRequiredService(resolver)).ScopesOfAsync(target, ct);
        resolved[(resolver, target)] = scopes;
        return scopes;
    }

    public async Task RequireAsync(Actor actor, Enum action, Guid? target, CancellationToken ct)
    {
        if (!await HasAsync(actor, action, target, ct)) throw new AccessDeniedException(ActionCode.Of(action));
    }

    /// <summary>The scopes whose rows the actor may see with this action; apply it in the list query.</summary>
    public AccessFilter Filter(Actor actor, Enum action)
    {
        if (!actor.IsAuthenticated) return AccessFilter.Nothing;
        var rules = catalog.RulesOf(action);
        if (rules.Any(r => r is AuthenticatedRule || (r is GlobalRoleRule g && actor.HasGlobal(g.Role))))
            return AccessFilter.Everything;

        var scopes = rules.OfType<ScopedRoleRule>().SelectMany(r => actor.ScopesOf(r.Role)).ToList();
        return new AccessFilter(false,
            scopes.Where(s => s.Kind == ScopeKind.Organisation).Select(s => s.Id).ToHashSet(),
            scopes.Where(s => s.Kind == ScopeKind.Area).Select(s => s.Id).ToHashSet(),
            scopes.Where(s => s.Kind == ScopeKind.Site).Select(s => s.Id).ToHashSet());
    }

    /// <summary>Which of these actions the actor may take (on the target, or anywhere when it is null): for buttons and menus.</summary>
    public async Task<IReadOnlySet<Enum>> PermittedAsync(Actor actor, IEnumerable<Enum> actions, Guid? target, CancellationToken ct)
    {
        var permitted = new HashSet<Enum>();
        foreach (var action in actions)
            if (await HasAsync(actor, action, target, ct))
                permitted.Add(action);
        return permitted;
    }
}
