using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.CultureCard.Features.Shared;
using Vakka.Platform.Data;

namespace Vakka.CultureCard.Features.Desk;

/// <summary>One line of the today view: an event of today, or the uses without an event under one name.</summary>
public sealed record TodayLine(EventId? EventId, string Name, DateTime? StartsAt, UseCategory? Category, int? Quota, int? Remaining,
    int Adults, int Children, int Assistants);

public sealed record TodayView(DateOnly Today, IReadOnlyList<TodayLine> Lines, DateTime CountedAt)
{
    public int Adults => Lines.Sum(l => l.Adults);
    public int Children => Lines.Sum(l => l.Children);
    public int Assistants => Lines.Sum(l => l.Assistants);
}

/// <summary>
/// How many adult, child and assistant tickets were obtained with Kaikukortti today at a venue: for each of today's
/// events (whenever its tickets were recorded), and for the uses dated today without an event, grouped by name.
/// Only counts: no card is named, so the live view writes no audit row of its own.
/// </summary>
public sealed class TodayCounts(VakkaDb db, CardClock clock)
{
    public async Task<TodayView> HandleAsync(DeskSite desk, CancellationToken ct)
    {
        var today = clock.Today;
        var events = await OpenDesk.TodaysEventsAsync(db, desk, today, ct);
        var ids = events.Select(e => (EventId?)e.Id).ToList();
        var byEvent = ids.Count == 0 ? [] : await db.Set<CardUse>()
            .Where(u => ids.Contains(u.EventId) && u.CancelledAt == null)
            .GroupBy(u => u.EventId)
            .Select(g => new { Id = g.Key, A = g.Sum(u => u.AdultTickets), C = g.Sum(u => u.ChildTickets), S = g.Sum(u => u.AssistantTickets) })
            .ToListAsync(ct);
        var withoutEvent = await db.Set<CardUse>()
            .Where(u => u.VenueSiteId == desk.Id && u.UseDate == today && u.EventId == null && u.CancelledAt == null)
            .GroupBy(u => u.EventName)
            .Select(g => new { Name = g.Key, A = g.Sum(u => u.AdultTickets), C = g.Sum(u => u.ChildTickets), S = g.Sum(u => u.AssistantTickets) })
            .ToListAsync(ct);

        var lines = events.Select(e =>
        {
            var n = byEvent.FirstOrDefault(x => x.Id == e.Id);
            return new TodayLine(e.Id, e.Name, e.StartsAt, e.Category, e.Quota, e.Remaining, n?.A ?? 0, n?.C ?? 0, n?.S ?? 0);
        }).ToList();
        // Names typed at the desk differ in case now and then ("Konsertti", "konsertti"): one line for them.
        lines.AddRange(withoutEvent.GroupBy(x => x.Name.Trim(), StringComparer.CurrentCultureIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.CurrentCultureIgnoreCase)
            .Select(g => new TodayLine(null, g.Select(x => x.Name.Trim()).Order(StringComparer.Ordinal).First(), null, null, null, null, g.Sum(x => x.A), g.Sum(x => x.C), g.Sum(x => x.S))));
        return new TodayView(today, lines, clock.UtcNow);
    }
}
