using Microsoft.EntityFrameworkCore;
using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;
using Vakka.Platform.Results;

namespace Vakka.Directory.Features.Sites;

public sealed class UpdateSite(VakkaDb db, AccessControl access)
{
    public async Task<Result> HandleAsync(Actor actor, SiteId id, SiteForm form, CancellationToken ct)
    {
        var site = await db.Set<Site>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (site is null) return Result.NotFound();
        var (validation, valid) = await form.ValidateAsync(db, access, actor, id, ct);
        if (valid is null) return validation.ToResult();
        if (site.OrganisationId != form.OrganisationId && await db.Set<Account>().AnyAsync(a => a.SiteId == id, ct))
            return Result.Invalid(nameof(form.OrganisationId), "Directory.Site.OrganisationLocked");

        db.Entry(site).Property(s => s.Version).OriginalValue = form.Version;
        form.CopyTo(site, valid);
        return await db.SaveOrConflictAsync(ct);
    }
}

/// <summary>Sites are never deleted: deactivating one also stops its site accounts from signing in.</summary>
public sealed class SetSiteActive(VakkaDb db)
{
    public async Task<Result> HandleAsync(SiteId id, bool active, CancellationToken ct)
    {
        var site = await db.Set<Site>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (site is null) return Result.NotFound();
        site.IsActive = active;
        return await db.SaveOrConflictAsync(ct);
    }
}
