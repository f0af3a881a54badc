using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;
using Vakka.Platform.Jobs;

namespace Vakka.CultureCard.Features.Statistics;

/// <summary>
/// Brings the statistics rollup (<see cref="StatMonth"/>) up to a little before now: adds the uses recorded since the
/// last run (unless already cancelled) and takes away the older uses cancelled since, and counts the cards created since
/// into <see cref="StatCardMonth"/>. The dashboard adds what happened
/// after <see cref="StatRollupState.UpTo"/> from the uses themselves, so the numbers are exact whether this ran a
/// minute or a week ago; running it keeps that live part small. <see cref="Margin"/> keeps a request still
/// committing its use out of the window (a use's time is taken just before its transaction commits).
/// </summary>
public sealed class RefreshStatistics(VakkaDb db, TimeProvider clock)
{
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(2);
    private static readonly DateTime Beginning = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Returns how many rollup cells changed.</summary>
    /// <remarks>
    /// The counting runs before the write transaction, and only the writing inside it. The window is closed (every use
    /// and card in it committed at least <see cref="Margin"/> ago), so the counts are the same either way. Counting inside
    /// the transaction would hold the write lock for the whole count, which on SQLite is the database's only write lock
    /// (Microsoft.Data.Sqlite begins transactions IMMEDIATE): every audited request waited behind it. Two runs at once
    /// count the same window; the one that moves the watermark from where both began writes, and the other stops.
    /// </remarks>
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var state = await StateAsync(ct);
        var from = state.UpTo;
        var to = clock.GetUtcNow().UtcDateTime - Margin;
        if (to <= from) return 0;

        var uses = db.Set<CardUse>().AsNoTracking();
        var added = uses.Where(u => u.RecordedAt >= from && u.RecordedAt < to && (u.CancelledAt == null || u.CancelledAt >= to));
        var cancelled = uses.Where(u => u.RecordedAt < from && u.CancelledAt >= from && u.CancelledAt < to);
        var deltas = new Dictionary<(string Dim, DateOnly Month, string Key, AreaId Venue, AreaId Card), UseCounts>();
        foreach (var dim in Dim.Rolled)
        {
            foreach (var a in await dim.ByGrainAsync(added, ct)) Add(dim.Name, a, a.Counts);
            foreach (var a in await dim.ByGrainAsync(cancelled, ct)) Add(dim.Name, a, UseCounts.Zero.Minus(a.Counts));
        }
        var created = await db.Set<Card>().AsNoTracking().Where(c => c.CreatedAt >= from && c.CreatedAt < to)
            .GroupBy(c => new { c.AreaId, c.IssuedOn.Year, c.IssuedOn.Month })
            .Select(g => new { g.Key.AreaId, g.Key.Year, g.Key.Month, Count = g.LongCount() }).ToListAsync(ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.Set<StatRollupState>().Where(s => s.Id == StatRollupState.SingletonId && s.Version == state.Version)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.UpTo, to).SetProperty(x => x.Version, state.Version + 1), ct) == 0)
            return 0; // another run took this window

        var months = deltas.Keys.Select(k => k.Month).Distinct().ToList();
        var cells = (await db.Set<StatMonth>().Where(s => months.Contains(s.Month)).ToListAsync(ct))
            .ToDictionary(s => (s.Dim, s.Month, s.Key, s.VenueAreaId, s.CardAreaId));
        foreach (var (k, d) in deltas)
        {
            if (!cells.TryGetValue(k, out var cell))
                db.Add(cell = new StatMonth { Dim = k.Dim, Month = k.Month, Key = k.Key, VenueAreaId = k.Venue, CardAreaId = k.Card });
            cell.Adults += d.Adults;
            cell.Children += d.Children;
            cell.Assistants += d.Assistants;
        }
        var cardMonths = created.Select(c => new DateOnly(c.Year, c.Month, 1)).Distinct().ToList();
        var cardCells = (await db.Set<StatCardMonth>().Where(s => cardMonths.Contains(s.Month)).ToListAsync(ct)).ToDictionary(s => (s.AreaId, s.Month));
        foreach (var c in created)
        {
            var month = new DateOnly(c.Year, c.Month, 1);
            if (!cardCells.TryGetValue((c.AreaId, month), out var cell))
                db.Add(cardCells[(c.AreaId, month)] = cell = new StatCardMonth { AreaId = c.AreaId, Month = month });
            cell.Registered += c.Count;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return deltas.Count + created.Count;

        void Add(string dim, UseAggregate a, UseCounts counts)
        {
            var key = (dim, a.Month, a.Key, a.VenueAreaId, a.CardAreaId);
            deltas[key] = deltas.TryGetValue(key, out var known) ? known.Plus(counts) : counts;
        }
    }

    /// <summary>The watermark, made the first time (a run that loses the race to make it reads the winner's).</summary>
    private async Task<StatRollupState> StateAsync(CancellationToken ct)
    {
        var state = await db.Set<StatRollupState>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == StatRollupState.SingletonId, ct);
        if (state is not null) return state;
        var first = new StatRollupState { UpTo = Beginning };
        db.Add(first);
        try
        {
            await db.SaveChangesAsync(ct);
            return first;
        }
        catch (DbUpdateException)
        {
            db.Entry(first).State = EntityState.Detached;
            return await db.Set<StatRollupState>().AsNoTracking().SingleAsync(s => s.Id == StatRollupState.SingletonId, ct);
        }
    }
}

/// <summary>Runs <see cref="RefreshStatistics"/> on the platform's timetable (every few minutes).</summary>
public sealed class RefreshStatisticsJob(RefreshStatistics refresh) : JobHandler<object>
{
    public const string JobKind = "CultureCard.RefreshStatistics";
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(5);
    public override string Kind => JobKind;
    protected override Task HandleAsync(object payload, CancellationToken ct) => refresh.HandleAsync(ct);
}
