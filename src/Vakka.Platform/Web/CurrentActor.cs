using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Vakka.Platform.Access;
using Vakka.Platform.Ids;

namespace Vakka.Platform.Web;

/// <summary>Port implemented by the Directory: an active account's site and role assignments (null when inactive or unknown).</summary>
public interface IRoleSource
{
    Task<Actor?> LoadAsync(AccountId account, CancellationToken ct);
}

/// <summary>
/// Claims a service principal (an API key) carries instead of an account: its key, its site or its organisation, and
/// its roles (held on that site or organisation).
/// </summary>
public static class ServiceClaims
{
    public const string ApiKey = "vakka:apikey";
    public const string Site = "vakka:site";
    public const string Organisation = "vakka:organisation";
    public const string Role = "vakka:role";
}

/// <summary>The signed-in account (or API key) of this request, loaded once.</summary>
public sealed class CurrentActor(IHttpContextAccessor http, IRoleSource roles)
{
    private Actor? actor;

    public async Task<Actor> GetAsync(CancellationToken ct = default)
    {
        if (actor is not null) return actor;
        var user = http.HttpContext?.User;
        if (user?.FindFirstValue(ServiceClaims.ApiKey) is { } key && Guid.TryParse(key, out var keyId))
        {
            Scope? scope = Guid.TryParse(user.FindFirstValue(ServiceClaims.Site), out var site) ? Scope.Site(site)
                : Guid.TryParse(user.FindFirstValue(ServiceClaims.Organisation), out var organisation) ? Scope.Organisation(organisation)
                : null;
            if (scope is not { } held) return actor = Actor.Anonymous;
            var keyRoles = user.FindAll(ServiceClaims.Role).Select(c => Enum.TryParse<Role>(c.Value, out var r) ? r : (Role?)null)
                .OfType<Role>().Select(r => new RoleAssignment(r, held)).ToList();
            return actor = new Actor(null, held.Kind == ScopeKind.Site ? held.Id : null, keyRoles, keyId);
        }
        var id = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        actor = user?.Identity?.IsAuthenticated == true && AccountId.TryParse(id, null, out var accountId)
            ? await roles.LoadAsync(accountId, ct) ?? Actor.Anonymous
            : Actor.Anonymous;
        return actor;
    }

    /// <summary>Used after sign-in within the same request.</summary>
    public void Reset() => actor = null;
}
