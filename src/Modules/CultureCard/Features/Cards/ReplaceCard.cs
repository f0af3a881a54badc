using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.CultureCard.Features.Shared;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;
using Vakka.Platform.Results;

namespace Vakka.CultureCard.Features.Cards;

/// <summary>
/// A lost card is replaced by a new printed ID: the old card ends (reason: replaced), the new one carries the same
/// holder data and validity, and its page shows the old card's history too.
/// </summary>
public sealed class ReplaceCard(VakkaDb db, CardHistory history, CardClock clock, AuditContext audit)
{
    public async Task<Result<CardId>> HandleAsync(Actor actor, CardId id, string? newCode, int version, CancellationToken ct)
    {
        var old = await db.Set<Card>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (old is null) return Result<CardId>.From(Result.NotFound());
        if (old.Status == CardStatus.Ended) return Result<CardId>.From(Result.Invalid("", "CultureCard.Card.AlreadyEnded"));
        var code = await CardCodeCheck.ForRegistrationAsync(db, newCode, ct);
        if (code.ErrorKey is { } error) return Result<CardId>.From(Result.Invalid("NewCode", error));
        if (code.Printed!.AreaId != old.AreaId) return Result<CardId>.From(Result.Invalid("NewCode", "CultureCard.Card.PrintedForAnotherArea"));

        var today = clock.Today;
        var replacement = new Card
        {
            Id = CardId.New(), Code = code.Code, Type = old.Type, AreaId = old.AreaId, IssuingSiteId = old.IssuingSiteId,
            IssuedOn = today, ValidUntil = old.ValidUntil < today ? today : old.ValidUntil, Status = CardStatus.Active,
            BirthYear = old.BirthYear, PostalCode = old.PostalCode, ChildrenCount = old.ChildrenCount, Gender = old.Gender,
            LifeSituationId = old.LifeSituationId, GroupSize = old.GroupSize, ReplacesCardId = old.Id, CreatedAt = clock.UtcNow,
        };
        db.Entry(old).Property(c => c.Version).OriginalValue = version;
        old.End(today, EndReason.Replaced);
        old.ReplacedByCardId = replacement.Id;
        db.Add(replacement);
        history.Add(old.Id, CardEventKind.Replaced, actor, e => { e.OtherCardId = replacement.Id; e.EndReason = EndReason.Replaced; });
        history.Add(replacement.Id, CardEventKind.Issued, actor, e => { e.OtherCardId = old.Id; e.ValidUntil = replacement.ValidUntil; });
        var saved = await db.SaveOrConflictAsync(ct);
        if (!saved.IsOk)
            return Result<CardId>.From(saved.Errors.Any(e => e.Key == "Validation.Duplicate") ? Result.Invalid("NewCode", "CultureCard.Card.AlreadyRegistered") : saved);
        audit.Subject(replacement.Id.Value);
        return replacement.Id;
    }
}
