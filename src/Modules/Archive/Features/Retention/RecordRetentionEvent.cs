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
using Vakka.Platform.Finnish;
using Vakka.Platform.Ids;

namespace Vakka.Archive.Features.Retention;

/// <summary>POST /persons/deaths: the client's henkilötunnus (in the body only, never in a URL) and the date of death (yyyy-MM-dd).</summary>
public sealed record DeathRequest(string? Client, string? Date);

public sealed record CaseKey(string? Root, string? Extension);

/// <summary>POST /cases/closed and /cases/reopened: the case id of the documents' header, the closing date and the service task; the registrar OID when the caller has several.</summary>
public sealed record CaseEventRequest(CaseKey? CaseId, string? ClosedOn, string? ServiceTask, string? Registrar);

/// <summary>A recorded retention event: the documents' retention is recomputed by a job after the answer (202).</summary>
/// <summary>The registrar a request is about: the OID it names (one of the caller's organisations), or the caller's only organisation.</summary>
internal static class RegistrarChoice
{
    public static async Task<(OrganisationId Org, ArchiveOutcome<object>? Refusal)> ChooseAsync(IOrganisationDirectory organisations,
        IReadOnlyList<OrganisationId> mine, string? registrarOid, CancellationToken ct)
    {
        if (registrarOid is not null)
        {
            var found = Oid.TryParse(registrarOid, out var parsed, out _) ? await organisations.FindByOidAsync(parsed, ct) : null;
            return found is not null && mine.Contains(found.Id) ? (found.Id, null)
                : (default, ArchiveOutcome<object>.Refused(StatusCodes.Status403Forbidden, new ArchiveError(ArchiveCodes.RegistrarNotCaller, "registrar")));
        }
        return mine.Count == 1 ? (mine[0], null)
            : (default, ArchiveOutcome<object>.Refused(StatusCodes.Status400BadRequest, new ArchiveError(ArchiveCodes.RegistrarMissing, "registrar")));
    }
}

public sealed record RetentionEventReceipt(Guid EventId, RetentionEventKind Kind, DateTime RecordedAt);

/// <summary>
/// Records the retention triggers (design §c ar_retention_event, §d): a client's death (ar_person.death_date) and a
/// case closed or reopened (ar_case). Each event is kept as history and plans Archive.RecomputeRetention in the same
/// transaction. The caller must be a client system or an archivist of a registrar that holds documents of the person
/// (a death) or whose case it is; the audit row names the event as target and the person ids as subjects, never the
/// henkilötunnus. Bad input records nothing.
/// </summary>
public sealed class RecordRetentionEvent(VakkaDb db, IOrganisationDirectory organisations, DocumentRetention retention, TimeProvider clock, AuditContext audit)
{
    public async Task<ArchiveOutcome<RetentionEventReceipt>> DeathAsync(Actor actor, DeathRequest request, CancellationToken ct)
    {
        var errors = new List<ArchiveError>();
        if (!PersonalIdentityCode.TryParse(request.Client, out var hetu, out _)) errors.Add(new(ArchiveCodes.RetentionClientInvalid, "client"));
        var date = DateOf(request.Date, "date", errors);
        if (errors.Count > 0) return ArchiveOutcome<RetentionEventReceipt>.Refused(StatusCodes.Status400BadRequest, [.. errors]);

        var orgs = ArchiveScope.Organisations(actor);
        var value = hetu.Value;
        var person = await db.Set<ArchivePerson>().FirstOrDefaultAsync(p => p.Hetu == value, ct);
        var registrar = person is null ? null : await db.Set<ArchivedDocument>().AsNoTracking()
            .Where(d => d.PersonId == person.Id && orgs.Contains(d.RegistrarOrgId)).Select(d => (OrganisationId?)d.RegistrarOrgId).FirstOrDefaultAsync(ct);
        if (person is null || registrar is not { } org)
            return ArchiveOutcome<RetentionEventReceipt>.Refused(StatusCodes.Status404NotFound, new ArchiveError(ArchiveCodes.PersonUnknown, "client"));
        if (date < person.BirthDate)
            return ArchiveOutcome<RetentionEventReceipt>.Refused(StatusCodes.Status422UnprocessableEntity, new ArchiveError(ArchiveCodes.RetentionDateInvalid, "date"));

        person.DeathDate = date;
        var recorded = Event(actor, RetentionEventKind.ClientDeath, org, date);
        recorded.PersonId = person.Id;
        db.Add(recorded);
        await retention.PlanPersonAsync(person.Id, recorded.Id, ct);
        await db.SaveChangesAsync(ct);
        audit.Target(recorded.Id).Subject(person.Id.Value);
        return Accepted(recorded);
    }

