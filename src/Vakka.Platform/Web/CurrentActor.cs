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

/// <summary>The signed-in account of this request, loaded once.</summary>
public sealed class CurrentActor(IHttpContextAccessor http, IRoleSource roles)
{
    private Actor? actor;

    public async Task<Actor> GetAsync(CancellationToken ct = default)
    {
        if (actor is not null) return actor;
        var user = http.HttpContext?.User;
        var id = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        actor = user?.Identity?.IsAuthenticated == true && AccountId.TryParse(id, null, out var accountId)
            ? await roles.LoadAsync(accountId, ct) ?? Actor.Anonymous
            : Actor.Anonymous;
        return actor;
    }

    /// <summary>Used after sign-in within the same request.</summary>
    public void Reset() => actor = null;
}
