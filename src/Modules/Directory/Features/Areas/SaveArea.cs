using Microsoft.EntityFrameworkCore;
using Vakka.Directory.Domain;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;
using Vakka.Platform.Results;

namespace Vakka.Directory.Features.Areas;

public sealed class GetArea(VakkaDb db)
{
    public async Task<AreaForm?> HandleAsync(AreaId id, CancellationToken ct)
    {
        var area = await db.Set<Area>().AsNoTracking().Include(a => a.Municipalities).FirstOrDefaultAsync(a => a.Id == id, ct);
        return area is null ? null : new AreaForm
        {
            Name = area.Name,
            Municipalities = string.Join('\n', area.Municipalities.Select(m => m.Name).Order(StringComparer.CurrentCulture)),
            Version = area.Version,
        };
    }
}

public sealed class CreateArea(VakkaDb db, TimeProvider clock, AuditContext audit)
{
    public async Task<Result<AreaId>> HandleAsync(AreaForm form, CancellationToken ct)
    {
        var (v, municipalities) = await form.ValidateAsync(db, null, ct);
        if (!v.IsValid) return Result<AreaId>.From(v.ToResult());
        var id = AreaId.New();
        db.Add(new Area
        {
            Id = id,
            Name = form.Name!.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Municipalities = municipalities.Select(m => new AreaMunicipality { AreaId = id, Name = m }).ToList(),
        });
        if (await db.SaveOrConflictAsync(ct) is { IsOk: false } lost) return Result<AreaId>.From(lost);
        audit.Target(id.Value);
        return id;
    }
}

public sealed class UpdateArea(VakkaDb db)
{
    public async Task<Result> HandleAsync(AreaId id, AreaForm form, CancellationToken ct)
    {
        var area = await db.Set<Area>().Include(a => a.Municipalities).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (area is null) return Result.NotFound();
        var (v, municipalities) = await form.ValidateAsync(db, id, ct);
        if (!v.IsValid) return v.ToResult();

        db.Entry(area).Property(a => a.Version).OriginalValue = form.Version;
        area.Name = form.Name!.Trim();
        area.Municipalities.RemoveAll(m => !municipalities.Contains(m.Name, StringComparer.CurrentCultureIgnoreCase));
        foreach (var m in municipalities.Where(m => !area.Municipalities.Any(x => string.Equals(x.Name, m, StringComparison.CurrentCultureIgnoreCase))))
            area.Municipalities.Add(new AreaMunicipality { AreaId = id, Name = m });
        db.Entry(area).State = EntityState.Modified; // a change to the list alone still bumps the version
        return await db.SaveOrConflictAsync(ct);
    }
}
