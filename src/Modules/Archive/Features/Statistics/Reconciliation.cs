using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Vakka.Archive.Domain;
using Vakka.Archive.Features.Documents;
using Vakka.Archive.Features.Retention;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;
using Vakka.Platform.Finnish;

namespace Vakka.Archive.Features.Statistics;

public enum ReconcileBy { Day, Client }

/// <summary>One group as a source system or the archive reports it: how many documents and the hash of their lines.</summary>
public sealed record GroupTotal(string Group, int Count, string Hash);

/// <summary>A CSV problem: the line (1-based) and the text key of the message.</summary>
public sealed record CsvProblem(int Line, string Key);

public enum DifferenceKind { OnlyInSource, OnlyInArchive, CountDiffers, HashDiffers }

public sealed record Difference(DifferenceKind Kind, string Group, int? SourceCount, int? ArchiveCount);

/// <summary>The archive's own totals by day, for a source system to compare by itself (GET /reconciliation).</summary>
public sealed record ArchiveTotals(string By, string From, string To, IReadOnlyList<GroupTotal> Groups);

public sealed record ReconciliationReport(ReconcileBy By, int Groups, int Matching, IReadOnlyList<Difference> Differences);

/// <summary>
/// Reconciliation (design §f "Reconciliation format"): a source system reports <c>group,count,hash</c> per Helsinki day
/// of effectiveTime or per client (henkilötunnus); the archive computes the same over the registrar's current and
/// replaced versions that are neither voided nor destroyed, and lists the differences. The hash is the lower-case
/// hex SHA-256 of the lines "&lt;documentOid&gt; &lt;sha256 of the bytes&gt;" sorted ordinally and joined with \n.
/// </summary>
public sealed class Reconciliation(VakkaDb db, IOrganisationDirectory organisations, AuditContext audit)
{
    public const int MaxLines = 100_000;

