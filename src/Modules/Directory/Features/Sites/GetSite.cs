using Microsoft.EntityFrameworkCore;
using Vakka.Directory.Domain;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;

namespace Vakka.Directory.Features.Sites;

public sealed record SiteAccountRow(Guid Id, string UserName, string DisplayName, bool IsActive);

public sealed record SiteDetails(SiteId Id, SiteForm Form, string OrganisationName, string? AreaName, bool IsActive,
    IReadOnlyList<SiteAccountRow> Accounts);

public sealed class GetSite(VakkaDb db)
{
    public async Task<SiteDetails?> HandleAsync(SiteId id, CancellationToken ct)
    {
        var site = await db.Set<Site>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (site is null) return null;
        var organisation = await db.Set<Organisation>().AsNoTracking().Where(o => o.Id == site.OrganisationId).Select(o => o.Name).FirstAsync(ct);
        var area = site.AreaId is { } areaId
            ? await db.Set<Area>().AsNoTracking().Where(a => a.Id == areaId).Select(a => a.Name).FirstOrDefaultAsync(ct)
            : null;
        var accounts = await db.Set<Account>().AsNoTracking().Where(a => a.SiteId == id).OrderBy(a => a.UserName)
            .Select(a => new SiteAccountRow(a.Id, a.UserName!, a.DisplayName, a.IsActive)).ToListAsync(ct);
        return new SiteDetails(site.Id, SiteForm.From(site), organisation, area, site.IsActive, accounts);
    }
}
