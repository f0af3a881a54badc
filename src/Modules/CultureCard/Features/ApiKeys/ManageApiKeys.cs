using Vakka.Platform.Web;
using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;
using Vakka.Platform.Results;

namespace Vakka.CultureCard.Features.ApiKeys;

public sealed record ApiKeyRow(Guid Id, string Name, string Prefix, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt);

public sealed class NewApiKeyForm
{
    [Required(ErrorMessage = "Validation.Required"), StringLength(100, ErrorMessage = "Validation.TooLong"), Display(Name = "CultureCard.ApiKeys.Name")]
    public string? Name { get; set; }
}

/// <summary>
/// API keys of venues and ticket intermediaries, created and revoked by the area coordinator. The key is shown once,
/// when it is created; only its SHA-256 hash and a short prefix are kept.
/// </summary>
public sealed class ManageApiKeys(VakkaDb db, ISiteDirectory sites, TimeProvider clock, AuditContext audit)
{
    public async Task<IReadOnlyList<ApiKeyRow>> ListAsync(SiteId site, CancellationToken ct) =>
        await db.Set<ApiKey>().AsNoTracking().Where(k => k.SiteId == site).OrderByDescending(k => k.CreatedAt)
            .Select(k => new ApiKeyRow(k.Id, k.Name, k.Prefix, k.CreatedAt, k.LastUsedAt, k.RevokedAt)).ToListAsync(ct);

    /// <summary>Creates a key and returns it in plain text, the only time it exists in plain text.</summary>
    public async Task<Result<string>> CreateAsync(Actor actor, SiteId siteId, NewApiKeyForm form, CancellationToken ct)
    {
        var site = await sites.GetAsync(siteId, ct);
        if (site is null) return Result<string>.From(Result.NotFound());
        if (site.Type is not (SiteType.Venue or SiteType.TicketIntermediary) || !site.IsActive)
            return Result<string>.From(Result.Invalid("Name", "CultureCard.ApiKeys.SiteCannotUseApi"));
        var key = "vk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var row = new ApiKey
        {
            Id = Guid.CreateVersion7(), SiteId = siteId, Name = form.Name!.Trim(), Prefix = key[..10], Hash = ApiKeyHash.Of(key),
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.AccountId,
        };
        db.Add(row);
        await db.SaveChangesAsync(ct);
        audit.Target(row.Id);
        return key;
    }

    public async Task<Result> RevokeAsync(SiteId siteId, Guid keyId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var revoked = await db.Set<ApiKey>().Where(k => k.Id == keyId && k.SiteId == siteId && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), ct);
        audit.Target(keyId);
        return revoked == 1 ? Result.Ok() : Result.NotFound();
    }
}
