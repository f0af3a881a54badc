using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.Platform.Data;
using Vakka.Platform.Results;

namespace Vakka.CultureCard.Features.LifeSituations;

/// <summary>Adds an entry at the end of the list (or where its order puts it). The code is unique and kebab-case.</summary>
public sealed class AddLifeSituation(VakkaDb db)
{
    public async Task<Result<int>> HandleAsync(LifeSituationForm form, CancellationToken ct)
    {
        var v = form.Validate(out var order);
        var code = form.Code?.Trim() ?? "";
        if (code.Length == 0) v.Add(nameof(LifeSituationForm.Code), "Validation.Required");
        else if (!LifeSituationForm.IsKebabCase(code)) v.Add(nameof(LifeSituationForm.Code), "CultureCard.LifeSituations.Code.Format");
        else if (await db.Set<LifeSituation>().AnyAsync(l => l.Code == code, ct)) v.Add(nameof(LifeSituationForm.Code), "CultureCard.LifeSituations.Code.Taken");
        if (!v.IsValid) return Result<int>.From(v.ToResult());

        // Ids are small numbers kept by old cards; two additions at the same moment meet the primary key and one is told.
        var id = (await db.Set<LifeSituation>().MaxAsync(l => (int?)l.Id, ct) ?? 0) + 1;
        db.Add(new LifeSituation
        {
            Id = id, Code = code, NameFi = form.NameFi!.Trim(), NameSv = form.NameSv!.Trim(), NameEn = form.NameEn!.Trim(),
            Order = order, IsActive = form.IsActive,
        });
        if (await db.SaveOrConflictAsync(ct) is { IsOk: false } lost) return Result<int>.From(lost);
        return id;
    }
}
