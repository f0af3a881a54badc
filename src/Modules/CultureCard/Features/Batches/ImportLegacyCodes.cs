using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;
using Vakka.Platform.Results;

namespace Vakka.CultureCard.Features.Batches;

/// <summary>An old local card series for an area: pasted (one ID a line) or uploaded (a text or CSV file, first column).</summary>
public sealed class LegacyImportForm
{
    public const int MaxLines = 5000;
    public const int MaxFileBytes = 512 * 1024;

    [Required(ErrorMessage = "Validation.Required"), Display(Name = "CultureCard.Batches.Area")]
    public AreaId? AreaId { get; set; }

    [Display(Name = "CultureCard.Batches.Legacy.Codes")]
    public string? Codes { get; set; }

    [Display(Name = "CultureCard.Batches.Legacy.File")]
    public IFormFile? File { get; set; }

    [Display(Name = "CultureCard.Batches.Legacy.HasHeading")]
    public bool HasHeading { get; set; }
}

public enum LegacyLineOutcome { Accepted, Format, DuplicateInList, Exists }

/// <summary>One non-empty line of the list: what it said, the ID read from it, and whether it was taken.</summary>
public sealed record LegacyLine(int Number, string Text, string Code, LegacyLineOutcome Outcome, int? FirstLine = null)
{
    public bool Accepted => Outcome == LegacyLineOutcome.Accepted;
}

public sealed record LegacyReport(IReadOnlyList<LegacyLine> Lines, BatchId? BatchId)
{
    public int AcceptedCount => Lines.Count(l => l.Accepted);
    public int RefusedCount => Lines.Count(l => !l.Accepted);
    public bool Saved => BatchId is not null;
}

/// <summary>
/// Imports an old local card-ID series as a legacy batch (IDs without a check character). Every line is checked and
/// reported: the format (3–20 letters and digits once spaces and hyphens are removed), a repeat of an earlier line,
/// an ID that already exists in the registry. <b>The accepted lines are saved and the refused ones are not</b>
/// (accepted-only, not all-or-nothing): a long paper list with a few typos gets into use at once, the refused lines
/// are given back to fix, and importing them again is safe because an ID already stored is refused as such. A list
/// with no acceptable line saves nothing. "Check only" reports without saving.
/// </summary>
public sealed class ImportLegacyCodes(VakkaDb db, ISiteDirectory sites, TimeProvider clock, AuditContext audit)
{
    /// <param name="save">False to check the list only (nothing is saved).</param>
    public async Task<Result<LegacyReport>> HandleAsync(LegacyImportForm form, string? fileText, Actor actor, bool save, CancellationToken ct)
    {
        var v = new Validation();
        var area = form.AreaId is { } areaId ? await sites.AreaAsync(areaId, ct) : null;
        if (form.AreaId is null) v.Add(nameof(LegacyImportForm.AreaId), "Validation.Required");
        else if (area is not { IsActive: true }) v.Add(nameof(LegacyImportForm.AreaId), "CultureCard.Batches.Area.Unknown");

        var pasted = !string.IsNullOrWhiteSpace(form.Codes);
        var uploaded = fileText is not null;
        var listField = uploaded ? nameof(LegacyImportForm.File) : nameof(LegacyImportForm.Codes);
        var lines = ReadLines(uploaded ? fileText! : form.Codes ?? "", form.HasHeading);
        if (pasted && uploaded) v.Add(nameof(LegacyImportForm.File), "CultureCard.Batches.Legacy.EitherOr");
        else if (lines.Count == 0) v.Add(listField, "CultureCard.Batches.Legacy.Empty");
        else if (lines.Count > LegacyImportForm.MaxLines) v.Add(listField, "CultureCard.Batches.Legacy.TooMany", LegacyImportForm.MaxLines);
        if (!v.IsValid) return Result<LegacyReport>.From(v.ToResult());

        var report = await CheckAsync(lines, ct);
        if (!save || report.AcceptedCount == 0) return report;

        var batch = new CardBatch
        {
            Id = BatchId.New(), AreaId = area!.Id, Kind = BatchKind.Legacy, Size = report.AcceptedCount,
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.AccountId,
        };
        CreateBatch.AddBatch(db, batch, report.Lines.Where(l => l.Accepted).Select(l => l.Code), isLegacy: true);
        // Another import saving the same ID at this moment loses the race as a whole: the user is told to check again.
        if (await db.SaveOrConflictAsync(ct) is { IsOk: false } lost) return Result<LegacyReport>.From(lost);
        audit.Target(batch.Id.Value).Target(area.Id.Value);
        return report with { BatchId = batch.Id };
    }

    /// <summary>The non-empty lines with their numbers as the user counts them; of a CSV line only the first column.</summary>
    public static IReadOnlyList<(int Number, string Text)> ReadLines(string text, bool hasHeading)
    {
        var all = text.ReplaceLineEndings("\n").Split('\n');
        var lines = new List<(int, string)>();
        for (var i = hasHeading ? 1 : 0; i < all.Length; i++)
        {
            var first = FirstColumn(all[i]);
            if (first.Length > 0) lines.Add((i + 1, first));
        }
        return lines;
    }

    private static string FirstColumn(string line)
    {
        var cut = line.IndexOfAny([',', ';', '\t']);
        var cell = (cut >= 0 ? line[..cut] : line).Trim().TrimStart('\uFEFF');
        if (cell.Length >= 2 && cell[0] == '"' && cell[^1] == '"') cell = cell[1..^1].Trim();
        return cell;
    }

    private async Task<LegacyReport> CheckAsync(IReadOnlyList<(int Number, string Text)> lines, CancellationToken ct)
    {
        var normalised = lines.Select(l => (l.Number, l.Text, Code: CardCode.Normalise(l.Text))).ToList();
        var wellFormed = normalised.Where(l => CardCode.IsLegacyFormat(l.Code)).Select(l => l.Code).Distinct().ToList();
        var existing = (await db.Set<CardCodeRecord>().AsNoTracking().Where(c => wellFormed.Contains(c.Code))
            .Select(c => c.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<LegacyLine>(lines.Count);
        foreach (var (number, text, code) in normalised)
        {
            if (!CardCode.IsLegacyFormat(code)) result.Add(new(number, text, code, LegacyLineOutcome.Format));
            else if (firstSeen.TryGetValue(code, out var first)) result.Add(new(number, text, code, LegacyLineOutcome.DuplicateInList, first));
            else
            {
                firstSeen[code] = number;
                result.Add(new(number, text, code, existing.Contains(code) ? LegacyLineOutcome.Exists : LegacyLineOutcome.Accepted));
            }
        }
        return new LegacyReport(result, null);
    }

    /// <summary>Reads an uploaded list as text (UTF-8, else Latin-1 as an old spreadsheet may save it), refusing big files.</summary>
    public static async Task<Result<string?>> ReadFileAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return Result.Ok<string?>(null);
        if (file.Length > LegacyImportForm.MaxFileBytes)
            return Result<string?>.From(Result.Invalid(nameof(LegacyImportForm.File), "CultureCard.Batches.Legacy.FileTooLarge", LegacyImportForm.MaxFileBytes / 1024));
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        try
        {
            return Result.Ok<string?>(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            return Result.Ok<string?>(Encoding.Latin1.GetString(bytes));
        }
    }
}
