using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.CultureCard.Features.Shared;
using Vakka.Platform.Access;
using Vakka.Platform.Data;
using Vakka.Platform.Results;

namespace Vakka.CultureCard.Features.Cards;

public sealed class ChangeCardForm : HolderForm
{
    public int Version { get; set; }

    public static ChangeCardForm From(Card c) => new()
    {
        Type = c.Type, BirthYear = c.BirthYear, PostalCode = c.PostalCode, ChildrenCount = c.ChildrenCount, Gender = c.Gender,
        LifeSituationId = c.LifeSituationId, GroupSize = c.GroupSize, Version = c.Version,
    };
}

/// <summary>Corrects the holder's statistics fields (a new child, a move). The card's type and ID stay.</summary>
public sealed class ChangeCard(VakkaDb db, AreaRulesReader rulesReader, CardHistory history, CardClock clock)
{
    public async Task<Result> HandleAsync(Actor actor, CardId id, ChangeCardForm form, CancellationToken ct)
    {
        var card = await db.Set<Card>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (card is null) return Result.NotFound();
        if (card.Status == CardStatus.Ended) return Result.Invalid("", "CultureCard.Card.AlreadyEnded");
        form.Type = card.Type;
        var (v, postal) = await form.ValidateHolderAsync(db, await rulesReader.ForAsync(card.AreaId, ct), clock.Today.Year, ct);
        if (!v.IsValid) return v.ToResult();
        db.Entry(card).Property(c => c.Version).OriginalValue = form.Version;
        form.CopyTo(card, postal);
        history.Add(card.Id, CardEventKind.Changed, actor);
        return await db.SaveOrConflictAsync(ct);
    }
}
