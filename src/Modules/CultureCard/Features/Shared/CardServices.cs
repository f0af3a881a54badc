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

    public async Task<AreaRules> ForAsync(AreaId area, CancellationToken ct)
    {
        if (cache.TryGetValue(area, out var known)) return known;
        return cache[area] = await db.Set<AreaRules>().AsNoTracking().FirstOrDefaultAsync(r => r.AreaId == area, ct) ?? AreaRules.Default(area);
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
