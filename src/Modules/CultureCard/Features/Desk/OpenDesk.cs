using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.CultureCard.Features.Shared;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;
using Vakka.Platform.Finnish;

namespace Vakka.CultureCard.Features.Desk;

/// <summary>One of today's events at the desk, with the quota tickets still free.</summary>
public sealed record DeskEvent(EventId Id, string Name, DateTime StartsAt, UseCategory Category, int? Quota, int? Remaining);

/// <summary>A use recorded at this desk today, shown so a mistake can be cancelled at once.</summary>
public sealed record RecentUse(UseId Id, string Code, string EventName, int Adults, int Children, int Assistants, DateTime RecordedAt,
    CancelReason? CancelReason)
{
    public bool IsCancelled => CancelReason is not null;
}

/// <summary>
/// What the desk page shows around the answer: today's events, the form's defaults and the uses recorded so far today.
/// <see cref="HasRecent"/> is false when the recent uses were not read (a lookup changes none of them).
/// </summary>
public sealed record DeskBoard(DeskSite Desk, DateOnly Today, DateOnly EarliestDay, IReadOnlyList<DeskEvent> Events,
    UseCategory? LastCategory, string? LastEventName, IReadOnlyList<RecentUse> Recent, bool HasRecent = true);

/// <summary>Opens the desk of a venue: today's events (with the quota left), the last category and event name, the latest uses.</summary>
public sealed class OpenDesk(VakkaDb db, AreaRulesReader rules, CardClock clock, AuditContext audit)
{
    public const int RecentCount = 8;

    /// <param name="withRecent">Read the latest uses (with their cards) too; without them the board has only what a lookup's
    /// answer needs: the events and the form's defaults from the last use today.</param>
    public async Task<DeskBoard> HandleAsync(DeskSite desk, CancellationToken ct, bool withRecent = true)
    {
        var today = clock.Today;
        var events = await TodaysEventsAsync(db, desk, today, ct);
        var since = HelsinkiTime.ToUtc(today);
        var now = clock.UtcNow;
        var uses = db.Set<CardUse>().AsNoTracking().Where(u => u.VenueSiteId == desk.Id);
        if (desk.IsIntermediary) uses = uses.Where(u => u.DeskSiteId == desk.DeskSiteId); // an intermediary sees (and may cancel) its own
        var todays = uses.Where(u => u.RecordedAt >= since && u.RecordedAt <= now);
        var earliest = today.AddDays(-(await rules.ForAsync(desk.AreaId, ct)).UseBackdateDays);

        List<RecentUse> recent = [];
        (UseCategory Category, EventId? EventId, string EventName)? last;
        if (withRecent)
        {
            var rows = await todays
                .OrderByDescending(u => u.RecordedAt).Take(RecentCount)
                .Join(db.Set<Card>(), u => u.CardId, c => c.Id, (u, c) => new
                {
                    u.Id, u.CardId, c.Code, u.EventName, u.EventId, u.Category, u.AdultTickets, u.ChildTickets, u.AssistantTickets, u.RecordedAt, u.CancelReason,
                })
                .ToListAsync(ct);
            foreach (var r in rows) audit.Subject(r.CardId.Value);
            recent = rows.Select(r => new RecentUse(r.Id, r.Code, r.EventName, r.AdultTickets, r.ChildTickets, r.AssistantTickets, r.RecordedAt, r.CancelReason)).ToList();
            last = rows.Where(r => r.CancelReason is null).Select(r => (r.Category, r.EventId, r.EventName)).Cast<(UseCategory, EventId?, string)?>().FirstOrDefault();
        }
        else
        {
            last = await todays.Where(u => u.CancelReason == null).OrderByDescending(u => u.RecordedAt)
                .Select(u => new { u.Category, u.EventId, u.EventName }).FirstOrDefaultAsync(ct) is { } row ? (row.Category, row.EventId, row.EventName) : null;
        }

        var lastCategory = last?.Category ?? await uses.OrderByDescending(u => u.RecordedAt).Select(u => (UseCategory?)u.Category).FirstOrDefaultAsync(ct);
        return new DeskBoard(desk, today, earliest, events, lastCategory, last is { EventId: null } ? last.Value.EventName : null, recent, withRecent);
    }

    /// <summary>The venue's events on a day (Finnish time), not cancelled, with the quota tickets left.</summary>
    internal static async Task<IReadOnlyList<DeskEvent>> TodaysEventsAsync(VakkaDb db, DeskSite desk, DateOnly day, CancellationToken ct)
    {
        var from = HelsinkiTime.ToUtc(day);
        var to = HelsinkiTime.ToUtc(day.AddDays(1));
        var events = await db.Set<VenueEvent>().AsNoTracking()
            .Where(e => e.SiteId == desk.Id && !e.IsCancelled && e.StartsAt >= from && e.StartsAt < to)
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Name).ToListAsync(ct);
        var taken = await TakenAsync(db, events.Where(e => e.Quota is not null).Select(e => e.Id).ToList(), ct);
        return events.Select(e => new DeskEvent(e.Id, e.Name, e.StartsAt, e.Category, e.Quota,
            DeskRules.Remaining(e.Quota, taken.GetValueOrDefault(e.Id)))).ToList();
    }

    /// <summary>Adult and child tickets recorded for each event (cancelled uses never count).</summary>
    internal static async Task<Dictionary<EventId, int>> TakenAsync(VakkaDb db, IReadOnlyCollection<EventId> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var nullable = ids.Select(i => (EventId?)i).ToList();
        var rows = await db.Set<CardUse>().Where(u => nullable.Contains(u.EventId) && u.CancelledAt == null)
            .GroupBy(u => u.EventId).Select(g => new { Id = g.Key, Taken = g.Sum(u => u.AdultTickets + u.ChildTickets) }).ToListAsync(ct);
        return rows.Where(r => r.Id is not null).ToDictionary(r => r.Id!.Value, r => r.Taken);
    }
}
