using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Audit;
using Vakka.CultureCard.Domain;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;

namespace Vakka.CultureCard.Features.Batches;

/// <summary>A batch as the list shows it. <see cref="Printed"/> counts the print sheets opened (from the audit log).</summary>
public sealed record BatchRow(BatchId Id, AreaId AreaId, string AreaName, BatchKind Kind, int Size, DateTime CreatedAt, int Printed);

/// <summary>The card batches, newest first, optionally of one area (the national coordinator sees all).</summary>
public sealed class ListBatches(VakkaDb db, ISiteDirectory sites)
{
    public const int MaxRows = 500;

    public async Task<IReadOnlyList<BatchRow>> HandleAsync(AreaId? area, CancellationToken ct)
    {
        var query = db.Set<CardBatch>().AsNoTracking();
        if (area is { } a) query = query.Where(b => b.AreaId == a);
        var batches = await query.OrderByDescending(b => b.CreatedAt).Take(MaxRows).ToListAsync(ct);
        if (batches.Count == 0) return [];

        var areaNames = (await sites.AreasAsync(ct)).ToDictionary(x => x.Id, x => x.Name);
        var printed = await PrintCountsAsync(ct);
        return batches.Select(b => new BatchRow(b.Id, b.AreaId, areaNames.GetValueOrDefault(b.AreaId, "–"), b.Kind, b.Size,
            b.CreatedAt, printed.GetValueOrDefault(b.Id.Value))).ToList();
    }

    /// <summary>
    /// How many times a print sheet of each batch was opened. The audit log already records every opening (one row per
    /// request, the batch as its target), so the count needs no column of its own; the event code is indexed.
    /// </summary>
    private async Task<Dictionary<Guid, int>> PrintCountsAsync(CancellationToken ct)
    {
        var code = ActionCode.Of(CultureCardAudit.BatchPrint);
        var targets = await db.Set<AuditRecord>().AsNoTracking()
            .Where(r => r.EventCode == code && r.Outcome == AuditOutcome.Success)
            .Select(r => r.TargetIds).ToListAsync(ct);
        return targets.SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries))
            .Select(t => Guid.TryParse(t, out var g) ? g : Guid.Empty)
            .Where(g => g != Guid.Empty)
            .GroupBy(g => g).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>The active areas to choose from (for new batches and the filter).</summary>
    public async Task<IReadOnlyList<AreaInfo>> AreasAsync(CancellationToken ct) =>
        (await sites.AreasAsync(ct)).Where(a => a.IsActive).OrderBy(a => a.Name, StringComparer.CurrentCulture).ToList();
}
