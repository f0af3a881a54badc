using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.Platform;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;

namespace Vakka.CultureCard.Features.Cards;

public enum CardState { Valid, NotYetValid, Expired, Ended }

public sealed record TimelineEntry(DateTime At, CardEventKind Kind, string Code, string? SiteName, DateOnly? ValidUntil, EndReason? EndReason,
    string? EventName, DateOnly? UseDate, int Adults, int Children, int Assistants, bool Cancelled);

public sealed record CardDetails(Card Card, CardState State, string IssuingSiteName, string? LifeSituation, string? ReplacesCode,
    string? ReplacedByCode, int UseCount, IReadOnlyList<TimelineEntry> Timeline);

/// <summary>The card page: status, validity, holder statistics and the whole history, including a replaced card's.</summary>
public sealed class GetCard(VakkaDb db, ISiteDirectory sites)
{
    public static CardState StateOf(Card card, DateOnly today) =>
        card.Status == CardStatus.Ended ? CardState.Ended
        : today < card.IssuedOn ? CardState.NotYetValid
        : today > card.ValidUntil ? CardState.Expired
        : CardState.Valid;

    public async Task<CardDetails?> HandleAsync(CardId id, DateOnly today, string language, CancellationToken ct)
    {
        var card = await db.Set<Card>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (card is null) return null;

        // The history follows the chain of replaced cards backwards.
        var chain = new List<Card> { card };
        while (chain[^1].ReplacesCardId is { } previous && chain.Count < 20
               && await db.Set<Card>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == previous, ct) is { } older)
            chain.Add(older);
        var ids = chain.Select(c => c.Id).ToList();
        var codes = chain.ToDictionary(c => c.Id, c => c.Code);

        var events = await db.Set<CardEvent>().AsNoTracking().Where(e => ids.Contains(e.CardId)).ToListAsync(ct);
        var useIds = events.Where(e => e.UseId != null).Select(e => e.UseId!.Value).Distinct().ToList();
        var uses = await db.Set<CardUse>().AsNoTracking().Where(u => useIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var siteIds = events.Where(e => e.BySite != null).Select(e => e.BySite!.Value)
            .Concat(uses.Values.Select(u => u.VenueSiteId)).Append(card.IssuingSiteId).Distinct().ToList();
        var siteNames = (await sites.GetManyAsync(siteIds, ct)).ToDictionary(s => s.Id, s => s.Name);

        var timeline = events.OrderByDescending(e => e.At).Select(e =>
        {
            var use = e.UseId is { } u ? uses.GetValueOrDefault(u) : null;
            var siteId = use?.VenueSiteId ?? e.BySite;
            return new TimelineEntry(e.At, e.Kind, CardCode.Display(codes[e.CardId]),
                siteId is { } s ? siteNames.GetValueOrDefault(s) : null, e.ValidUntil, e.EndReason,
                use?.EventName, use?.UseDate, use?.AdultTickets ?? 0, use?.ChildTickets ?? 0, use?.AssistantTickets ?? 0, use?.IsCancelled ?? false);
        }).ToList();

        var lifeSituation = card.LifeSituationId is { } ls
            ? (await db.Set<LifeSituation>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == ls, ct))?.Name(language) : null;
        var replacesCode = card.ReplacesCardId is { } r ? codes.GetValueOrDefault(r) : null;
        var replacedByCode = card.ReplacedByCardId is { } rb
            ? await db.Set<Card>().Where(c => c.Id == rb).Select(c => c.Code).FirstOrDefaultAsync(ct) : null;
        var useCount = await db.Set<CardUse>().CountAsync(u => ids.Contains(u.CardId) && u.CancelledAt == null, ct);
        return new CardDetails(card, StateOf(card, today), siteNames.GetValueOrDefault(card.IssuingSiteId, "–"), lifeSituation,
            replacesCode, replacedByCode, useCount, timeline);
    }
}
