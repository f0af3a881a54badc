namespace Vakka.Platform.Access;

/// <summary>A module's action catalog: who may do what, declared as data and read by one engine.</summary>
public interface IAccessRules
{
    /// <summary>The enum that lists the module's actions. Every value must get rules.</summary>
    Type ActionType { get; }
    void Declare(AccessRuleBuilder rules);
}

/// <summary>Says where a target lies (its site, organisation, area). An unknown target lies nowhere, so it is denied.</summary>
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
        foreach (var role in roles) Rules.Add(new ScopedRoleRule(role, typeof(TScopes)));
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
    public static string Of(Enum value)
    {
        var type = value.GetType().Name;
        foreach (var suffix in new[] { "Action", "Audit" })
            if (type.EndsWith(suffix, StringComparison.Ordinal) && type.Length > suffix.Length)
                type = type[..^suffix.Length];
        return $"{type}.{value}";
    }
}
