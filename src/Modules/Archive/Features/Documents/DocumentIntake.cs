using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vakka.Archive.Access;
using Vakka.Archive.Domain;
using Vakka.Archive.Domain.Retention;
using Vakka.Archive.Features.Retention;
using Vakka.Cda;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;

namespace Vakka.Archive.Features.Documents;

/// <summary>Settings of the archive API (section "Archive").</summary>
public sealed class ArchiveOptions
{
    public const string Section = "Archive";

    /// <summary>The largest document accepted, in bytes (default 20 MiB, design §b stage A; the reference gives no limit).</summary>
    public long MaxDocumentBytes { get; set; } = CdaConstants.DefaultMaxDocumentBytes;

    /// <summary>Demo and test environments: only 900-series test henkilötunnus values (HETU_NOT_TEST_PERSON).</summary>
    public bool TestPersonsOnly { get; set; }

    /// <summary>The statistics page warns when the versions archived in the last 12 months exceed those of the 12 months before by more than this (default 500,000; such growth must be notified to Kanta).</summary>
    public long YearlyGrowthWarning { get; set; } = 500_000;
}

/// <summary>What the archive answers for an archived version: 201 the first time, 200 with the same receipt for an identical retry.</summary>
public sealed record Receipt(Guid Id, string DocumentOid, string SetId, int VersionNumber, string Sha256, DateTime ArchivedAt,
    IReadOnlyList<ArchiveError> Warnings);

/// <summary>A document that passed stages A–D and the registrar check, ready for the use case's own rules.</summary>
internal sealed record CheckedDocument(byte[] Bytes, byte[] Sha256, CdaHeader Header, CdaBodyKind BodyKind, OrganisationInfo Registrar,
    IReadOnlyList<ArchiveError> Warnings, ReadOnlyMemory<byte>? StructuredJson = null)
{
    public string DocumentOid => Header.Id!.Root.Value;
}

