using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vakka.Archive.Domain;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Data;
using Vakka.Platform.Web;

namespace Vakka.Archive.Features.ClientSystems;

/// <summary>
/// A client system (the client records module of an organisation, or another system) calls the archive with its
/// organisation's key in <c>X-Api-Key</c>. Keys are stored hashed (SHA-256, as CultureCard's API keys). A key acts as
/// its organisation with <see cref="Role.ArchiveClientSystem"/> on <c>Scope.Organisation(org)</c>. The scheme is listed
/// only on the archive's route group, so it never competes with CultureCard's site keys.
/// </summary>
public sealed class ArchiveKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    VakkaDb db, IOrganisationDirectory organisations, TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ArchiveKey";
    public const string Header = "X-Api-Key";


    /// <summary>A new random key ("vka_" and 43 URL-safe characters).</summary>
    public static string NewKey() =>
        "vka_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.Count != 1 || string.IsNullOrWhiteSpace(values[0]))
            return AuthenticateResult.NoResult();
        var hash = ApiKeyHash.Of(values[0]!.Trim());
        var key = await db.Set<ClientSystem>().AsNoTracking().FirstOrDefaultAsync(k => k.KeyHash == hash && k.RevokedAt == null, Context.RequestAborted);
        if (key is null) return AuthenticateResult.Fail("Unknown or revoked archive key.");
        if (await organisations.GetAsync(key.OrganisationId, Context.RequestAborted) is not { IsActive: true })
            return AuthenticateResult.Fail("The key's organisation is not active.");

        var now = clock.GetUtcNow().UtcDateTime;
        if (key.LastUsedAt is null || now - key.LastUsedAt > TimeSpan.FromMinutes(1))
            await db.Set<ClientSystem>().Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);

        var identity = new ClaimsIdentity(
        [
            new Claim(ServiceClaims.ApiKey, key.Id.ToString()),
            new Claim(ServiceClaims.Organisation, key.OrganisationId.ToString()),
            new Claim(ServiceClaims.Role, nameof(Role.ArchiveClientSystem)),
            new Claim(ClaimTypes.Name, $"archive:{key.KeyPrefix}"),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
