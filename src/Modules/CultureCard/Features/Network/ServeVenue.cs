using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.CultureCard.Features.Shared;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;
using Vakka.Platform.Results;

namespace Vakka.CultureCard.Features.Network;

/// <summary>
/// A ticket intermediary starts selling a venue's Kaikukortti tickets: from now on it may work that venue's desk and
/// record uses there (on its pages or with its API key). The venue must be an active venue with an area and the
/// intermediary an active ticket intermediary (of any area: a national ticket seller serves many).
/// </summary>
public sealed class ServeVenue(VakkaDb db, ISiteDirectory sites, CardClock clock, AuditContext audit)
{
    public async Task<Result> HandleAsync(Actor actor, SiteId? intermediaryId, SiteId venueId, CancellationToken ct)
    {
        var v = new Validation();
        var venue = await sites.GetAsync(venueId, ct);
        if (venue is not { IsActive: true, Type: SiteType.Venue, AreaId: not null }) v.Add("VenueId", "CultureCard.Network.NotAVenue");
        var intermediary = intermediaryId is { } i ? await sites.GetAsync(i, ct) : null;
        if (intermediary is not { IsActive: true, Type: SiteType.TicketIntermediary }) v.Add("IntermediaryId", "CultureCard.Network.NotAnIntermediary");
        if (!v.IsValid) return v.ToResult();

        audit.Target(venueId.Value).Subject(intermediary!.Id.Value);
        if (await db.Set<ServedVenue>().AnyAsync(s => s.IntermediarySiteId == intermediary.Id && s.VenueSiteId == venueId, ct))
            return Result.Invalid("IntermediaryId", "CultureCard.Network.AlreadyServes", intermediary.Name, venue!.Name);
        db.Add(new ServedVenue { IntermediarySiteId = intermediary.Id, VenueSiteId = venueId, AddedAt = clock.UtcNow, AddedBy = actor.AccountId });
        var saved = await db.SaveOrConflictAsync(ct);
        // Two coordinators adding the same pair at once: the second is told it is there already.
        return saved.IsOk ? saved : Result.Invalid("IntermediaryId", "CultureCard.Network.AlreadyServes", intermediary.Name, venue!.Name);
    }
}