/// <summary>
/// The steps archiving and versioning share: the SHA-256 over the exact request bytes (before anything is parsed),
/// the library's validation (design §b stages A–D), the registrar (REGISTRAR_UNKNOWN, REGISTRAR_NOT_CALLER), the
/// identical retry, and storing a version with its bytes, its person and the flip of the replaced version.
/// </summary>
internal sealed class DocumentIntake(VakkaDb db, IOrganisationDirectory organisations, AccessControl access, IOptions<ArchiveOptions> options,
    TimeProvider clock, AuditContext audit, DocumentRetention retention)
{
    public async Task<ArchiveOutcome<CheckedDocument>> CheckAsync(Actor actor, byte[] bytes, CancellationToken ct)
    {
        var sha256 = SHA256.HashData(bytes);
        var settings = options.Value;
        var read = CdaReader.Read(bytes, new CdaReadOptions { MaxDocumentBytes = settings.MaxDocumentBytes, MaxPartBytes = settings.MaxDocumentBytes });
        var issues = CdaValidator.Validate(read, CodeLists.Instance, new CdaValidationOptions { Clock = clock, TestPersonsOnly = settings.TestPersonsOnly });
        var errors = issues.Where(i => i.Severity == CdaSeverity.Error).Select(ArchiveError.Of).ToArray();
        if (errors.Length > 0 || read.Header is not { } header)
            return ArchiveOutcome<CheckedDocument>.Refused(errors.Any(e => e.Code == CdaIssueCodes.DocumentTooLarge)
                ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status422UnprocessableEntity, errors);

        var registrarPath = CdaPaths.Attribute(CdaPaths.RegistrarId, "root");
        var registrar = await organisations.FindByOidAsync(header.Registrar!.Value, ct);
        if (registrar is null)
            return ArchiveOutcome<CheckedDocument>.Refused(StatusCodes.Status422UnprocessableEntity,
                new ArchiveError(ArchiveCodes.RegistrarUnknown, registrarPath, "No organisation has this OID."));
        if (!await access.HasAsync(actor, ArchiveAction.ArchiveDocument, registrar.Id.Value, ct))
            return ArchiveOutcome<CheckedDocument>.Refused(StatusCodes.Status403Forbidden,
                new ArchiveError(ArchiveCodes.RegistrarNotCaller, registrarPath, "The registrar is not the caller's organisation."));
        var warnings = issues.Where(i => i.Severity == CdaSeverity.Warning).Select(ArchiveError.Of).ToList();
        var json = read.Body.Content is XhtmlJsonBody structured ? structured.Json : (ReadOnlyMemory<byte>?)null;
        return ArchiveOutcome<CheckedDocument>.Ok(new CheckedDocument(bytes, sha256, header, read.Body.Kind, registrar, warnings, json));
    }

    public Task<ArchivedDocument?> FindAsync(string documentOid, CancellationToken ct) =>
        db.Set<ArchivedDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.DocumentOid == documentOid, ct);

    /// <summary>
    /// The document OID is archived already: the same bytes for the same registrar are a retry (200, the first
    /// receipt); anything else is DOCUMENT_ID_DUPLICATE (409).
    /// </summary>
    public ArchiveOutcome<Receipt> Existing(ArchivedDocument existing, CheckedDocument document)
    {
        if (existing.RegistrarOrgId != document.Registrar.Id || !existing.Sha256.AsSpan().SequenceEqual(document.Sha256))
            return ArchiveOutcome<Receipt>.Refused(StatusCodes.Status409Conflict,
                new ArchiveError(ArchiveCodes.DocumentIdDuplicate, CdaPaths.Attribute(CdaPaths.Id, "root"), "This document OID is archived with other bytes."));
        audit.Target(existing.Id.Value).Subject(existing.PersonId.Value);
        return ArchiveOutcome<Receipt>.Ok(ReceiptOf(existing, document.Warnings));
    }

    /// <summary>Stores a new version (and marks the version it replaces as no longer the latest); null when a unique index lost a race.</summary>
    public async Task<Receipt?> StoreAsync(Actor actor, CheckedDocument document, ArchivedDocumentId? replaces, CancellationToken ct)
    {
        var h = document.Header;
        var (person, died) = await PersonAsync(h.Client!.Value, ct);
        var row = ArchivedDocument.Of(h, document.BodyKind, document.Bytes.Length, document.Sha256, document.Registrar.Id, person, Now(clock), DocumentSource.Api);
        row.ClientSystemId = actor.ApiKeyId is { } key ? new ClientSystemId(key) : null;
        row.ArchivedBy = actor.AccountId;
        db.Add(row);
        db.Add(new DocumentContent { DocumentId = row.Id, Bytes = document.Bytes });
        var asia = await CaseOfAsiaAsync(row, document, ct);
        if (replaces is { } replacedId)
        {
            var replaced = await db.Set<ArchivedDocument>().FirstAsync(d => d.Id == replacedId, ct);
            replaced.IsLatest = false;
            replaced.ReplacedById = row.Id;
            DocumentRetention.CopyFrom(row, replaced); // every version shares version 1's retention
        }
        else
        {
            DocumentRetention.Apply(row, await retention.DecideAsync(row, ct, asia, new ClientFacts(h.Client!.Value.BirthDate, died)));
        }
        if (!(await db.SaveOrConflictAsync(ct)).IsOk) return null;
        audit.Target(row.Id.Value).Subject(person.Value);
        return ReceiptOf(row, document.Warnings);
    }

    /// <summary>
    /// An Asia-asiakirja (1505:2) with a case id and <c>asian_tiedot</c> in its JSON updates the registrar's case
    /// (ar_case) and plans the recompute of the case's documents; returns the case's facts, else null.
    /// </summary>
    private async Task<CaseFacts?> CaseOfAsiaAsync(ArchivedDocument row, CheckedDocument document, CancellationToken ct)
    {
        if (row.DocTypeSystem != "1505" || row.DocTypeCode != "2" || row is not { CaseRoot: { } root, CaseExt: { } ext }
            || document.StructuredJson is not { } json || AsiaFacts.Read(json) is not { } facts)
            return null;
        var known = await db.Set<ArchiveCase>().FirstOrDefaultAsync(c => c.RegistrarOrgId == row.RegistrarOrgId && c.CaseRoot == root && c.CaseExt == ext, ct);
        if (known is null)
        {
            known = new ArchiveCase { RegistrarOrgId = row.RegistrarOrgId, CaseRoot = root, CaseExt = ext };
            db.Add(known);
        }
        known.ServiceTaskCode = facts.ServiceTaskCode is { Length: > 0 and <= 20 } task ? task : row.ServiceTaskCode;
        known.OpenedOn = facts.OpenedOn;
        known.ClosedOn = facts.ClosedOn;
        known.Source = CaseSource.AsiaDocument;
        known.UpdatedAt = Now(clock);
        await retention.PlanCaseAsync(row.RegistrarOrgId, root, ext, row.Id.Value, ct);
        return new CaseFacts(known.ServiceTaskCode, known.ClosedOn);
    }

    /// <summary>Now, to the microsecond that PostgreSQL keeps, so that a retry's receipt equals the first one exactly.</summary>
    public static DateTime Now(TimeProvider clock) => AuditRecord.TruncateToMicroseconds(clock.GetUtcNow().UtcDateTime);

    /// <summary>"1505" for a document group (Asiakkuus-, Asia-asiakirja…), else "1506".</summary>
    public static string DocumentTypeSystem(Coded type) => ArchivedDocument.TypeSystemOf(type);

    public static Receipt ReceiptOf(ArchivedDocument d, IReadOnlyList<ArchiveError> warnings) =>
        new(d.Id.Value, d.DocumentOid, d.SetId, d.VersionNumber, d.Sha256Hex, d.ArchivedAt, warnings);

    /// <summary>
    /// The archive's person for a henkilötunnus, added on first sight (a concurrent first sight reads the winner's row),
    /// with the date of death the archive knows. On PostgreSQL one statement does both (insert unless present, then read).
    /// </summary>
    private async Task<(PersonId Id, DateOnly? Death)> PersonAsync(Vakka.Platform.Finnish.PersonalIdentityCode hetu, CancellationToken ct)
    {
        var value = hetu.Value;
        if (db.Provider == DatabaseProvider.Postgres)
        {
            var row = (await db.Database.SqlQuery<PersonRow>($"""
                WITH added AS (
                  INSERT INTO ar_person (id, hetu, birth_date) VALUES ({Guid.CreateVersion7()}, {value}, {hetu.BirthDate})
                  ON CONFLICT (hetu) DO NOTHING RETURNING id, death_date)
                SELECT id AS "Id", death_date AS "DeathDate" FROM added
                UNION ALL SELECT id, death_date FROM ar_person WHERE hetu = CAST({value} AS bpchar)
                LIMIT 1
                """).ToListAsync(ct)).Single();
            return (new PersonId(row.Id), row.DeathDate);
        }
        var known = await db.Set<ArchivePerson>().AsNoTracking().Where(p => p.Hetu == value).Select(p => new { p.Id, p.DeathDate }).FirstOrDefaultAsync(ct);
        if (known is not null) return (known.Id, known.DeathDate);
        var person = new ArchivePerson { Id = PersonId.New(), Hetu = value, BirthDate = hetu.BirthDate };
        db.Add(person);
        if ((await db.SaveOrConflictAsync(ct)).IsOk) return (person.Id, null);
        var winner = await db.Set<ArchivePerson>().AsNoTracking().Where(p => p.Hetu == value).Select(p => new { p.Id, p.DeathDate }).FirstAsync(ct);
        return (winner.Id, winner.DeathDate);
    }

    private sealed class PersonRow
    {
        public Guid Id { get; set; }
        public DateOnly? DeathDate { get; set; }
    }
}
