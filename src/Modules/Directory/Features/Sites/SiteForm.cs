using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Vakka.Directory.Access;
using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Data;
using Vakka.Platform.Finnish;
using Vakka.Platform.Ids;
using Vakka.Platform.Results;

namespace Vakka.Directory.Features.Sites;

/// <summary>The site form, shared by create and update, and the rules every saved site keeps.</summary>
public sealed class SiteForm
{
    [Required(ErrorMessage = "Validation.Required"), Display(Name = "Directory.Site.Organisation")]
    public OrganisationId? OrganisationId { get; set; }

    [Display(Name = "Directory.Site.Area")]
    public AreaId? AreaId { get; set; }

    [Required(ErrorMessage = "Validation.Required"), StringLength(200, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Directory.Site.Name")]
    public string? Name { get; set; }

    /// <summary>Left empty, the next free service-unit OID under the organisation is given (&lt;organisation&gt;.10.&lt;n&gt;).</summary>
    [Display(Name = "Directory.Site.Oid")]
    public string? Oid { get; set; }

    [Required(ErrorMessage = "Validation.Required"), Display(Name = "Directory.Site.Type")]
    public SiteType? Type { get; set; }

    [Required(ErrorMessage = "Validation.Required"), StringLength(200, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Directory.Site.StreetAddress")]
    public string? StreetAddress { get; set; }

    [Required(ErrorMessage = "Validation.Required"), Display(Name = "Directory.Site.PostalCode")]
    public string? PostalCode { get; set; }

    [Required(ErrorMessage = "Validation.Required"), StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Directory.Site.Municipality")]
    public string? Municipality { get; set; }

    [StringLength(200, ErrorMessage = "Validation.TooLong"), Display(Name = "Directory.Site.ContactName")]
    public string? ContactName { get; set; }

    [Display(Name = "Directory.Site.ContactEmail")]
    public string? ContactEmail { get; set; }

    [StringLength(40, ErrorMessage = "Validation.TooLong"), Display(Name = "Directory.Site.ContactPhone")]
    public string? ContactPhone { get; set; }

    public int Version { get; set; }

    internal sealed record Valid(Oid Oid, PostalCode PostalCode, string? ContactEmail);

    /// <summary>Checks the fields, the organisation and area, OID uniqueness, and that the actor may place a site there.</summary>
    internal async Task<(Validation Validation, Valid? Value)> ValidateAsync(VakkaDb db, AccessControl access, Actor actor,
        SiteId? self, CancellationToken ct)
    {
        var v = new Validation();
        var organisation = OrganisationId is { } orgId
            ? await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId && o.IsActive, ct)
            : null;
        if (organisation is null) v.Add(nameof(OrganisationId), "Directory.Site.OrganisationMissing");

        // An empty OID gets the next free one; the form keeps showing what the user typed (nothing).
        var oidText = string.IsNullOrWhiteSpace(Oid) && organisation is not null ? await NextOidAsync(db, organisation.Oid, ct) : Oid;
        if (!Platform.Finnish.Oid.TryParse(oidText, out var oid, out var oidError)) v.Add(nameof(Oid), oidError);
        else
        {
            var text = oid.Value;
            if (organisation is not null && !oid.IsUnder(Platform.Finnish.Oid.Parse(organisation.Oid)))
                v.Add(nameof(Oid), "Directory.Site.OidNotUnderOrganisation", organisation.Oid);
            else if (await db.Set<Site>().AnyAsync(s => s.Oid == text && (self == null || s.Id != self), ct)
                     || await db.Set<Organisation>().AnyAsync(o => o.Oid == text, ct))
                v.Add(nameof(Oid), "Directory.Oid.Taken");
        }

        if (!Platform.Finnish.PostalCode.TryParse(PostalCode, out var postalCode, out var postalError)) v.Add(nameof(PostalCode), postalError);

        string? email = null;
        if (!string.IsNullOrWhiteSpace(ContactEmail))
        {
            if (EmailAddress.TryParse(ContactEmail, out var parsed, out var emailError)) email = parsed.Value;
            else v.Add(nameof(ContactEmail), emailError);
        }

        if (Type is { } type)
        {
            if (Site.IsNetworkType(type) && AreaId is null) v.Add(nameof(AreaId), "Directory.Site.AreaRequired");
            if (!Site.IsNetworkType(type) && AreaId is not null) v.Add(nameof(AreaId), "Directory.Site.AreaOnlyForNetwork");
        }

        if (AreaId is { } areaId)
        {
            var area = await db.Set<Area>().AsNoTracking().Include(a => a.Municipalities)
                .FirstOrDefaultAsync(a => a.Id == areaId && a.IsActive, ct);
            if (area is null) v.Add(nameof(AreaId), "Directory.Site.AreaMissing");
            else if (!await access.HasAsync(actor, DirectoryAction.CreateSite, areaId.Value, ct))
                v.Add(nameof(AreaId), "Directory.Site.AreaNotYours");
            else if (!string.IsNullOrWhiteSpace(Municipality) &&
                     !area.Municipalities.Any(m => string.Equals(m.Name, Municipality.Trim(), StringComparison.CurrentCultureIgnoreCase)))
                v.Add(nameof(Municipality), "Directory.Site.MunicipalityNotInArea", area.Name);
        }
        else if (!await access.HasAsync(actor, DirectoryAction.CreateSiteWithoutArea, null, ct))
        {
            v.Add(nameof(AreaId), "Directory.Site.AreaRequired");
        }

        return (v, v.IsValid ? new Valid(oid, postalCode, email) : null);
    }

    /// <summary>The next service-unit OID under the organisation: &lt;organisation&gt;.10.&lt;largest n + 1&gt;.</summary>
    internal static async Task<string> NextOidAsync(VakkaDb db, string organisationOid, CancellationToken ct)
    {
        var prefix = organisationOid + ".10.";
        var taken = await db.Set<Site>().Where(s => s.Oid.StartsWith(prefix)).Select(s => s.Oid).ToListAsync(ct);
        var max = taken.Select(o => long.TryParse(o[prefix.Length..], out var n) ? n : 0).DefaultIfEmpty(0).Max();
        return prefix + (max + 1);
    }

    internal void CopyTo(Site site, Valid valid)
    {
        site.OrganisationId = OrganisationId!.Value;
        site.AreaId = AreaId;
        site.Name = Name!.Trim();
        site.Oid = valid.Oid.Value;
        site.Type = Type!.Value;
        site.StreetAddress = StreetAddress!.Trim();
        site.PostalCode = valid.PostalCode.Value;
        site.Municipality = Municipality!.Trim();
        site.ContactName = string.IsNullOrWhiteSpace(ContactName) ? null : ContactName.Trim();
        site.ContactEmail = valid.ContactEmail;
        site.ContactPhone = string.IsNullOrWhiteSpace(ContactPhone) ? null : ContactPhone.Trim();
    }

    internal static SiteForm From(Site s) => new()
    {
        OrganisationId = s.OrganisationId, AreaId = s.AreaId, Name = s.Name, Oid = s.Oid, Type = s.Type,
        StreetAddress = s.StreetAddress, PostalCode = s.PostalCode, Municipality = s.Municipality,
        ContactName = s.ContactName, ContactEmail = s.ContactEmail, ContactPhone = s.ContactPhone, Version = s.Version,
    };
}
