using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vakka.Archive.Domain;
using Vakka.Archive.Domain.Retention;
using Vakka.Archive.Features.Documents;
using Vakka.Archive.Features.Migration;
using Vakka.Archive.Features.Retention;
using Vakka.Cda;
using Vakka.Platform;
using Vakka.Platform.Data;
using Vakka.Platform.Finnish;
using SHA256 = System.Security.Cryptography.SHA256;

namespace Vakka.Archive.Features.Benchmark;

/// <summary>
/// How many documents and clients the query set has (design §h): documents spread evenly over the days from
/// <paramref name="FromYear"/> to yesterday, archived in that order, each for a random client.
/// </summary>
public sealed record QuerySetVolume(int Documents, int Clients, int Seed = 2026, int FromYear = 2008);

/// <summary>What <see cref="QuerySetGenerator"/> wrote.</summary>
public sealed record QuerySetResult(long Documents, long Persons, int Templates, string Writer);

/// <summary>
/// The archive's query set for benchmarks (<c>archive generate</c>): millions of archived documents of one registrar
/// written straight into the database, with PostgreSQL's binary COPY (<see cref="PostgresCopy{T}"/>) or EF Core on
/// SQLite (small volumes). Every document is a real CDA that passes the archive API's validation: one template per
/// document type and service task is built with <see cref="CdaWriter"/> and validated once; each document's bytes are
/// that template with its own document OID (= set id, version 1), client henkilötunnus, times and case number put in,
/// so its stored SHA-256, byte length and metadata row are those of its own bytes, and <c>archive verify</c> finds
/// them intact. Bodies are small (a sentence of XHTML and a one-property JSON). Clients are test henkilötunnus values
/// (<see cref="LegacyGenerator.TestHetu"/>); types, service tasks and days are drawn from a seeded random, so a seed
/// always gives the same set (ids and archive times aside). Only into an archive without persons and documents.
/// </summary>
public sealed class QuerySetGenerator(VakkaDb db, RetentionRules rules, IOptions<ArchiveOptions> options, TimeProvider clock)
{
    /// <summary>Generated documents' OIDs: <c>&lt;registrar&gt;.10.0.90.9.&lt;n&gt;</c> (the API benchmark uses <c>.10.0.90.8</c>).</summary>
    public const string DocumentOidArc = "10.0.90.9";

    /// <summary>Rows of each table buffered before they are written (one COPY each, or one SaveChanges on SQLite).</summary>
    public const int ChunkSize = 20_000;

