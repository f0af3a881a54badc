using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.CultureCard.Features.Shared;
using Vakka.Platform.Access;
using Vakka.Platform.Data;
using Vakka.Platform.Results;

namespace Vakka.CultureCard.Features.Cards;

/// <summary>Renews a card for the area's validity period (from today, or from the old end when it is still valid).</summary>
public sealed class ExtendCard(VakkaDb db, AreaRulesReader rulesReader, CardHistory history, CardClock clock)
{
    public async Task<Result> HandleAsync(Actor actor, CardId id, int version, CancellationToken ct)
    {
        var card = await db.Set<Card>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (card is null) return Result.NotFound();
        db.Entry(card).Property(c => c.Version).OriginalValue = version;
        var extended = card.Extend(clock.Today, await rulesReader.ForAsync(card.AreaId, ct));
        if (!extended.IsOk) return extended;
        history.Add(card.Id, CardEventKind.Extended, actor, e => e.ValidUntil = card.ValidUntil);
        return await db.SaveOrConflictAsync(ct);
    }
}

/// <summary>Takes a card out of use (lost, misuse, moved away, deceased, other). It stays in the register.</summary>
public sealed class EndCard(VakkaDb db, CardHistory history, CardClock clock)
{
    public async Task<Result> HandleAsync(Actor actor, CardId id, EndReason? reason, int version, CancellationToken ct)
    {
        if (reason is not { } why || why == EndReason.Replaced) return Result.Invalid("Reason", "Validation.Required");
        var card = await db.Set<Card>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (card is null) return Result.NotFound();
        db.Entry(card).Property(c => c.Version).OriginalValue = version;
        var ended = card.End(clock.Today, why);
        if (!ended.IsOk) return ended;
        history.Add(card.Id, CardEventKind.Ended, actor, e => e.EndReason = why);
        return await db.SaveOrConflictAsync(ct);
    }
}
