using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.CultureCard.Features.Desk;
using Vakka.CultureCard.Features.Shared;
using Vakka.Platform.Data;
using Vakka.Platform.Finnish;

namespace Vakka.CultureCard.Features.Events;

public sealed record EventRow(EventId Id, string Name, DateTime StartsAt, UseCategory Category, int? Quota, int Taken, int? Remaining, bool IsCancelled);

/// <summary>A venue's events from today on (or also the past weeks), with the Kaikukortti tickets taken and left.</summary>
public sealed class ListEvents(VakkaDb db, CardClock clock)
{
    public const int PastDays = 60;

    public async Task<IReadOnlyList<EventRow>> HandleAsync(DeskSite desk, bool includePast, CancellationToken ct)
    {
        var from = HelsinkiTime.ToUtc(includePast ? clock.Today.AddDays(-PastDays) : clock.Today);
        var events = await db.Set<VenueEvent>().AsNoTracking()
            .Where(e => e.SiteId == desk.Id && e.StartsAt >= from)
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Name).Take(500).ToListAsync(ct);
        var taken = await OpenDesk.TakenAsync(db, events.Select(e => e.Id).ToList(), ct);
        return events.Select(e =>
        {
            var t = taken.GetValueOrDefault(e.Id);
            return new EventRow(e.Id, e.Name, e.StartsAt, e.Category, e.Quota, t, DeskRules.Remaining(e.Quota, t), e.IsCancelled);
        }).ToList();
    }
}
