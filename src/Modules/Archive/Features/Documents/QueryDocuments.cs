using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Vakka.Archive.Access;
using Vakka.Archive.Domain;
using Vakka.Cda;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;
using Vakka.Platform.Finnish;

namespace Vakka.Archive.Features.Documents;

/// <summary>
/// The query body (POST, so that the henkilötunnus is never in a URL). Times are UTC instants; <c>timeField</c> is
/// effectiveTime (default), completedAt or archivedAt; <c>status</c> is any of current (default), replaced, voided,
/// destroyed (voided and destroyed: archivists only). A destroyed version has the status destroyed only, whatever it was.
/// </summary>
public sealed record QueryRequest(string? Client = null, string? ServiceTask = null, CaseRef? CaseId = null, CodeRef? DocumentType = null,
    string? Registrar = null, DateTime? From = null, DateTime? To = null, string? TimeField = null, IReadOnlyList<string>? Status = null,
    int? Limit = null, string? Cursor = null);

public sealed record QueryPage(IReadOnlyList<DocumentMetadata> Items, string? NextCursor);

/// <summary>
/// POST /documents/query: the caller's registrars' versions by client, service task, case, document type, registrar,
/// time range and status, newest first, at most 500 a page with a keyset cursor. A query names a client, a case or a
/// time range of at most one year (QUERY_TOO_BROAD), so that nobody lists the whole archive.
/// </summary>
internal sealed class QueryDocuments(VakkaDb db, IOrganisationDirectory organisations, ReadMetadata describe, AuditContext audit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;
    private static readonly string[] Statuses = ["current", "replaced", "voided", "destroyed"];

    public async Task<ArchiveOutcome<QueryPage>> HandleAsync(Actor actor, QueryRequest q, CancellationToken ct)
    {
        var errors = new List<ArchiveError>();
        PersonalIdentityCode? client = null;
        if (q.Client is not null)
        {
            if (PersonalIdentityCode.TryParse(q.Client, out var hetu, out _)) client = hetu;
            else errors.Add(new(ArchiveCodes.QueryValueInvalid, "client"));
        }
        var timeField = q.TimeField ?? "effectiveTime";
        if (timeField is not ("effectiveTime" or "completedAt" or "archivedAt")) errors.Add(new(ArchiveCodes.QueryValueInvalid, "timeField"));
        var statuses = q.Status is { Count: > 0 } s ? s : ["current"];
        var orgs = ArchiveScope.Organisations(actor);
        var seesVoided = orgs.All(o => ArchiveScope.SeesVoided(actor, o));
        if (statuses.Any(x => !Statuses.Contains(x)) || ((statuses.Contains("voided") || statuses.Contains("destroyed")) && !seesVoided))
            errors.Add(new(ArchiveCodes.QueryValueInvalid, "status"));
        var limit = q.Limit ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit) errors.Add(new(ArchiveCodes.QueryLimitInvalid, "limit"));
        if (q.From is { } f && q.To is { } t && f > t) errors.Add(new(ArchiveCodes.QueryRangeInvalid, "from"));
        var ranged = q.From is { } from && q.To is { } to && to <= from.AddYears(1);
        var caseNamed = q.CaseId is { Root: not null } or { Extension: not null };
        if (client is null && !caseNamed && !ranged) errors.Add(new(ArchiveCodes.QueryTooBroad, null));
        (DateTime Time, string Oid)? after = null;
        if (q.Cursor is not null)
        {
            if (ParseCursor(q.Cursor) is { } c) after = c;
            else errors.Add(new(ArchiveCodes.QueryCursorInvalid, "cursor"));
        }
        if (errors.Count > 0) return ArchiveOutcome<QueryPage>.Refused(StatusCodes.Status400BadRequest, [.. errors]);

        if (q.Registrar is not null)
        {
            var registrar = Oid.TryParse(q.Registrar, out var registrarOid, out _) ? await organisations.FindByOidAsync(registrarOid, ct) : null;
            if (registrar is null || !orgs.Contains(registrar.Id))
                return ArchiveOutcome<QueryPage>.Refused(StatusCodes.Status403Forbidden, new ArchiveError(ArchiveCodes.QueryRegistrarNotYours, "registrar"));
            orgs = [registrar.Id];
        }

        var query = db.Set<ArchivedDocument>().AsNoTracking().Where(d => orgs.Contains(d.RegistrarOrgId));
        if (client is { } person)
        {
            var hetu = person.Value;
            query = query.Where(d => db.Set<ArchivePerson>().Any(p => p.Id == d.PersonId && p.Hetu == hetu));
        }
        if (q.ServiceTask is { } task) query = query.Where(d => d.ServiceTaskCode == task);
        if (q.CaseId?.Root is { } caseRoot)
        {
            var caseExt = q.CaseId.Extension;
            query = query.Where(d => d.CaseRoot == caseRoot && d.CaseExt == caseExt);
        }
        else if (q.CaseId?.Extension is { } caseNumber) query = query.Where(d => d.CaseExt == caseNumber);
        if (q.DocumentType is { Code: { } typeCode } type)
        {
            var system = DocumentIntake.DocumentTypeSystem(new Coded(typeCode, type.System));
            query = query.Where(d => d.DocTypeCode == typeCode && d.DocTypeSystem == system);
        }
        bool current = statuses.Contains("current"), replaced = statuses.Contains("replaced"), voided = statuses.Contains("voided"),
            destroyed = statuses.Contains("destroyed");
        query = query.Where(d => (d.DestroyedAt == null && ((current && d.IsLatest && d.VoidedAt == null) || (replaced && !d.IsLatest && d.VoidedAt == null)
            || (voided && d.VoidedAt != null))) || (destroyed && d.DestroyedAt != null));

        var time = TimeOf(timeField);
        if (q.From is { } start) query = query.Where(Compare(time, Expression.GreaterThanOrEqual, Utc(start)));
        if (q.To is { } end) query = query.Where(Compare(time, Expression.LessThan, Utc(end)));
        if (after is { } last) query = query.Where(After(time, last.Time, last.Oid));

        var rows = await query.OrderByDescending(time).ThenBy(d => d.DocumentOid).Take(limit + 1).ToListAsync(ct);
        var page = rows.Take(limit).ToList();
        foreach (var d in page) audit.Target(d.Id.Value).Subject(d.PersonId.Value);
        var next = rows.Count > limit ? Cursor(time.Compile()(page[^1]), page[^1].DocumentOid) : null;
        return ArchiveOutcome<QueryPage>.Ok(new QueryPage(await describe.DescribeAsync(page, ct), next));
    }

    private static Expression<Func<ArchivedDocument, DateTime>> TimeOf(string field) => field switch
    {
        "completedAt" => d => d.CompletedAt,
        "archivedAt" => d => d.ArchivedAt,
        _ => d => d.EffectiveTime,
    };

    private static DateTime Utc(DateTime t) => t.Kind switch
    {
        DateTimeKind.Utc => t,
        DateTimeKind.Local => t.ToUniversalTime(),
        _ => DateTime.SpecifyKind(t, DateTimeKind.Utc),
    };

    private static Expression<Func<ArchivedDocument, bool>> Compare(Expression<Func<ArchivedDocument, DateTime>> time,
        Func<Expression, Expression, BinaryExpression> op, DateTime value) =>
        Expression.Lambda<Func<ArchivedDocument, bool>>(op(time.Body, Expression.Constant(value)), time.Parameters);

    /// <summary>Newest first, then by OID: the rows after (time, oid) are older, or as old with a greater OID.</summary>
    private static Expression<Func<ArchivedDocument, bool>> After(Expression<Func<ArchivedDocument, DateTime>> time, DateTime t, string oid)
    {
        var at = Expression.Constant(t);
        var documentOid = Expression.Property(time.Parameters[0], nameof(ArchivedDocument.DocumentOid));
        var compare = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, documentOid, Expression.Constant(oid));
        var body = Expression.OrElse(Expression.LessThan(time.Body, at),
            Expression.AndAlso(Expression.Equal(time.Body, at), Expression.GreaterThan(compare, Expression.Constant(0))));
        return Expression.Lambda<Func<ArchivedDocument, bool>>(body, time.Parameters);
    }

    private static string Cursor(DateTime time, string oid) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{time.Ticks}|{oid}")));

    private static (DateTime, string)? ParseCursor(string cursor)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split('|');
            return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                   && ticks is >= 0 and <= 3155378975999999999 && Oid.TryParse(parts[1], out _, out _)
                ? (new DateTime(ticks, DateTimeKind.Utc), parts[1])
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
