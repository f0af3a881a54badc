using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Access;
using Vakka.CultureCard.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;

namespace Vakka.CultureCard.Features.Cards;

public sealed record CardRow(CardId Id, string Code, CardType Type, DateOnly IssuedOn, DateOnly ValidUntil, CardStatus Status, SiteId IssuingSiteId, int Uses);

/// <summary>A distributor site's own cards; an area coordinator's whole area; the national coordinator everything.</summary>
public sealed class ListCards(VakkaDb db, AccessControl access)
{
    public sealed record Query(string? Code, CardStatus? Status, int Page = 0);
    public const int PageSize = 100;

    public async Task<IReadOnlyList<CardRow>> HandleAsync(Actor actor, Query query, CancellationToken ct)
    {
        var filter = access.Filter(actor, CultureCardAction.ListCards);
        if (filter.IsEmpty) return [];
        var cards = db.Set<Card>().AsNoTracking();
        if (!filter.All)
        {
            var siteIds = filter.SiteIds.Select(SiteId.From).ToList();
            var areaIds = filter.AreaIds.Select(AreaId.From).ToList();
            cards = cards.Where(c => siteIds.Contains(c.IssuingSiteId) || areaIds.Contains(c.AreaId));
        }
        if (!string.IsNullOrWhiteSpace(query.Code))
        {
            var code = CardCode.Normalise(query.Code);
            cards = cards.Where(c => c.Code.StartsWith(code));
        }
        if (query.Status is { } status) cards = cards.Where(c => c.Status == status);
        return await cards.OrderByDescending(c => c.IssuedOn).ThenBy(c => c.Code)
            .Skip(Math.Max(0, query.Page) * PageSize).Take(PageSize)
            .Select(c => new CardRow(c.Id, c.Code, c.Type, c.IssuedOn, c.ValidUntil, c.Status, c.IssuingSiteId,
                db.Set<CardUse>().Count(u => u.CardId == c.Id && u.CancelledAt == null)))
            .ToListAsync(ct);
    }
}
