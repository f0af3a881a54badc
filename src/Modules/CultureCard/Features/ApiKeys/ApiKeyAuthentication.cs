using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vakka.CultureCard.Domain;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Data;
using Vakka.Platform.Web;

namespace Vakka.CultureCard.Features.ApiKeys;

/// <summary>
/// Another system (a venue's or ticket intermediary's own ticketing) calls with a site's API key in the
/// <c>X-Api-Key</c> header. Keys are stored hashed; a key acts as its site, with the site's Kaikukortti role only.
/// </summary>
public sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    VakkaDb db, ISiteDirectory sites, TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";


    /// <summary>Asked on every API call: compiled once (EF Core skips translating the expression again).</summary>
    private static readonly Func<VakkaDb, string, CancellationToken, Task<ApiKey?>> ActiveKey = EF.CompileAsyncQuery(
        (VakkaDb db, string hash, CancellationToken ct) => db.Set<ApiKey>().AsNoTracking().FirstOrDefault(k => k.Hash == hash && k.RevokedAt == null));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.Count != 1 || string.IsNullOrWhiteSpace(values[0]))
            return AuthenticateResult.NoResult();
        var hash = ApiKeyHash.Of(values[0]!.Trim());
        var key = await ActiveKey(db, hash, Context.RequestAborted);
        if (key is null) return AuthenticateResult.Fail("Unknown or revoked API key.");
        var site = await sites.GetAsync(key.SiteId, Context.RequestAborted);
        Role? role = site is { IsActive: true } ? site.Type switch
        {
            SiteType.Venue => Role.VenueSite,
            SiteType.TicketIntermediary => Role.TicketIntermediary,
            _ => null,
        } : null;
        if (role is null) return AuthenticateResult.Fail("The key's site cannot use the API.");

        var now = clock.GetUtcNow().UtcDateTime;
        if (key.LastUsedAt is null || now - key.LastUsedAt > TimeSpan.FromMinutes(1))
            await db.Set<ApiKey>().Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);

        var identity = new ClaimsIdentity(
        [
            new Claim(ServiceClaims.ApiKey, key.Id.ToString()),
            new Claim(ServiceClaims.Site, key.SiteId.ToString()),
            new Claim(ServiceClaims.Role, role.Value.ToString()),
            new Claim(ClaimTypes.Name, $"api:{key.Prefix}"),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
