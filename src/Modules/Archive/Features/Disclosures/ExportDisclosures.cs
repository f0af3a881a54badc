using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Vakka.Archive.Access;
using Vakka.Archive.Domain;
using Vakka.Archive.Features.Documents;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;

namespace Vakka.Archive.Features.Disclosures;

/// <summary>A disclosure event as the list gives it: no henkilötunnus (the FHIR export has it), the documents' OIDs.</summary>
public sealed record DisclosureSummary(Guid Id, DateTime DisclosedAt, string RegistrarOid, string RecipientOid, string? RecipientName,
    string Basis, string TypeOfDisclosure, string? Consent, PractitionerRef? Practitioner, IReadOnlyList<string> Documents);

public sealed record DisclosurePage(IReadOnlyList<DisclosureSummary> Items, string? NextCursor);

/// <summary>A disclosed document as the FHIR entity needs it.</summary>
internal sealed record DisclosedDocument(string DocumentOid, string DocTypeSystem, string DocTypeCode, string GeneralType);

/// <summary>Everything the FHIR export of one event needs (the henkilötunnus included: it goes to the national service only).</summary>
internal sealed record DisclosureExport(Disclosure Event, string RegistrarName, string Hetu, IReadOnlyList<DisclosedDocument> Documents);

/// <summary>
/// GET /disclosures (the events of the caller's organisations, or of every organisation for an auditor, optionally of
/// one registrar OID, newest first, paged with a cursor) and the one event that the FHIR export renders. Audit rows name the events and the persons.
/// </summary>
internal sealed class ExportDisclosures(VakkaDb db, IOrganisationDirectory organisations, AuditContext audit)
{
    public const int MaxLimit = 500;

    public async Task<ArchiveOutcome<DisclosurePage>> ListAsync(Actor actor, string? registrar, string? from, string? to, string? limitText, string? cursor,
        CancellationToken ct)
    {
        var errors = new List<ArchiveError>();
        if (registrar is not null && !Vakka.Platform.Finnish.Oid.TryParse(registrar, out _, out _)) errors.Add(new(ArchiveCodes.QueryValueInvalid, "registrar"));
        var start = Time(from, "from", errors);
        var end = Time(to, "to", errors);
        if (start is { } s && end is { } e && e <= s) errors.Add(new(DisclosureCodes.RangeInvalid, "to"));
        var limit = 100;
        if (limitText is not null && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
            errors.Add(new(ArchiveCodes.QueryLimitInvalid, "limit"));
        DisclosureId? after = null;
        if (cursor is not null)
        {
            if (DisclosureId.TryParse(cursor, null, out var c)) after = c;
            else errors.Add(new(ArchiveCodes.QueryCursorInvalid, "cursor"));
        }
        if (errors.Count > 0) return ArchiveOutcome<DisclosurePage>.Refused(StatusCodes.Status400BadRequest, [.. errors]);

        var query = db.Set<Disclosure>().AsNoTracking();
        if (!actor.HasGlobal(Role.Auditor))
        {
            var orgs = actor.ScopesOf(Role.Archivist).Where(sc => sc.Kind == ScopeKind.Organisation).Select(sc => new Vakka.Platform.Ids.OrganisationId(sc.Id)).ToList();
            query = query.Where(d => orgs.Contains(d.RegistrarOrgId));
        }
        if (registrar is not null) query = query.Where(d => d.RegistrarOid == registrar);
        if (start is { } from1) query = query.Where(d => d.DisclosedAt >= from1);
        if (end is { } to1) query = query.Where(d => d.DisclosedAt < to1);
        if (after is { } last) query = query.Where(d => d.Id < last);
        var rows = await query.OrderByDescending(d => d.Id).Take(limit + 1).ToListAsync(ct);
        var page = rows.Take(limit).ToList();

        var ids = page.Select(d => d.Id).ToList();
        var items = await (from i in db.Set<DisclosureItem>().AsNoTracking()
                           join doc in db.Set<ArchivedDocument>().AsNoTracking() on i.DocumentId equals doc.Id
                           where ids.Contains(i.DisclosureId)
                           select new { i.DisclosureId, doc.DocumentOid }).ToListAsync(ct);
        var byEvent = items.ToLookup(i => i.DisclosureId, i => i.DocumentOid);
        foreach (var d in page) audit.Target(d.Id.Value).Subject(d.PersonId.Value);
        var summaries = page.Select(d => new DisclosureSummary(d.Id.Value, d.DisclosedAt, d.RegistrarOid, d.RecipientOid, d.RecipientName, d.LegalBasis,
            d.TypeOfDisclosure, d.ConsentRef, d.PractitionerRoot is { } root ? new PractitionerRef(root, d.PractitionerExt) : null,
            byEvent[d.Id].Order(StringComparer.Ordinal).ToList())).ToList();
        return ArchiveOutcome<DisclosurePage>.Ok(new DisclosurePage(summaries, rows.Count > limit ? page[^1].Id.ToString() : null));
    }

    /// <summary>One event with its documents, the person's henkilötunnus and the registrar's name (the gate has checked the caller may export it).</summary>
    public async Task<DisclosureExport?> EventAsync(Guid id, CancellationToken ct)
    {
        var eventId = new DisclosureId(id);
        if (await db.Set<Disclosure>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == eventId, ct) is not { } disclosure) return null;
        audit.Target(id).Subject(disclosure.PersonId.Value);
        var documents = await (from i in db.Set<DisclosureItem>().AsNoTracking()
                               join doc in db.Set<ArchivedDocument>().AsNoTracking() on i.DocumentId equals doc.Id
                               where i.DisclosureId == eventId
                               orderby doc.DocumentOid
                               select new DisclosedDocument(doc.DocumentOid, doc.DocTypeSystem, doc.DocTypeCode, doc.GeneralType)).ToListAsync(ct);
        var personId = disclosure.PersonId;
        var hetu = await db.Set<ArchivePerson>().AsNoTracking().Where(p => p.Id == personId).Select(p => p.Hetu).FirstAsync(ct);
        var registrar = await organisations.GetAsync(disclosure.RegistrarOrgId, ct);
        return new DisclosureExport(disclosure, registrar?.Name ?? disclosure.RegistrarOid, hetu, documents);
    }

    private static DateTime? Time(string? text, string field, List<ArchiveError> errors)
    {
        if (text is null) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)) return t.UtcDateTime;
        errors.Add(new(DisclosureCodes.RangeInvalid, field));
        return null;
    }
}
