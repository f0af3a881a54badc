using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.Platform.Data;
using Vakka.Platform.Results;

namespace Vakka.CultureCard.Features.LifeSituations;

public sealed class GetLifeSituation(VakkaDb db)
{
    public async Task<(LifeSituationForm Form, LifeSituationRow Row)?> HandleAsync(int id, CancellationToken ct)
    {
        var l = await db.Set<LifeSituation>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (l is null) return null;
        return (new LifeSituationForm
        {
            Code = l.Code, NameFi = l.NameFi, NameSv = l.NameSv, NameEn = l.NameEn,
            Order = l.Order.ToString(System.Globalization.CultureInfo.InvariantCulture), IsActive = l.IsActive,
        }, new LifeSituationRow(l.Id, l.Code, l.NameFi, l.NameSv, l.NameEn, l.Order, l.IsActive));
    }
}

/// <summary>
/// Changes an entry's names, order and active flag. The code never changes (statistics and old cards refer to the
/// entry), and an entry is never deleted: deactivated, it is no longer offered for new cards. The table keeps no
/// version, so of two people editing the same entry the later save wins (a short code list, one national coordinator).
/// </summary>
public sealed class UpdateLifeSituation(VakkaDb db)
{
    public async Task<Result> HandleAsync(int id, LifeSituationForm form, CancellationToken ct)
    {
        var entry = await db.Set<LifeSituation>().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (entry is null) return Result.NotFound();
        var v = form.Validate(out var order);
        if (!v.IsValid) return v.ToResult();

        entry.NameFi = form.NameFi!.Trim();
        entry.NameSv = form.NameSv!.Trim();
        entry.NameEn = form.NameEn!.Trim();
        entry.Order = order;
        entry.IsActive = form.IsActive;
        return await db.SaveOrConflictAsync(ct);
    }
}
