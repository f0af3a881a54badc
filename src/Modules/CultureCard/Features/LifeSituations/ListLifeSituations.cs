using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.Platform.Data;

namespace Vakka.CultureCard.Features.LifeSituations;

/// <summary>The whole life-situation list in its order, the deactivated entries too (they stay in old cards' data).</summary>
public sealed class ListLifeSituations(VakkaDb db)
{
    public async Task<IReadOnlyList<LifeSituationRow>> HandleAsync(CancellationToken ct) =>
        await db.Set<LifeSituation>().AsNoTracking().OrderBy(l => l.Order).ThenBy(l => l.Id)
            .Select(l => new LifeSituationRow(l.Id, l.Code, l.NameFi, l.NameSv, l.NameEn, l.Order, l.IsActive))
            .ToListAsync(ct);
}