    /// <summary>Generates the set for <paramref name="registrar"/>; null when the archive already has persons or documents.</summary>
    public async Task<QuerySetResult?> GenerateAsync(OrganisationInfo registrar, QuerySetVolume volume, Action<long>? progress, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(volume.Documents, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(volume.Clients, 1);
        if (await db.Set<ArchivePerson>().AnyAsync(ct) || await db.Set<ArchivedDocument>().AnyAsync(ct)) return null;

        var persons = Enumerable.Range(0, volume.Clients).Select(i =>
        {
            var hetu = PersonalIdentityCode.Parse(LegacyGenerator.TestHetu(i));
            return new ArchivePerson { Id = PersonId.New(), Hetu = hetu.Value, BirthDate = hetu.BirthDate };
        }).ToArray();
        var copy = db.Provider == DatabaseProvider.Postgres;
        var templates = new Templates(registrar.Oid, options.Value, clock);
        var rows = Rows(registrar, volume, persons, templates, ct);

        await using var transaction = copy ? await db.Database.BeginTransactionAsync(ct) : null;
        foreach (var chunk in persons.Chunk(ChunkSize)) await WriteAsync(chunk, ct);
        long written = 0;
        // The next chunk is built (bytes, SHA-256, retention) while the previous one is being written.
        using var chunks = rows.Chunk(ChunkSize).GetEnumerator();
        var next = Task.Run(() => chunks.MoveNext() ? chunks.Current : null, ct);
        try
        {
            while (await next is { } chunk)
            {
                next = Task.Run(() => chunks.MoveNext() ? chunks.Current : null, ct);
                await WriteAsync(chunk.Select(r => r.Document).ToArray(), ct);
                await WriteAsync(chunk.Select(r => r.Content).ToArray(), ct);
                written += chunk.Length;
                progress?.Invoke(written);
            }
        }
        catch
        {
            await Task.WhenAny(next); // never dispose the enumerator while the next chunk is being built
            throw;
        }
        if (transaction is not null) await transaction.CommitAsync(ct);
        return new QuerySetResult(written, persons.Length, templates.Count, copy ? "PostgreSQL binary COPY" : "EF Core");
    }

    private IEnumerable<(ArchivedDocument Document, DocumentContent Content)> Rows(OrganisationInfo registrar, QuerySetVolume volume,
        ArchivePerson[] persons, Templates templates, CancellationToken ct)
    {
        var random = new Random(volume.Seed);
        var types = CodeLists.Instance.DocumentTypes.Entries.Where(e => e.StructureOid is not null).OrderBy(e => e.Code, StringComparer.Ordinal).ToArray();
        var tasks = CodeLists.Instance.ServiceTasks.Entries.Select(e => e.Code).Order(StringComparer.Ordinal).ToArray();
        var now = clock.GetUtcNow().UtcDateTime;
        var first = new DateOnly(volume.FromYear, 1, 1);
        var days = Math.Max(1, DateOnly.FromDateTime(HelsinkiTime.ToLocal(now)).DayNumber - first.DayNumber);
        var oidRoot = $"{registrar.Oid.Value}.{DocumentOidArc}.";
        var caseRoot = $"{registrar.Oid.Value}.10.0.92";
        for (var n = 0; n < volume.Documents; n++)
        {
            if ((n & 4095) == 0) ct.ThrowIfCancellationRequested();
            var day = first.AddDays((int)((long)n * days / volume.Documents));
            var local = day.ToDateTime(new TimeOnly(8 + random.Next(9), random.Next(60), random.Next(60)));
            var completedLocal = local.AddMinutes(5 + random.Next(120));
            var effective = TimeZoneInfo.ConvertTimeToUtc(local, HelsinkiTime.Zone);
            var completed = TimeZoneInfo.ConvertTimeToUtc(completedLocal, HelsinkiTime.Zone);
            var archived = completed.AddMinutes(random.Next(3 * 24 * 60));
            if (archived > now) archived = now;
            var client = random.Next(persons.Length);
            var person = persons[client];
            var type = types[random.Next(types.Length)];
            var task = tasks[random.Next(tasks.Length)];
            var caseExt = $"{task}-{client}-{day.Year}";
            var oid = oidRoot + (n + 1).ToString(CultureInfo.InvariantCulture);

            var template = templates.For(type, task);
            var bytes = template.Fill(oid, person.Hetu, local, completedLocal, caseExt);
            var row = template.Row(oid, bytes, registrar, person.Id, archived);
            row.EffectiveTime = effective;
            row.CompletedAt = completed;
            row.CaseRoot = caseRoot;
            row.CaseExt = caseExt;
            var decision = rules.Decide(new DocumentFacts(DocumentTypeSystem.Type1506, row.DocTypeCode, row.ServiceTaskCode, day),
                new ClientFacts(person.BirthDate, null), null, []);
            DocumentRetention.Apply(row, decision);
            yield return (row, new DocumentContent { DocumentId = row.Id, Bytes = bytes });
        }
    }

    private readonly Dictionary<Type, object> copiers = [];

    private async Task WriteAsync<T>(T[] rows, CancellationToken ct) where T : class
    {
        if (db.Provider != DatabaseProvider.Postgres)
        {
            db.AddRange(rows);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return;
        }
        if (!copiers.TryGetValue(typeof(T), out var copier)) copiers[typeof(T)] = copier = new PostgresCopy<T>(db);
        await ((PostgresCopy<T>)copier).WriteAsync(db, rows, ct);
    }

    /// <summary>The templates met so far, one per document type and service task.</summary>
    private sealed class Templates(Oid registrar, ArchiveOptions options, TimeProvider clock)
    {
        private readonly Dictionary<(string, string), DocumentTemplate> built = [];

        public int Count => built.Count;

        public DocumentTemplate For(CodeListEntry type, string task)
        {
            if (!built.TryGetValue((type.Code, task), out var template))
                built[(type.Code, task)] = template = DocumentTemplate.Build(registrar, type, task, options, clock);
            return template;
        }
    }
}

/// <summary>
/// A valid version-1 document of one type and service task, cut at its per-document values: the document OID (twice:
/// <c>id</c> and <c>setId</c>), the client's henkilötunnus, the effective time (twice: the document's and the author's),
/// the completion time and the case number. Each is written with values that occur nowhere else in the bytes, found
/// in quotes, and replaced by the same kind of value, so the filled document is as valid as the template.
/// </summary>
internal sealed class DocumentTemplate
{
    private const string MarkOidLast = "424242424242";
    private static readonly string MarkHetu = LegacyGenerator.TestHetu(0);
    private const string MarkCase = "GENERATOR-CASE-MARK";
    private static readonly DateTime MarkEffective = new(2001, 2, 3, 4, 5, 6);
    private static readonly DateTime MarkCompleted = new(2001, 2, 3, 5, 7, 9);

