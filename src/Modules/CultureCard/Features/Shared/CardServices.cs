using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Data;
using Vakka.Platform.Finnish;
using Vakka.Platform.Ids;

namespace Vakka.CultureCard.Features.Shared;

/// <summary>An area's Kaikukortti rules: as stored, or the defaults when the area has set none (remembered for the request).</summary>
public sealed class AreaRulesReader(VakkaDb db)
{
    private readonly Dictionary<AreaId, AreaRules> cache = [];

    /// <summary>Asked on every desk request: compiled once.</summary>
    private static readonly Func<VakkaDb, AreaId, CancellationToken, Task<AreaRules?>> RulesOf = EF.CompileAsyncQuery(
        (VakkaDb db, AreaId area, CancellationToken ct) => db.Set<AreaRules>().AsNoTracking().FirstOrDefault(r => r.AreaId == area));

    public async Task<AreaRules> ForAsync(AreaId area, CancellationToken ct)
    {
        if (cache.TryGetValue(area, out var known)) return known;
        return cache[area] = await RulesOf(db, area, ct) ?? AreaRules.Default(area);
    }
}

/// <summary>Appends lines to a card's history, in the caller's unit of work.</summary>
public sealed class CardHistory(VakkaDb db, TimeProvider clock)
{
    public CardEvent Add(CardId card, CardEventKind kind, Actor actor, Action<CardEvent>? details = null)
    {
        var e = new CardEvent
        {
            Id = Guid.CreateVersion7(), CardId = card, Kind = kind, At = clock.GetUtcNow().UtcDateTime,
            ByAccount = actor.AccountId, BySite = actor.SiteId is { } s ? new SiteId(s) : null,
        };
        details?.Invoke(e);
        db.Add(e);
        return e;
    }
}

/// <summary>Today in Finland, the day every Kaikukortti rule counts in.</summary>
public sealed class CardClock(TimeProvider clock)
{
    public DateOnly Today => HelsinkiTime.Today(clock);
    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;
}

/// <summary>
/// Keeps <see cref="Card.FirstUsedOn"/> (the statistics' "taken into use") true with the uses: set on a use before it,
/// read again from the uses when one is cancelled. Single statements in the caller's transaction.
/// </summary>
public static class CardFirstUse
{
    /// <summary>
    /// A use on <paramref name="day"/> was recorded for the card (as loaded for the use): nothing to write when its first
    /// use is already that day or earlier, as for most uses; otherwise one guarded update.
    /// </summary>
    public static Task RecordedAsync(VakkaDb db, Card card, DateOnly day, CancellationToken ct) =>
        card.FirstUsedOn <= day ? Task.CompletedTask
            : db.Set<Card>().Where(c => c.Id == card.Id && (c.FirstUsedOn == null || c.FirstUsedOn > day))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.FirstUsedOn, day), ct);

    public static Task RecomputeAsync(VakkaDb db, CardId card, CancellationToken ct) => Recompute(db, db.Set<Card>().Where(c => c.Id == card), ct);

    /// <summary>
    /// Every card that has uses, in one set-based statement (after generated data is loaded; millions of cards take
    /// seconds, where a subquery per card would take minutes). Cards without uses are left as they are.
    /// </summary>
    public static Task RecomputeAllAsync(VakkaDb db, CancellationToken ct) => db.Database.ExecuteSqlRawAsync(
        """
        UPDATE cc_card SET first_used_on = m.first_use
        FROM (SELECT card_id, MIN(use_date) AS first_use FROM cc_use WHERE cancelled_at IS NULL GROUP BY card_id) AS m
        WHERE cc_card.id = m.card_id
        """, ct);

    private static Task Recompute(VakkaDb db, IQueryable<Card> cards, CancellationToken ct) =>
        cards.ExecuteUpdateAsync(s => s.SetProperty(c => c.FirstUsedOn,
            c => db.Set<CardUse>().Where(u => u.CardId == c.Id && u.CancelledAt == null).Min(u => (DateOnly?)u.UseDate)), ct);
}
