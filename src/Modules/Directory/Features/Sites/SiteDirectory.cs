using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Vakka.Directory.Domain;
using Vakka.Platform;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;

namespace Vakka.Directory.Features.Sites;

/// <summary>
/// The Directory's answer to <see cref="ISiteDirectory"/>: read-only views of sites and areas. Single sites and areas
/// are remembered for the request (the access check and the handler ask for the same site).
/// </summary>
internal sealed class SiteDirectory(VakkaDb db) : ISiteDirectory
{
    private readonly Dictionary<SiteId, SiteInfo?> siteCache = [];
    private readonly Dictionary<AreaId, AreaInfo?> areaCache = [];

    private static readonly Expression<Func<Site, SiteInfo>> ToInfo =
        s => new SiteInfo(s.Id, s.OrganisationId, s.AreaId, s.Name, s.Type, s.Municipality, s.PostalCode, s.IsActive,
            s.ContactName, s.ContactEmail, s.ContactPhone);

    private IQueryable<Site> Sites => db.Set<Site>().AsNoTracking();

    // Asked on (nearly) every request: compiled once, so EF Core does not translate the expression again each time.
    private static readonly Func<VakkaDb, SiteId, CancellationToken, Task<SiteInfo?>> SiteById = EF.CompileAsyncQuery(
        (VakkaDb db, SiteId id, CancellationToken ct) => db.Set<Site>().AsNoTracking().Where(s => s.Id == id).Select(s =>
            new SiteInfo(s.Id, s.OrganisationId, s.AreaId, s.Name, s.Type, s.Municipality, s.PostalCode, s.IsActive, s.ContactName, s.ContactEmail, s.ContactPhone))
            .FirstOrDefault());
    private static readonly Func<VakkaDb, AreaId, CancellationToken, Task<AreaStanding?>> AreaStandingById = EF.CompileAsyncQuery(
        (VakkaDb db, AreaId id, CancellationToken ct) => db.Set<Area>().AsNoTracking().Where(a => a.Id == id).Select(a => new AreaStanding(a.Id, a.Name, a.IsActive)).FirstOrDefault());

    public async Task<SiteInfo?> GetAsync(SiteId id, CancellationToken ct)
    {
        if (siteCache.TryGetValue(id, out var known)) return known;
        return siteCache[id] = await SiteById(db, id, ct);
    }

    public async Task<IReadOnlyList<SiteInfo>> GetManyAsync(IReadOnlyCollection<SiteId> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await Sites.Where(s => list.Contains(s.Id)).Select(ToInfo).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<SiteInfo>> InAreaAsync(AreaId area, CancellationToken ct) =>
        await Sites.Where(s => s.AreaId == area).OrderBy(s => s.Name).Select(ToInfo).ToListAsync(ct);

    public async Task<IReadOnlyList<SiteInfo>> ActiveOfTypeAsync(SiteType type, CancellationToken ct) =>
        await Sites.Where(s => s.Type == type && s.IsActive).OrderBy(s => s.Name).Select(ToInfo).ToListAsync(ct);

    public async Task<AreaInfo?> AreaAsync(AreaId id, CancellationToken ct)
    {
        if (areaCache.TryGetValue(id, out var known)) return known;
        var area = await db.Set<Area>().AsNoTracking().Include(a => a.Municipalities).FirstOrDefaultAsync(a => a.Id == id, ct);
        return areaCache[id] = area is null ? null
            : new AreaInfo(area.Id, area.Name, area.Municipalities.Select(m => m.Name).Order().ToList(), area.IsActive);
    }

    public async Task<AreaStanding?> AreaStandingAsync(AreaId id, CancellationToken ct)
    {
        if (areaCache.TryGetValue(id, out var known)) return known is null ? null : new AreaStanding(known.Id, known.Name, known.IsActive);
        return await AreaStandingById(db, id, ct);
    }

    public async Task<IReadOnlyList<AreaInfo>> AreasAsync(CancellationToken ct) =>
        (await db.Set<Area>().AsNoTracking().Include(a => a.Municipalities).OrderBy(a => a.Name).ToListAsync(ct))
        .Select(a => new AreaInfo(a.Id, a.Name, a.Municipalities.Select(m => m.Name).Order().ToList(), a.IsActive)).ToList();
}
