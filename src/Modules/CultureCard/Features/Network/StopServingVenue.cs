using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;
using Vakka.Platform.Results;

namespace Vakka.CultureCard.Features.Network;

/// <summary>
/// A ticket intermediary stops selling a venue's tickets: its desk and API key no longer reach the venue. The uses it
/// recorded stay as they were (they name the intermediary as the desk that recorded them).
/// </summary>
public sealed class StopServingVenue(VakkaDb db, AuditContext audit)
{
    public async Task<Result> HandleAsync(SiteId intermediaryId, SiteId venueId, CancellationToken ct)
    {
        audit.Target(venueId.Value).Subject(intermediaryId.Value);
        var removed = await db.Set<ServedVenue>().Where(s => s.IntermediarySiteId == intermediaryId && s.VenueSiteId == venueId).ExecuteDeleteAsync(ct);
        return removed == 0 ? Result.NotFound() : Result.Ok();
    }
}
