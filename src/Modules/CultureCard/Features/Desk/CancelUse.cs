using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.CultureCard.Features.Shared;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;
using Vakka.Platform.Results;

namespace Vakka.CultureCard.Features.Desk;

/// <summary>
/// Cancels a use on the day it was recorded, by the venue or by the ticket intermediary that recorded it, with a reason
/// from the list (never free text). The use stays in the register, marked cancelled, and no longer counts anywhere; the card's history gets a line.
/// </summary>
public sealed class CancelUse(VakkaDb db, CardHistory history, CardClock clock, AuditContext audit)
{
    public async Task<Result> HandleAsync(Actor actor, UseId id, CancelReason? reason, CancellationToken ct)
    {
        var use = await db.Set<CardUse>().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (use is null) return Result.NotFound();
        // The declaration already checked; kept as a rule: the venue, or the intermediary whose desk recorded the use.
        if (actor.SiteId != use.VenueSiteId.Value && actor.SiteId != use.DeskSiteId.Value) return Result.Forbidden();
        audit.Subject(use.CardId.Value);
        if (reason is not { } why || !Enum.IsDefined(why)) return Result.Invalid("Reason", "CultureCard.Desk.CancelReasonRequired");

        var cancelled = DeskRules.Cancel(use, clock.UtcNow, actor.AccountId, why);
        if (!cancelled.IsOk) return cancelled;
        history.Add(use.CardId, CardEventKind.UseCancelled, actor, e => e.UseId = use.Id);
        await db.SaveChangesAsync(ct);
        await CardFirstUse.RecomputeAsync(db, use.CardId, ct);
        return Result.Ok();
    }
}