    /// <summary>Parses the source's CSV; an optional header line "group,count,hash"; empty lines are skipped.</summary>
    public static (IReadOnlyList<GroupTotal> Groups, IReadOnlyList<CsvProblem> Problems) Parse(string csv, ReconcileBy by)
    {
        var groups = new List<GroupTotal>();
        var problems = new List<CsvProblem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = csv.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length && problems.Count < 20; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || (i == 0 && line.Equals("group,count,hash", StringComparison.OrdinalIgnoreCase))) continue;
            if (groups.Count >= MaxLines) { problems.Add(new CsvProblem(i + 1, "Archive.Recon.Error.TooMany")); break; }
            var cells = line.Split(',');
            if (cells.Length != 3) { problems.Add(new CsvProblem(i + 1, "Archive.Recon.Error.Fields")); continue; }
            var (group, count, hash) = (cells[0].Trim(), cells[1].Trim(), cells[2].Trim().ToLowerInvariant());
            string? key = by == ReconcileBy.Day
                ? DateOnly.TryParseExact(group, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null
                : PersonalIdentityCode.TryParse(group, out var code, out _) ? code.Value : null;
            if (key is null) problems.Add(new CsvProblem(i + 1, by == ReconcileBy.Day ? "Archive.Recon.Error.Day" : "Archive.Recon.Error.Client"));
            else if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) problems.Add(new CsvProblem(i + 1, "Archive.Recon.Error.Count"));
            else if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigit)) problems.Add(new CsvProblem(i + 1, "Archive.Recon.Error.Hash"));
            else if (!seen.Add(key)) problems.Add(new CsvProblem(i + 1, "Archive.Recon.Error.Duplicate"));
            else groups.Add(new GroupTotal(key, n, hash));
        }
        if (groups.Count == 0 && problems.Count == 0) problems.Add(new CsvProblem(1, "Archive.Recon.Error.Empty"));
        return (groups, problems);
    }

    /// <summary>The hash of a group: SHA-256 (lower-case hex) of "oid sha256hex" lines, sorted ordinally, joined with \n.</summary>
    public static string Hash(IEnumerable<(string Oid, string Sha256Hex)> documents) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', documents.Select(d => $"{d.Oid} {d.Sha256Hex}").Order(StringComparer.Ordinal)))));

    /// <summary>The archive's own totals: by day between two Helsinki dates (inclusive), or by client (all of the registrar's clients).</summary>
    public async Task<IReadOnlyList<GroupTotal>> TotalsAsync(Vakka.Platform.Ids.OrganisationId org, ReconcileBy by, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var documents = db.Set<ArchivedDocument>().AsNoTracking().Where(d => d.RegistrarOrgId == org && d.VoidedAt == null && d.DestroyedAt == null);
        List<(string Group, string Oid, byte[] Sha)> rows;
        if (by == ReconcileBy.Day)
        {
            if (from is { } f) { var start = HelsinkiTime.ToUtc(f); documents = documents.Where(d => d.EffectiveTime >= start); }
            if (to is { } t) { var end = HelsinkiTime.ToUtc(t.AddDays(1)); documents = documents.Where(d => d.EffectiveTime < end); }
            rows = [.. (await documents.Select(d => new { d.EffectiveTime, d.DocumentOid, d.Sha256 }).ToListAsync(ct))
                .Select(d => (DateOnly.FromDateTime(HelsinkiTime.ToLocal(d.EffectiveTime)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.DocumentOid, d.Sha256))];
        }
        else
        {
            rows = [.. (await documents.Join(db.Set<ArchivePerson>(), d => d.PersonId, p => p.Id, (d, p) => new { p.Hetu, d.DocumentOid, d.Sha256 }).ToListAsync(ct))
                .Select(d => (d.Hetu, d.DocumentOid, d.Sha256))];
        }
        return [.. rows.GroupBy(r => r.Group, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GroupTotal(g.Key, g.Count(), Hash(g.Select(r => (r.Oid, Convert.ToHexStringLower(r.Sha))))))];
    }

    /// <summary>The API's answer: by=day only (a client list would carry henkilötunnus values), from–to at most 366 days.</summary>
    public async Task<ArchiveOutcome<ArchiveTotals>> DayTotalsAsync(Actor actor, string? registrar, string? by, string? from, string? to, CancellationToken ct)
    {
        if (by != "day") return ArchiveOutcome<ArchiveTotals>.Refused(400, new ArchiveError(ArchiveCodes.QueryValueInvalid, "by"));
        if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
            return ArchiveOutcome<ArchiveTotals>.Refused(400, new ArchiveError(ArchiveCodes.QueryValueInvalid, "from"));
        if (!DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
            return ArchiveOutcome<ArchiveTotals>.Refused(400, new ArchiveError(ArchiveCodes.QueryValueInvalid, "to"));
        if (end < start || end.DayNumber - start.DayNumber > 365) return ArchiveOutcome<ArchiveTotals>.Refused(400, new ArchiveError(ArchiveCodes.QueryRangeInvalid, "to"));
        var (org, refusal) = await RegistrarChoice.ChooseAsync(organisations, Destruction.ArchivistOrganisations(actor), registrar, ct);
        if (refusal is not null) return new ArchiveOutcome<ArchiveTotals>(refusal.Status, null, refusal.Errors);
        audit.Target(org.Value);
        return ArchiveOutcome<ArchiveTotals>.Ok(new ArchiveTotals("day", from!, to!, await TotalsAsync(org, ReconcileBy.Day, start, end, ct)));
    }

    public async Task<ArchiveOutcome<ReconciliationReport>> RunAsync(Actor actor, string? registrar, ReconcileBy by, IReadOnlyList<GroupTotal> source, CancellationToken ct)
    {
        var (org, refusal) = await RegistrarChoice.ChooseAsync(organisations, Destruction.ArchivistOrganisations(actor), registrar, ct);
        if (refusal is not null) return new ArchiveOutcome<ReconciliationReport>(refusal.Status, null, refusal.Errors);
        audit.Target(org.Value);
        DateOnly? from = null, to = null;
        if (by == ReconcileBy.Day && source.Count > 0)
        {
            from = source.Min(g => DateOnly.ParseExact(g.Group, "yyyy-MM-dd", CultureInfo.InvariantCulture));
            to = source.Max(g => DateOnly.ParseExact(g.Group, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        var archive = (await TotalsAsync(org, by, from, to, ct)).ToDictionary(g => g.Group, StringComparer.Ordinal);
        var differences = new List<Difference>();
        var matching = 0;
        foreach (var s in source)
        {
            if (!archive.Remove(s.Group, out var a)) differences.Add(new Difference(DifferenceKind.OnlyInSource, s.Group, s.Count, null));
            else if (a.Count != s.Count) differences.Add(new Difference(DifferenceKind.CountDiffers, s.Group, s.Count, a.Count));
            else if (a.Hash != s.Hash) differences.Add(new Difference(DifferenceKind.HashDiffers, s.Group, s.Count, a.Count));
            else matching++;
        }
        differences.AddRange(archive.Values.Select(a => new Difference(DifferenceKind.OnlyInArchive, a.Group, null, a.Count)));
        return ArchiveOutcome<ReconciliationReport>.Ok(new ReconciliationReport(by, source.Count, matching,
            [.. differences.OrderBy(d => d.Group, StringComparer.Ordinal)]));
    }
}
