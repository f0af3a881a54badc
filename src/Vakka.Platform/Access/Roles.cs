using Vakka.Platform.Ids;

namespace Vakka.Platform.Access;

/// <summary>
/// Every role an account can hold. Global roles are held without a scope; the others are held on an
/// organisation, an area or a site (see <see cref="ScopeKind"/>). Later modules add their roles here.
/// Stored by name, so the numbers may be reordered.
/// </summary>
public enum Role
{
    SystemAdmin,
    Auditor,
    NationalCoordinator,
    AreaCoordinator,
    DistributorSite,
    VenueSite,
    TicketIntermediary,
    Archivist,
    SocialWelfareProfessional,
    DeploymentProjectLead,
    SystemVendor,
    SiteManager,
    ReservationCoordinator,
    /// <summary>Another system (a client records system) archiving with an organisation's Archive key; never held by an account.</summary>
    ArchiveClientSystem,
}

public enum ScopeKind { Global, Organisation, Area, Site }

/// <summary>Where a role is held, or where a target lies.</summary>
public readonly record struct Scope(ScopeKind Kind, Guid Id)
{
    public static readonly Scope Global = new(ScopeKind.Global, Guid.Empty);
    public static Scope Organisation(Guid id) => new(ScopeKind.Organisation, id);
    public static Scope Area(Guid id) => new(ScopeKind.Area, id);
    public static Scope Site(Guid id) => new(ScopeKind.Site, id);
}

public sealed record RoleAssignment(Role Role, Scope Scope);

/// <summary>Which scopes each role may be held on. A rule of the product, checked when roles are assigned.</summary>
public static class RoleScopes
{
    public static IReadOnlyList<ScopeKind> AllowedScopes(Role role) => role switch
    {
        Role.SystemAdmin or Role.Auditor or Role.NationalCoordinator => [ScopeKind.Global],
        Role.AreaCoordinator => [ScopeKind.Area],
        Role.DistributorSite or Role.VenueSite or Role.TicketIntermediary => [ScopeKind.Site],
        Role.Archivist or Role.DeploymentProjectLead or Role.SystemVendor => [ScopeKind.Organisation],
        Role.SocialWelfareProfessional => [ScopeKind.Organisation, ScopeKind.Site],
        Role.SiteManager => [ScopeKind.Site],
        Role.ReservationCoordinator => [ScopeKind.Organisation],
        Role.ArchiveClientSystem => [ScopeKind.Organisation],
        _ => [],
    };

    /// <summary>Roles a shared site account may hold (Kaikukortti accounts are per site).</summary>
    public static bool IsSiteAccountRole(Role role) =>
        role is Role.DistributorSite or Role.VenueSite or Role.TicketIntermediary;

    /// <summary>Roles only a service principal (an API key) holds, never an account.</summary>
    public static bool IsServiceRole(Role role) => role is Role.ArchiveClientSystem;
}

/// <summary>
/// Who acts, as the access engine sees it: a signed-in account, or another system calling with an API key
/// (<see cref="ApiKeyId"/>; no account): a site's key holds the site's role, an organisation's key its role on the
/// organisation (<see cref="SiteId"/> null).
/// </summary>
public sealed record Actor(AccountId? AccountId, Guid? SiteId, IReadOnlyList<RoleAssignment> Roles, Guid? ApiKeyId = null)
{
    public static readonly Actor Anonymous = new(null, null, []);
    public bool IsAuthenticated => AccountId is not null || ApiKeyId is not null;

    public bool HasGlobal(Role role) => Roles.Any(r => r.Role == role && r.Scope.Kind == ScopeKind.Global);
    public bool HasAnywhere(Role role) => Roles.Any(r => r.Role == role);
    public IEnumerable<Scope> ScopesOf(Role role) => Roles.Where(r => r.Role == role).Select(r => r.Scope);
}