    private enum Slot { Oid, Hetu, Effective, Completed, Case }

    private readonly byte[] bytes;
    private readonly List<(int Offset, int Length, Slot Slot)> cuts;
    private readonly ArchivedDocument prototype;

    private DocumentTemplate(byte[] bytes, List<(int, int, Slot)> cuts, ArchivedDocument prototype)
    {
        this.bytes = bytes;
        this.cuts = cuts;
        this.prototype = prototype;
    }

    public static DocumentTemplate Build(Oid registrar, CodeListEntry type, string task, ArchiveOptions options, TimeProvider clock)
    {
        var markOid = Oid.Parse($"{registrar.Value}.{QuerySetGenerator.DocumentOidArc}.{MarkOidLast}");
        var hetu = PersonalIdentityCode.Parse(MarkHetu);
        var effective = new DateTimeOffset(MarkEffective, HelsinkiTime.Zone.GetUtcOffset(MarkEffective));
        var completed = new DateTimeOffset(MarkCompleted, HelsinkiTime.Zone.GetUtcOffset(MarkCompleted));
        var unit = Oid.Parse($"{registrar.Value}.10.3");
        var header = new CdaHeader
        {
            TemplateIds = [Oid.Parse(type.StructureOid!)], Id = new InstanceId(markOid), SetId = markOid, VersionNumber = 1,
            DocumentType = new Coded(type.Code, CdaConstants.DocumentTypeSystem, type.Name), Title = type.Name, GeneralType = type.GeneralType,
            EffectiveTime = effective, CompletionTime = completed, Confidentiality = new Coded("5", CdaConstants.ConfidentialitySystem),
            LanguageCode = "fi", Client = hetu,
            Author = new CdaAuthor(new Coded("KIR", CdaConstants.AuthorRoleSystem, "kirjaaja"), effective, null, unit),
            Registrar = registrar, ServiceUnit = unit, CaseId = new InstanceId(Oid.Parse($"{registrar.Value}.10.0.92"), MarkCase),
            ServiceTask = new Coded(task, CdaConstants.ServiceTaskSystem, CodeLists.Instance.ServiceTasks.Find(task)?.Name),
            ProcessPhase = Coded.Null("UNK", CdaConstants.ProcessPhaseSystem), RetentionClass = Coded.Null("UNK"), RecordStatus = Coded.Null("UNK"),
        };
        var body = new XhtmlJsonBody(
            Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"fi\"><head><title>{Escape(type.Name)}</title></head><body><h1>{Escape(type.Name)}</h1><p>Suorituskykytestin asiakirja: lyhyt merkintä asiakkaan tilanteesta.</p></body></html>\n"),
            Encoding.UTF8.GetBytes($"{{\"{RootProperty(type.Name)}\":{{\"merkinta\":\"suorituskykytesti\"}}}}"));
        var bytes = CdaWriter.Write(new CdaDocument(header, body));

        // The archive API's own checks, once per template.
        var read = CdaReader.Read(bytes, new CdaReadOptions { MaxDocumentBytes = options.MaxDocumentBytes, MaxPartBytes = options.MaxDocumentBytes });
        var errors = CdaValidator.Validate(read, CodeLists.Instance, new CdaValidationOptions { Clock = clock, TestPersonsOnly = options.TestPersonsOnly })
            .Where(i => i.Severity == CdaSeverity.Error).ToList();
        if (errors.Count > 0 || read.Header is null)
            throw new InvalidOperationException($"The template for type {type.Code}, service task {task} is invalid: {string.Join(", ", errors.Select(e => $"{e.Code} {e.Path}"))}");
        var prototype = ArchivedDocument.Of(read.Header, read.Body.Kind, bytes.Length, [], default, default, default, DocumentSource.Api);

        var cuts = new List<(int, int, Slot)>();
        Find(bytes, markOid.Value, Slot.Oid, 2, cuts);
        Find(bytes, MarkHetu, Slot.Hetu, 1, cuts);
        Find(bytes, CdaTime.Format(effective), Slot.Effective, 2, cuts);
        Find(bytes, CdaTime.Format(completed), Slot.Completed, 1, cuts);
        Find(bytes, MarkCase, Slot.Case, 1, cuts);
        cuts.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return new DocumentTemplate(bytes, cuts, prototype);
    }

