namespace Vakka.Platform.Access;

/// <summary>A module's action catalog: who may do what, declared as data and read by one engine.</summary>
public interface IAccessRules
{
    /// <summary>The enum that lists the module's actions. Every value must get rules.</summary>
    Type ActionType { get; }
    void Declare(AccessRuleBuilder rules);
}

/// <summary>
/// Says where a target lies (its site, organisation, area). An unknown target lies nowhere, so it is denied, even to
/// global roles. A target that exists but lies on no organisation, area or site (a personal account) lies on
/// <see cref="Scope.Global"/>, which no scoped rule matches.
/// </summary>
public interface ITargetScopes
{
    Task<IReadOnlyList<Scope>> ScopesOfAsync(Guid target, CancellationToken ct);
}

internal abstract record AccessRule;
internal sealed record GlobalRoleRule(Role Role) : AccessRule;
internal sealed record ScopedRoleRule(Role Role, Type Resolver) : AccessRule;
internal sealed record AuthenticatedRule : AccessRule;

public sealed class ActionRules
{
    internal ActionRules(Enum action) => Action = action;
    public Enum Action { get; }
    internal List<AccessRule> Rules { get; } = [];
    /// <summary>Resolves the action's target, to deny unknown targets before any rule is looked at.</summary>
    internal Type? TargetResolver { get; private set; }

    /// <summary>The action takes a target of this kind (set by <see cref="AllowOn{TScopes}"/> too).</summary>
    public ActionRules Targets<TScopes>() where TScopes : ITargetScopes
    {
        TargetResolver = typeof(TScopes);
        return this;
    }

    /// <summary>Allowed to holders of these global roles.</summary>
    public ActionRules Allow(params Role[] globalRoles)
    {
        foreach (var role in globalRoles)
        {
            if (!RoleScopes.AllowedScopes(role).Contains(ScopeKind.Global))
                throw new InvalidOperationException($"{role} is not a global role; use AllowOn.");
            Rules.Add(new GlobalRoleRule(role));
        }
        return this;
    }

    /// <summary>
    /// Allowed to holders of these roles on a scope where the target lies. Without a target the rule is met by
    /// holding the role anywhere, and list pages must then narrow their rows with <see cref="AccessControl.FilterAsync"/>.
    /// </summary>
    public ActionRules AllowOn<TScopes>(params Role[] roles) where TScopes : ITargetScopes
    {
        foreach (var role in roles)
        {
            if (RoleScopes.AllowedScopes(role).All(k => k == ScopeKind.Global))
                throw new InvalidOperationException($"{role} is a global role; use Allow.");
            Rules.Add(new ScopedRoleRule(role, typeof(TScopes)));
        }
        TargetResolver ??= typeof(TScopes);
        return this;
    }

    /// <summary>Allowed to any signed-in account (its own settings, the start page).</summary>
    public ActionRules AllowAuthenticated()
    {
        Rules.Add(new AuthenticatedRule());
        return this;
    }
}

public sealed class AccessRuleBuilder
{
    internal Dictionary<Enum, ActionRules> Actions { get; } = [];

    public ActionRules Action(Enum action)
    {
        if (Actions.ContainsKey(action)) throw new InvalidOperationException($"{ActionCode.Of(action)} is declared twice.");
        var rules = new ActionRules(action);
        Actions[action] = rules;
        return rules;
    }
}

/// <summary>All modules' rules, merged once at start-up.</summary>
public sealed class AccessCatalog
{
    private readonly Dictionary<Enum, ActionRules> actions = [];

    public AccessCatalog(IEnumerable<IAccessRules> catalogs)
    {
        foreach (var catalog in catalogs)
        {
            var builder = new AccessRuleBuilder();
            catalog.Declare(builder);
            foreach (var (action, rules) in builder.Actions)
            {
                if (action.GetType() != catalog.ActionType)
                    throw new InvalidOperationException($"{ActionCode.Of(action)} is declared in the catalog of {catalog.ActionType.Name}.");
                actions.Add(action, rules);
            }
            ActionTypes.Add(catalog.ActionType);
        }
    }

    public List<Type> ActionTypes { get; } = [];

    public bool IsDeclared(Enum action) => actions.TryGetValue(action, out var r) && r.Rules.Count > 0;

    internal IReadOnlyList<AccessRule> RulesOf(Enum action) =>
        actions.TryGetValue(action, out var r) ? r.Rules : [];

    /// <summary>The resolver of the action's targets, or null when the action takes none.</summary>
    public Type? TargetResolverOf(Enum action) => actions.TryGetValue(action, out var r) ? r.TargetResolver : null;

    /// <summary>The roles that some rule of the action names (for documentation and tests).</summary>
    public IReadOnlyList<Role> RolesOf(Enum action) => [.. RulesOf(action).Select(r => r switch
    {
        GlobalRoleRule g => (Role?)g.Role,
        ScopedRoleRule s => s.Role,
        _ => null,
    }).OfType<Role>().Distinct()];
}

/// <summary>Stable text codes of actions and audit events ("Directory.UpdateSite").</summary>
public static class ActionCode
{
    // Every audited request names its event and action: the codes are made once per value, not on each request.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Enum, string> Codes = new();

    public static string Of(Enum value) => Codes.GetOrAdd(value, static value =>
    {
        var type = value.GetType().Name;
        foreach (var suffix in new[] { "Action", "Audit" })
            if (type.EndsWith(suffix, StringComparison.Ordinal) && type.Length > suffix.Length)
                type = type[..^suffix.Length];
        return $"{type}.{value}";
    });
}
