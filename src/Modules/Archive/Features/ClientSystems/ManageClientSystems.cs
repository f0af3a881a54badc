using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Vakka.Archive.Access;
using Vakka.Archive.Domain;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;
using Vakka.Platform.Results;
using Vakka.Platform.Web;

namespace Vakka.Archive.Features.ClientSystems;

/// <summary>A client-system key as the keys page lists it (never the key itself: only its first characters).</summary>
public sealed record ClientSystemRow(Guid Id, string Name, string Prefix, string? CreatedBy, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt);

public sealed class NewClientSystemForm
{
    public const int MaxNameLength = 100;

    [Required(ErrorMessage = "Validation.Required"), StringLength(MaxNameLength, ErrorMessage = "Validation.TooLong"), Display(Name = "Archive.ClientSystems.Name")]
    public string? Name { get; set; }
}

/// <summary>
/// The archive's client-system keys (ar_client_system) of one organisation: listed, created and revoked on
/// /archive/clientsystems by the organisation's archivists or a system administrator, and created by the operator
/// command <c>archive apikey</c>. A key is random (<see cref="ArchiveKeyHandler.NewKey"/>), shown once when it is created
/// and stored only as its SHA-256 (<see cref="ApiKeyHash"/>) with its first ten characters; a revoked key stops working
/// on the next request (the handler reads the row on every request).
/// </summary>
public sealed class ManageClientSystems(VakkaDb db, IOrganisationDirectory organisations, IAccountDirectory accounts, AccessControl access,
    TimeProvider clock, AuditContext audit)
{
    /// <summary>The organisations whose keys the actor manages (a system administrator: every organisation), by name.</summary>
    public async Task<IReadOnlyList<OrganisationInfo>> OrganisationsAsync(Actor actor, CancellationToken ct)
    {
        var filter = access.Filter(actor, ArchiveAction.ManageClientSystems);
        if (filter.All) return await organisations.ListAsync(ct);
        var mine = new List<OrganisationInfo>();
        foreach (var id in filter.OrganisationIds)
            if (await organisations.GetAsync(new OrganisationId(id), ct) is { } org) mine.Add(org);
        return [.. mine.OrderBy(o => o.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>The organisation's keys, newest first, revoked ones included; the audit row names the organisation.</summary>
    public async Task<IReadOnlyList<ClientSystemRow>> ListAsync(OrganisationId org, CancellationToken ct)
    {
        audit.Target(org.Value);
        var keys = await db.Set<ClientSystem>().AsNoTracking().Where(k => k.OrganisationId == org).OrderByDescending(k => k.CreatedAt).ToListAsync(ct);
        var creators = keys.Where(k => k.CreatedBy is not null).Select(k => k.CreatedBy!.Value.Value).Distinct().ToList();
        IReadOnlyDictionary<Guid, string> names = creators.Count == 0 ? new Dictionary<Guid, string>() : await accounts.UserNamesAsync(creators, ct);
        return [.. keys.Select(k => new ClientSystemRow(k.Id.Value, k.Name, k.KeyPrefix, k.CreatedBy is { } by ? names.GetValueOrDefault(by.Value) : null,
            k.CreatedAt, k.LastUsedAt, k.RevokedAt))];
    }

    /// <summary>
    /// Creates a key for an active organisation and returns it in plain text, the only time it exists in plain text.
    /// The name is required and at most 100 characters (checked here too, for the operator command).
    /// </summary>
    public async Task<Result<string>> CreateAsync(Actor actor, OrganisationId org, NewClientSystemForm form, CancellationToken ct)
    {
        audit.Target(org.Value);
        form.Name = form.Name?.Trim();
        var check = FormValidation.Check(form);
        if (!check.IsValid) return Result<string>.From(check.ToResult());
        if (await organisations.GetAsync(org, ct) is not { } organisation) return Result<string>.From(Result.NotFound());
        if (!organisation.IsActive) return Result<string>.From(Result.Invalid("", "Archive.ClientSystems.OrganisationInactive"));

        var key = ArchiveKeyHandler.NewKey();
        var row = new ClientSystem
        {
            Id = ClientSystemId.New(), OrganisationId = org, Name = form.Name!, KeyPrefix = key[..10], KeyHash = ApiKeyHash.Of(key),
            CreatedBy = actor.AccountId, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(row);
        await db.SaveChangesAsync(ct);
        audit.Target(row.Id.Value);
        return key;
    }

    /// <summary>Revokes the organisation's key at once; a key of another organisation is not found. Revoking twice changes nothing.</summary>
    public async Task<Result> RevokeAsync(OrganisationId org, Guid keyId, CancellationToken ct)
    {
        audit.Target(org.Value).Target(keyId);
        var id = new ClientSystemId(keyId);
        if (!await db.Set<ClientSystem>().AnyAsync(k => k.Id == id && k.OrganisationId == org, ct)) return Result.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<ClientSystem>().Where(k => k.Id == id && k.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), ct);
        return Result.Ok();
    }
}
