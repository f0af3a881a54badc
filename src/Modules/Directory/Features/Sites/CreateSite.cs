using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;
using Vakka.Platform.Results;

namespace Vakka.Directory.Features.Sites;

/// <summary>A new actor joins: an admin adds any site; an area coordinator adds distributor, venue and intermediary sites of their area.</summary>
public sealed class CreateSite(VakkaDb db, AccessControl access, TimeProvider clock, AuditContext audit)
{
    public async Task<Result<SiteId>> HandleAsync(Actor actor, SiteForm form, CancellationToken ct)
    {
        var (validation, valid) = await form.ValidateAsync(db, access, actor, null, ct);
        if (valid is null) return Result<SiteId>.From(validation.ToResult());
        var site = new Site { Id = SiteId.New(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        form.CopyTo(site, valid);
        db.Add(site);
        if (await db.SaveOrConflictAsync(ct) is { IsOk: false } lost) return Result<SiteId>.From(lost);
        audit.Target(site.Id.Value);
        return site.Id;
    }
}
