using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.CultureCard.Features.Shared;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;
using Vakka.Platform.Finnish;
using Vakka.Platform.Ids;

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

    private sealed record EventTaken(EventId? Id, int Taken);
    private sealed record LastUse(UseCategory Category, EventId? EventId, string EventName);
    private sealed record RecentRow(UseId Id, CardId CardId, string Code, string EventName, EventId? EventId, UseCategory Category,
        int AdultTickets, int ChildTickets, int AssistantTickets, DateTime RecordedAt, CancelReason? CancelReason);

    // Asked on every desk request (a lookup reads the last use, a recording the latest uses, both today's events and
    // their quotas): compiled once, so EF Core does not translate the expressions again on each request. A venue's own
    // desk sees all of the venue's uses; an intermediary's desk only those it recorded, so each has its own query.
    private static readonly Func<VakkaDb, SiteId, DateTime, DateTime, IAsyncEnumerable<VenueEvent>> EventsBetween = EF.CompileAsyncQuery<VakkaDb, SiteId, DateTime, DateTime, VenueEvent>(
        (VakkaDb db, SiteId site, DateTime from, DateTime to) => db.Set<VenueEvent>().AsNoTracking()
            .Where(e => e.SiteId == site && !e.IsCancelled && e.StartsAt >= from && e.StartsAt < to)
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Name));
    private static readonly Func<VakkaDb, List<EventId?>, IAsyncEnumerable<EventTaken>> TakenOf = EF.CompileAsyncQuery(
        (VakkaDb db, List<EventId?> ids) => db.Set<CardUse>().Where(u => ids.Contains(u.EventId) && u.CancelledAt == null)
            .GroupBy(u => u.EventId).Select(g => new EventTaken(g.Key, g.Sum(u => u.AdultTickets + u.ChildTickets))));
    private static readonly Func<VakkaDb, SiteId, DateTime, DateTime, CancellationToken, Task<LastUse?>> LastAtVenue = EF.CompileAsyncQuery(
        (VakkaDb db, SiteId venue, DateTime since, DateTime now, CancellationToken ct) => db.Set<CardUse>().AsNoTracking()
            .Where(u => u.VenueSiteId == venue && u.RecordedAt >= since && u.RecordedAt <= now && u.CancelReason == null)
            .OrderByDescending(u => u.RecordedAt).Select(u => new LastUse(u.Category, u.EventId, u.EventName)).FirstOrDefault());
    private static readonly Func<VakkaDb, SiteId, SiteId, DateTime, DateTime, CancellationToken, Task<LastUse?>> LastAtIntermediaryDesk = EF.CompileAsyncQuery(
        (VakkaDb db, SiteId venue, SiteId deskSite, DateTime since, DateTime now, CancellationToken ct) => db.Set<CardUse>().AsNoTracking()
            .Where(u => u.VenueSiteId == venue && u.DeskSiteId == deskSite && u.RecordedAt >= since && u.RecordedAt <= now && u.CancelReason == null)
            .OrderByDescending(u => u.RecordedAt).Select(u => new LastUse(u.Category, u.EventId, u.EventName)).FirstOrDefault());
    private static readonly Func<VakkaDb, SiteId, DateTime, DateTime, IAsyncEnumerable<RecentRow>> RecentAtVenue = EF.CompileAsyncQuery(
        (VakkaDb db, SiteId venue, DateTime since, DateTime now) => db.Set<CardUse>().AsNoTracking()
            .Where(u => u.VenueSiteId == venue && u.RecordedAt >= since && u.RecordedAt <= now)
            .OrderByDescending(u => u.RecordedAt).Take(RecentCount)
            .Join(db.Set<Card>(), u => u.CardId, c => c.Id, (u, c) => new RecentRow(u.Id, u.CardId, c.Code, u.EventName, u.EventId, u.Category,
                u.AdultTickets, u.ChildTickets, u.AssistantTickets, u.RecordedAt, u.CancelReason)));
    private static readonly Func<VakkaDb, SiteId, SiteId, DateTime, DateTime, IAsyncEnumerable<RecentRow>> RecentAtIntermediaryDesk = EF.CompileAsyncQuery(
        (VakkaDb db, SiteId venue, SiteId deskSite, DateTime since, DateTime now) => db.Set<CardUse>().AsNoTracking()
            .Where(u => u.VenueSiteId == venue && u.DeskSiteId == deskSite && u.RecordedAt >= since && u.RecordedAt <= now)
            .OrderByDescending(u => u.RecordedAt).Take(RecentCount)
            .Join(db.Set<Card>(), u => u.CardId, c => c.Id, (u, c) => new RecentRow(u.Id, u.CardId, c.Code, u.EventName, u.EventId, u.Category,
                u.AdultTickets, u.ChildTickets, u.AssistantTickets, u.RecordedAt, u.CancelReason)));

    /// <param name="withRecent">Read the latest uses (with their cards) too; without them the board has only what a lookup's
    /// answer needs: the events and the form's defaults from the last use today.</param>
    public async Task<DeskBoard> HandleAsync(DeskSite desk, CancellationToken ct, bool withRecent = true)
    {
        var today = clock.Today;
        var events = await TodaysEventsAsync(db, desk, today, ct);
        var since = HelsinkiTime.ToUtc(today);
        var now = clock.UtcNow;
        var earliest = today.AddDays(-(await rules.ForAsync(desk.AreaId, ct)).UseBackdateDays);

        List<RecentUse> recent = [];
        LastUse? last;
        if (withRecent)
        {
            var rows = await (desk.IsIntermediary ? RecentAtIntermediaryDesk(db, desk.Id, desk.DeskSiteId, since, now) : RecentAtVenue(db, desk.Id, since, now))
                .ToListAsync(ct);
            recent = new List<RecentUse>(rows.Count);
            last = null;
            foreach (var r in rows)
            {
                audit.Subject(r.CardId.Value);
                recent.Add(new RecentUse(r.Id, r.Code, r.EventName, r.AdultTickets, r.ChildTickets, r.AssistantTickets, r.RecordedAt, r.CancelReason));
                if (last is null && r.CancelReason is null) last = new LastUse(r.Category, r.EventId, r.EventName);
            }
        }
        else
        {
            last = desk.IsIntermediary ? await LastAtIntermediaryDesk(db, desk.Id, desk.DeskSiteId, since, now, ct) : await LastAtVenue(db, desk.Id, since, now, ct);
        }

        var lastCategory = last?.Category ?? await LastCategoryEverAsync(desk, ct);
        return new DeskBoard(desk, today, earliest, events, lastCategory, last is { EventId: null } ? last.EventName : null, recent, withRecent);
    }

    /// <summary>The category of the desk's latest use on any day (the form's default before the day's first use).</summary>
    private Task<UseCategory?> LastCategoryEverAsync(DeskSite desk, CancellationToken ct)
    {
        var uses = db.Set<CardUse>().AsNoTracking().Where(u => u.VenueSiteId == desk.Id);
        if (desk.IsIntermediary) uses = uses.Where(u => u.DeskSiteId == desk.DeskSiteId); // an intermediary sees (and may cancel) its own
        return uses.OrderByDescending(u => u.RecordedAt).Select(u => (UseCategory?)u.Category).FirstOrDefaultAsync(ct);
    }

    /// <summary>The venue's events on a day (Finnish time), not cancelled, with the quota tickets left.</summary>
    internal static async Task<IReadOnlyList<DeskEvent>> TodaysEventsAsync(VakkaDb db, DeskSite desk, DateOnly day, CancellationToken ct)
    {
        var from = HelsinkiTime.ToUtc(day);
        var to = HelsinkiTime.ToUtc(day.AddDays(1));
        var events = await EventsBetween(db, desk.Id, from, to).ToListAsync(ct);
        var taken = await TakenAsync(db, events.Where(e => e.Quota is not null).Select(e => e.Id).ToList(), ct);
        return events.Select(e => new DeskEvent(e.Id, e.Name, e.StartsAt, e.Category, e.Quota,
            DeskRules.Remaining(e.Quota, taken.GetValueOrDefault(e.Id)))).ToList();
    }

    /// <summary>Adult and child tickets recorded for each event (cancelled uses never count).</summary>
    internal static async Task<Dictionary<EventId, int>> TakenAsync(VakkaDb db, IReadOnlyCollection<EventId> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var nullable = ids.Select(i => (EventId?)i).ToList();
        var taken = new Dictionary<EventId, int>(ids.Count);
        await foreach (var row in TakenOf(db, nullable).WithCancellation(ct))
            if (row.Id is { } known) taken[known] = row.Taken;
        return taken;
    }
}
