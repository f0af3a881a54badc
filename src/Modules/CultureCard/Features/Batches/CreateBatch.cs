using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;
using Vakka.Platform.Results;

namespace Vakka.CultureCard.Features.Batches;

/// <summary>A new print run: how many new card IDs, for which area.</summary>
public sealed class BatchForm
{
    public const int MaxCount = 5000;

    [Required(ErrorMessage = "Validation.Required"), Display(Name = "CultureCard.Batches.Area")]
    public AreaId? AreaId { get; set; }

    /// <summary>Kept as typed, so that "abc" comes back with a message that says what a valid count is.</summary>
    [Required(ErrorMessage = "Validation.Required"), Display(Name = "CultureCard.Batches.Count")]
    public string? Count { get; set; }

    /// <summary>A whole number in [min, max], or null.</summary>
    public static int? WholeNumber(string? text, int min, int max) =>
        int.TryParse(text?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
        && n >= min && n <= max ? n : null;
}

/// <summary>
/// Creates a batch of N new card IDs for an area. Each ID is random with a check character; the rare ID that already
/// exists is drawn again, so every ID of the registry stays unique. The batch and its IDs are saved at once.
/// </summary>
public sealed class CreateBatch(VakkaDb db, ISiteDirectory sites, TimeProvider clock, AuditContext audit)
{
    private const int MaxRounds = 20;

    public async Task<Result<BatchId>> HandleAsync(BatchForm form, Actor actor, CancellationToken ct)
    {
        var v = new Validation();
        var count = BatchForm.WholeNumber(form.Count, 1, BatchForm.MaxCount);
        if (string.IsNullOrWhiteSpace(form.Count)) v.Add(nameof(BatchForm.Count), "Validation.Required");
        else if (count is null) v.Add(nameof(BatchForm.Count), "CultureCard.Batches.Count.Range", 1, BatchForm.MaxCount);
        var area = form.AreaId is { } areaId ? await sites.AreaAsync(areaId, ct) : null;
        if (form.AreaId is null) v.Add(nameof(BatchForm.AreaId), "Validation.Required");
        else if (area is not { IsActive: true }) v.Add(nameof(BatchForm.AreaId), "CultureCard.Batches.Area.Unknown");
        if (!v.IsValid) return Result<BatchId>.From(v.ToResult());

        var codes = await NewCodesAsync(count!.Value, ct);
        var batch = new CardBatch
        {
            Id = BatchId.New(), AreaId = area!.Id, Kind = BatchKind.New, Size = codes.Count,
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.AccountId,
        };
        AddBatch(db, batch, codes, isLegacy: false);
        if (await db.SaveOrConflictAsync(ct) is { IsOk: false } lost) return Result<BatchId>.From(lost);
        audit.Target(batch.Id.Value).Target(area.Id.Value);
        return batch.Id;
    }

    /// <summary>Draws codes until <paramref name="count"/> are new to the registry and to each other.</summary>
    private async Task<IReadOnlyList<string>> NewCodesAsync(int count, CancellationToken ct)
    {
        var accepted = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; accepted.Count < count; round++)
        {
            if (round == MaxRounds) throw new InvalidOperationException("The card-ID space is exhausted.");
            var drawn = new HashSet<string>(StringComparer.Ordinal);
            while (accepted.Count + drawn.Count < count)
            {
                var code = CardCode.NewCode();
                if (!accepted.Contains(code)) drawn.Add(code);
            }
            var candidates = drawn.ToList();
            var taken = (await db.Set<CardCodeRecord>().AsNoTracking().Where(c => candidates.Contains(c.Code))
                .Select(c => c.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            accepted.UnionWith(candidates.Where(c => !taken.Contains(c)));
        }
        return accepted.ToList();
    }

    /// <summary>Adds the batch and its codes without change detection per row (thousands of rows, one save).</summary>
    internal static void AddBatch(VakkaDb db, CardBatch batch, IEnumerable<string> codes, bool isLegacy)
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            db.Add(batch);
            db.AddRange(codes.Select(c => new CardCodeRecord { Code = c, BatchId = batch.Id, AreaId = batch.AreaId, IsLegacy = isLegacy }));
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }
}