    public async Task<ArchiveOutcome<RetentionEventReceipt>> CaseAsync(Actor actor, CaseEventRequest request, bool closed, CancellationToken ct)
    {
        var errors = new List<ArchiveError>();
        var key = request.CaseId;
        if (key is null || !Oid.TryParse(key.Root, out _, out _) || string.IsNullOrWhiteSpace(key.Extension)
            || key.Extension.Length > Vakka.Cda.CdaConstants.MaxCaseIdExtensionLength)
            errors.Add(new(ArchiveCodes.CaseIdInvalid, "caseId"));
        DateOnly? closedOn = closed ? DateOf(request.ClosedOn, "closedOn", errors) : null;
        var task = request.ServiceTask?.Trim();
        if (task is not null && (task.Length is 0 or > 20 || !task.All(char.IsAsciiDigit))) errors.Add(new(ArchiveCodes.ServiceTaskInvalid, "serviceTask"));
        if (errors.Count > 0) return ArchiveOutcome<RetentionEventReceipt>.Refused(StatusCodes.Status400BadRequest, [.. errors]);

        var (org, refusal) = await RegistrarChoice.ChooseAsync(organisations, ArchiveScope.Organisations(actor), request.Registrar, ct);
        if (refusal is not null) return new ArchiveOutcome<RetentionEventReceipt>(refusal.Status, null, refusal.Errors);

        var (root, ext) = (key!.Root!, key.Extension!.Trim());
        var known = await db.Set<ArchiveCase>().FirstOrDefaultAsync(c => c.RegistrarOrgId == org && c.CaseRoot == root && c.CaseExt == ext, ct);
        if (known is null)
        {
            if (!closed) return ArchiveOutcome<RetentionEventReceipt>.Refused(StatusCodes.Status404NotFound, new ArchiveError(ArchiveCodes.CaseUnknown, "caseId"));
            if (task is null) return ArchiveOutcome<RetentionEventReceipt>.Refused(StatusCodes.Status400BadRequest, new ArchiveError(ArchiveCodes.ServiceTaskMissing, "serviceTask"));
            known = new ArchiveCase { RegistrarOrgId = org, CaseRoot = root, CaseExt = ext };
            db.Add(known);
        }
        if (task is not null) known.ServiceTaskCode = task;
        known.ClosedOn = closedOn;
        known.Source = actor.ApiKeyId is null ? CaseSource.Archivist : CaseSource.Api;
        known.UpdatedAt = DocumentIntake.Now(clock);

        var recorded = Event(actor, closed ? RetentionEventKind.CaseClosed : RetentionEventKind.CaseReopened, org, closedOn);
        (recorded.CaseRoot, recorded.CaseExt) = (root, ext);
        db.Add(recorded);
        await retention.PlanCaseAsync(org, root, ext, recorded.Id, ct);
        if (!(await db.SaveOrConflictAsync(ct)).IsOk)
            return ArchiveOutcome<RetentionEventReceipt>.Refused(StatusCodes.Status409Conflict, new ArchiveError(ArchiveCodes.RetentionEventConflict, "caseId"));
        audit.Target(recorded.Id);
        foreach (var person in await retention.PersonsOfCaseAsync(org, root, ext, ct)) audit.Subject(person.Value);
        return Accepted(recorded);
    }

    private DateOnly DateOf(string? text, string field, List<ArchiveError> errors)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day <= HelsinkiTime.Today(clock))
            return day;
        errors.Add(new(ArchiveCodes.RetentionDateInvalid, field));
        return default;
    }

    private RetentionEvent Event(Actor actor, RetentionEventKind kind, OrganisationId registrar, DateOnly? date) => new()
    {
        Id = Guid.CreateVersion7(), Kind = kind, RegistrarOrgId = registrar, EventDate = date,
        Source = actor.ApiKeyId is null ? CaseSource.Archivist : CaseSource.Api,
        ClientSystemId = actor.ApiKeyId is { } apiKey ? new ClientSystemId(apiKey) : null, RecordedBy = actor.AccountId,
        RecordedAt = DocumentIntake.Now(clock),
    };

    private static ArchiveOutcome<RetentionEventReceipt> Accepted(RetentionEvent e) =>
        ArchiveOutcome<RetentionEventReceipt>.Ok(new RetentionEventReceipt(e.Id, e.Kind, e.RecordedAt), StatusCodes.Status202Accepted);
}
