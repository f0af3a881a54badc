using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.CultureCard.Features.Desk;
using Vakka.Platform.Data;
using Vakka.Platform.Results;

namespace Vakka.CultureCard.Features.Events;

/// <summary>
/// Cancels an event of the desk's venue: it leaves the desk's list and takes no more tickets. Uses already recorded
/// for it stay (each can be cancelled at the desk on its own day).
/// </summary>
public sealed class CancelEvent(VakkaDb db)
{
    public async Task<Result> HandleAsync(DeskSite desk, EventId id, CancellationToken ct)
    {
        var venueEvent = await db.Set<VenueEvent>().FirstOrDefaultAsync(e => e.Id == id && e.SiteId == desk.Id, ct);
        if (venueEvent is null) return Result.NotFound();
        if (venueEvent.IsCancelled) return Result.Invalid("", "CultureCard.Events.IsCancelled");
        venueEvent.IsCancelled = true;
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }
}