    /// <summary>The template's bytes with this document's values.</summary>
    public byte[] Fill(string oid, string hetu, DateTime effectiveLocal, DateTime completedLocal, string caseExt)
    {
        Span<byte> effective = stackalloc byte[14];
        Span<byte> completed = stackalloc byte[14];
        Digits(effectiveLocal, effective);
        Digits(completedLocal, completed);
        var oidLength = Encoding.ASCII.GetByteCount(oid);
        var caseLength = Encoding.UTF8.GetByteCount(caseExt);
        var length = bytes.Length;
        foreach (var (_, cutLength, slot) in cuts)
            length += (slot switch { Slot.Oid => oidLength, Slot.Case => caseLength, _ => cutLength }) - cutLength;

        var result = new byte[length];
        var from = 0;
        var to = 0;
        foreach (var (offset, cutLength, slot) in cuts)
        {
            bytes.AsSpan(from, offset - from).CopyTo(result.AsSpan(to));
            to += offset - from;
            to += slot switch
            {
                Slot.Oid => Encoding.ASCII.GetBytes(oid, result.AsSpan(to)),
                Slot.Hetu => Encoding.ASCII.GetBytes(hetu, result.AsSpan(to)),
                Slot.Effective => Copy(effective, result.AsSpan(to)),
                Slot.Completed => Copy(completed, result.AsSpan(to)),
                _ => Encoding.UTF8.GetBytes(caseExt, result.AsSpan(to)),
            };
            from = offset + cutLength;
        }
        bytes.AsSpan(from).CopyTo(result.AsSpan(to));
        return result;
    }

    /// <summary>The metadata row of filled bytes: the template's values, this document's id, OID, bytes and owner.</summary>
    public ArchivedDocument Row(string oid, byte[] filled, OrganisationInfo registrar, PersonId person, DateTime archivedAt)
    {
        var p = prototype;
        return new ArchivedDocument
        {
            Id = ArchivedDocumentId.New(), DocumentOid = oid, SetId = oid, VersionNumber = 1, IsLatest = true,
            RegistrarOrgId = registrar.Id, RegistrarOid = p.RegistrarOid, ServiceUnitOid = p.ServiceUnitOid, PersonId = person,
            DocTypeSystem = p.DocTypeSystem, DocTypeCode = p.DocTypeCode, GeneralType = p.GeneralType, StructureOid = p.StructureOid, Title = p.Title,
            Language = p.Language, ConfidentialityCode = p.ConfidentialityCode, ServiceTaskCode = p.ServiceTaskCode, ProcessPhaseCode = p.ProcessPhaseCode,
            RetentionClassCode = p.RetentionClassCode, RecordStatusCode = p.RecordStatusCode, AuthorRole = p.AuthorRole, BodyKind = p.BodyKind,
            ByteLength = filled.Length, Sha256 = SHA256.HashData(filled), ArchivedAt = archivedAt, Source = DocumentSource.Api,
        };
    }

    private static int Copy(ReadOnlySpan<byte> from, Span<byte> to)
    {
        from.CopyTo(to);
        return from.Length;
    }

    private static void Digits(DateTime t, Span<byte> into)
    {
        var ok = t.TryFormat(into, out var written, "yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        if (!ok || written != 14) throw new InvalidOperationException("A CDA time is 14 digits.");
    }

    /// <summary>Finds each occurrence of a value in quotes (an attribute's whole value); there must be exactly <paramref name="expected"/>.</summary>
    private static void Find(byte[] bytes, string value, Slot slot, int expected, List<(int, int, Slot)> cuts)
    {
        var quoted = Encoding.UTF8.GetBytes($"\"{value}\"");
        var found = 0;
        var at = 0;
        while (bytes.AsSpan(at).IndexOf(quoted) is var i and >= 0)
        {
            cuts.Add((at + i + 1, quoted.Length - 2, slot));
            found++;
            at += i + quoted.Length;
        }
        if (found != expected) throw new InvalidOperationException($"The template has {value} {found} times, not {expected}.");
    }

    private static string Escape(string text) => System.Net.WebUtility.HtmlEncode(text);

    /// <summary>The structure name in snake case (the JSON root property the validator expects; ä, å → a, ö → o).</summary>
    private static string RootProperty(string name)
    {
        var result = new StringBuilder(name.Length);
        var gap = false;
        foreach (var c in name.ToLowerInvariant().Replace('ä', 'a').Replace('å', 'a').Replace('ö', 'o'))
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                gap = result.Length > 0;
                continue;
            }
            if (gap) result.Append('_');
            result.Append(c);
            gap = false;
        }
        return result.ToString();
    }
}
