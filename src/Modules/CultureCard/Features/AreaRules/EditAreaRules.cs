using Microsoft.EntityFrameworkCore;
using Vakka.Platform;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;
using Vakka.Platform.Results;
using Vakka.CultureCard.Domain;

// The namespace is not "AreaRules": that would hide the Domain type AreaRules from every file under Features.
namespace Vakka.CultureCard.Features.AreaRuleSettings;

/// <summary>An area's rules for the edit form: as stored, or the defaults when the area has set none (version 0).</summary>
public sealed class GetAreaRules(VakkaDb db, ISiteDirectory sites)
{
    public async Task<(AreaInfo Area, AreaRulesForm Form)?> HandleAsync(AreaId areaId, CancellationToken ct)
    {
        if (await sites.AreaAsync(areaId, ct) is not { } area) return null;
        var rules = await db.Set<AreaRules>().AsNoTracking().FirstOrDefaultAsync(r => r.AreaId == areaId, ct)
                    ?? AreaRules.Default(areaId);
        return (area, AreaRulesForm.From(rules));
    }
}

/// <summary>
/// Saves an area's rules. The form carries the version it was read at: if someone saved the rules in between, the save
/// is refused and the user is asked to check them again (the first save of an area's rules creates the row).
/// The new rules apply to what is done from now on; cards already issued keep the validity they were given.
/// </summary>
public sealed class UpdateAreaRules(VakkaDb db, ISiteDirectory sites)
{
    public async Task<Result> HandleAsync(AreaId areaId, AreaRulesForm form, CancellationToken ct)
    {
        if (await sites.AreaAsync(areaId, ct) is null) return Result.NotFound();
        var rules = await db.Set<AreaRules>().FirstOrDefaultAsync(r => r.AreaId == areaId, ct);
        var isNew = rules is null;
        if (isNew && form.Version != 0) return Result.Conflict();
        rules ??= AreaRules.Default(areaId);

        var v = form.ApplyTo(rules);
        if (!v.IsValid) return v.ToResult();

        if (isNew)
        {
            rules.Version = 1; // a stored row is never at version 0, which the form of the defaults carries
            db.Add(rules);
        }
        else
        {
            db.Entry(rules).Property(r => r.Version).OriginalValue = form.Version;
            db.Entry(rules).State = EntityState.Modified; // saving unchanged values still proves the version was current
        }
        var saved = await db.SaveOrConflictAsync(ct);
        // Two first saves of the same area at once meet the primary key: for the user that is the same lost race.
        return saved.Kind == ResultKind.Conflict ? Result.Conflict() : saved;
    }
}
