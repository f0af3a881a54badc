using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Vakka.Directory.Domain;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;
using Vakka.Platform.Finnish;
using Vakka.Platform.Ids;
using Vakka.Platform.Results;

namespace Vakka.Directory.Features.Organisations;

/// <summary>The organisation form, shared by create and update.</summary>
public sealed class OrganisationForm
{
    [Required(ErrorMessage = "Validation.Required"), StringLength(200, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Directory.Organisation.Name")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Directory.Organisation.BusinessId")]
    public string? BusinessId { get; set; }

    /// <summary>Left empty, the OID is derived from the Y-tunnus as JHS 159 does: 1.2.246.10.&lt;digits, leading zero dropped&gt;.</summary>
    [Display(Name = "Directory.Organisation.Oid")]
    public string? Oid { get; set; }

    public int Version { get; set; }

    internal async Task<(Validation Validation, BusinessId BusinessId, Oid Oid)> ValidateAsync(VakkaDb db, OrganisationId? self, CancellationToken ct)
    {
        var v = new Validation();
        if (!Platform.Finnish.BusinessId.TryParse(BusinessId, out var businessId, out var bidError)) v.Add(nameof(BusinessId), bidError);
        // An empty OID is derived; the form keeps showing what the user typed (nothing).
        var oidText = string.IsNullOrWhiteSpace(Oid) ? (v.IsValid ? DeriveOid(businessId) : null) : Oid;
        Oid parsed = default;
        if (oidText is null) { if (v.IsValid) v.Add(nameof(Oid), "Validation.Required"); }
        else if (!Platform.Finnish.Oid.TryParse(oidText, out parsed, out var oidError)) v.Add(nameof(Oid), oidError);
        else
        {
            var text = parsed.Value;
            if (await db.Set<Organisation>().AnyAsync(o => o.Oid == text && (self == null || o.Id != self), ct)
                || await db.Set<Site>().AnyAsync(s => s.Oid == text, ct))
                v.Add(nameof(Oid), "Directory.Oid.Taken");
        }
        return (v, businessId, parsed);
    }

    /// <summary>JHS 159: the organisation's node is 1.2.246.10 followed by the Y-tunnus digits without the hyphen and leading zero.</summary>
    public static string DeriveOid(BusinessId businessId) =>
        "1.2.246.10." + businessId.Value.Replace("-", "").TrimStart('0');
}

public sealed record OrganisationRow(OrganisationId Id, string Name, string BusinessId, string Oid, bool IsActive, int SiteCount);

public sealed class ListOrganisations(VakkaDb db)
{
    public async Task<IReadOnlyList<OrganisationRow>> HandleAsync(string? search, CancellationToken ct)
    {
        var q = db.Set<Organisation>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim().ToLower();
            q = q.Where(o => o.Name.ToLower().Contains(s) || o.BusinessId.Contains(s) || o.Oid.Contains(s));
        }
        return await q.OrderBy(o => o.Name)
            .Select(o => new OrganisationRow(o.Id, o.Name, o.BusinessId, o.Oid, o.IsActive,
                db.Set<Site>().Count(s => s.OrganisationId == o.Id)))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<(OrganisationId Id, string Name)>> ChoicesAsync(CancellationToken ct) =>
        (await db.Set<Organisation>().AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct))
        .Select(o => (o.Id, o.Name)).ToList();
}

public sealed class GetOrganisation(VakkaDb db)
{
    public async Task<(OrganisationForm Form, bool IsActive)?> HandleAsync(OrganisationId id, CancellationToken ct)
    {
        var o = await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return o is null ? null : (new OrganisationForm { Name = o.Name, BusinessId = o.BusinessId, Oid = o.Oid, Version = o.Version }, o.IsActive);
    }
}

public sealed class CreateOrganisation(VakkaDb db, TimeProvider clock, AuditContext audit)
{
    public async Task<Result<OrganisationId>> HandleAsync(OrganisationForm form, CancellationToken ct)
    {
        var (v, businessId, oid) = await form.ValidateAsync(db, null, ct);
        if (!v.IsValid) return Result<OrganisationId>.From(v.ToResult());
        var organisation = new Organisation
        {
            Id = OrganisationId.New(),
            Name = form.Name!.Trim(),
            BusinessId = businessId.Value,
            Oid = oid.Value,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(organisation);
        if (await db.SaveOrConflictAsync(ct) is { IsOk: false } lost) return Result<OrganisationId>.From(lost);
        audit.Target(organisation.Id.Value);
        return organisation.Id;
    }
}

public sealed class UpdateOrganisation(VakkaDb db)
{
    public async Task<Result> HandleAsync(OrganisationId id, OrganisationForm form, CancellationToken ct)
    {
        var organisation = await db.Set<Organisation>().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null) return Result.NotFound();
        var (v, businessId, oid) = await form.ValidateAsync(db, id, ct);
        if (!v.IsValid) return v.ToResult();
        if (organisation.Oid != oid.Value && await db.Set<Site>().AnyAsync(s => s.OrganisationId == id, ct))
            return Result.Invalid(nameof(form.Oid), "Directory.Organisation.OidLocked");

        db.Entry(organisation).Property(o => o.Version).OriginalValue = form.Version;
        organisation.Name = form.Name!.Trim();
        organisation.BusinessId = businessId.Value;
        organisation.Oid = oid.Value;
        return await db.SaveOrConflictAsync(ct);
    }
}

/// <summary>Organisations are never deleted: they are deactivated (and can be activated again).</summary>
public sealed class SetOrganisationActive(VakkaDb db)
{
    public async Task<Result> HandleAsync(OrganisationId id, bool active, CancellationToken ct)
    {
        var organisation = await db.Set<Organisation>().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null) return Result.NotFound();
        organisation.IsActive = active;
        return await db.SaveOrConflictAsync(ct);
    }
}
