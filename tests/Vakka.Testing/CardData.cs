using Vakka.CultureCard.Domain;
using Vakka.Directory.Domain;
using Vakka.Platform.Ids;

namespace Vakka.Testing;

/// <summary>Kaikukortti rows a test needs: printed card IDs, registered cards, area rules.</summary>
public static class CardData
{
    /// <summary>A batch of new card IDs for the area (as the national coordinator prints them).</summary>
    public static async Task<IReadOnlyList<string>> CodesAsync(VakkaFactory app, Area area, int count = 1)
    {
        var batch = new CardBatch { Id = BatchId.New(), AreaId = area.Id, Kind = BatchKind.New, Size = count, CreatedAt = DateTime.UtcNow };
        var codes = Enumerable.Range(0, count).Select(_ => CardCode.NewCode()).ToList();
        await app.WithDbAsync(async db =>
        {
            db.Add(batch);
            foreach (var code in codes) db.Add(new CardCodeRecord { Code = code, BatchId = batch.Id, AreaId = area.Id });
            await db.SaveChangesAsync();
        });
        return codes;
    }

    /// <summary>A registered personal card issued today at the site (valid a year, two children), adjusted by <paramref name="tweak"/>.</summary>
    public static async Task<Card> CardAsync(VakkaFactory app, Site site, Area area, Action<Card>? tweak = null)
    {
        var code = (await CodesAsync(app, area))[0];
        var today = Vakka.Platform.Finnish.HelsinkiTime.Today(TimeProvider.System);
        var card = new Card
        {
            Id = CardId.New(), Code = code, Type = CardType.Personal, AreaId = area.Id, IssuingSiteId = site.Id,
            IssuedOn = today, ValidUntil = today.AddYears(1).AddDays(-1), Status = CardStatus.Active,
            BirthYear = 1980, PostalCode = "00100", ChildrenCount = 2, CreatedAt = DateTime.UtcNow,
        };
        tweak?.Invoke(card);
        await app.WithDbAsync(async db =>
        {
            db.Add(card);
            db.Add(new CardEvent { Id = Guid.CreateVersion7(), CardId = card.Id, Kind = CardEventKind.Issued, At = DateTime.UtcNow, BySite = site.Id, ValidUntil = card.ValidUntil });
            await db.SaveChangesAsync();
        });
        return card;
    }

    public static async Task<AreaRules> RulesAsync(VakkaFactory app, Area area, Action<AreaRules> tweak)
    {
        var rules = AreaRules.Default(area.Id);
        tweak(rules);
        await app.WithDbAsync(async db => { db.Add(rules); await db.SaveChangesAsync(); });
        return rules;
    }
}
