using System.Buffers;
using System.Globalization;
using SHA256 = System.Security.Cryptography.SHA256;
using System.Text;
using Vakka.Cda;
using Vakka.Platform.Finnish;

namespace Vakka.Archive.Features.Migration;

/// <summary>What a migration run builds with: the registrar, the run's number (part of every OID it allocates) and the API's limits.</summary>
public sealed record BuildSettings(Oid Registrar, int RunNumber, string SourceSystem, string ContentRoot, MigrationOptions Options,
    bool TestPersonsOnly, long MaxDocumentBytes, TimeProvider Clock)
{
    public Oid DocumentOidRoot { get; } = Oid.Parse($"{Registrar.Value}.{Options.DocumentOidArc}.{RunNumber}");
    public Oid CaseOidRoot { get; } = Oid.Parse($"{Registrar.Value}.{Options.CaseOidArc}");
}

/// <summary>What became of one legacy record: a document to archive or a failure.</summary>
public abstract record BuildResult(LegacyRecord Record);

/// <summary>A record made into a valid version-1 document, with what the archive stores beside the bytes.</summary>
public sealed record BuiltDocument(LegacyRecord Record, string SourceSystem, byte[] Bytes, byte[] Sha256, CdaHeader Header, CdaBodyKind BodyKind,
    DateOnly? CaseClosedOn, MappingTarget Target) : BuildResult(Record);

/// <summary>A record that cannot be archived: machine codes (the first one decides the message) and an English detail without values.</summary>
public sealed record BuildFailure(LegacyRecord Record, IReadOnlyList<string> Codes, string? Detail) : BuildResult(Record);

/// <summary>
/// Builds a legacy record into a client document (design §g.3): version 1, author role KIR, the mapped document type
/// with its structure OID and general type, the mapped service task and uncoded values, a document OID
/// <c>&lt;registrar&gt;.&lt;arc&gt;.&lt;run&gt;.&lt;record&gt;</c>, the old case number under the registrar's legacy case arc.
/// Text becomes an XHTML-only display form (the text escaped in <c>&lt;pre&gt;</c>); PDF becomes a nonXMLBody. The
/// bytes then go through the same <see cref="CdaReader"/> and <see cref="CdaValidator"/> as the archive API, so a
/// migrated document passes exactly the checks an archived one does (the body part is checked as built, not decoded
/// back from the Base64 the writer made of it). Pure apart from reading the content file.
/// </summary>
public static class LegacyDocumentBuilder
{
    public static BuildResult Build(LegacyRecord record, MappingTable mapping, BuildSettings settings)
    {
        var codes = new List<string>();
        string? detail = null;
        void Fail(string code, string? why = null)
        {
            codes.Add(code);
            detail ??= why;
        }

        if (record.ReadProblem is { } problem) return new BuildFailure(record, [problem], "The line is not a JSON object of text values.");
        if (record.OldDocumentId.Length == 0) Fail("OLD_ID_MISSING", "old_document_id");
        else if (record.OldDocumentId.Length > Domain.MigrationItem.MaxOldIdLength) Fail("OLD_ID_TOO_LONG", "old_document_id");
        var source = record.SourceSystem.Length > 0 ? record.SourceSystem : settings.SourceSystem;
        if (source.Length > Domain.MigrationRun.MaxSourceSystemLength) Fail("SOURCE_SYSTEM_TOO_LONG", "source_system");

        var target = mapping.Find(record.OldDocumentType, record.OldService);
        if (target is null) Fail("MAPPING_MISSING", "old_document_type, old_service");

        PersonalIdentityCode hetu = default;
        if (record.ClientHetu.Length == 0) Fail("HETU_MISSING", "client_hetu");
        else if (!PersonalIdentityCode.TryParse(record.ClientHetu, out hetu, out var hetuError)) Fail(HetuCode(hetuError), "client_hetu");

        var created = Time(record.CreatedAt, "created_at", required: true, Fail);
        var completed = record.CompletedOn.Length > 0 ? Time(record.CompletedOn, "completed_on", required: false, Fail) : created;
        // A completion date alone on the day of creation means "completed that day", not at midnight before it was written.
        if (completed is { } done && created is { } made && record.CompletedOn.Length == 10 && done.Date == made.Date && done < made) completed = made;
        DateOnly? closedOn = null;
        if (record.CaseClosedOn.Length > 0)
        {
            if (Day(record.CaseClosedOn) is { } day) closedOn = day;
            else Fail("DATE_INVALID", "case_closed_on");
        }
        if (record.CaseId.Length > CdaConstants.MaxCaseIdExtensionLength) Fail("CASE_ID_INVALID", "case_id");
        if (closedOn is not null && record.CaseId.Length == 0) Fail("CASE_ID_MISSING", "case_closed_on without case_id");

        Oid unit = default;
        if (!Oid.TryParse(record.UnitOid, out unit, out _)) Fail("UNIT_OID_INVALID", "unit_oid");
        InstanceId? author = null;
        if (record.AuthorId.Length > 0)
        {
            var parts = record.AuthorId.Split('^', 2);
            if (Oid.TryParse(parts[0], out var root, out _) && (parts.Length == 1 || parts[1].Length is > 0 and <= 100))
                author = new InstanceId(root, parts.Length == 2 ? parts[1] : null);
            else Fail("AUTHOR_ID_INVALID", "author_id");
        }

        var body = Content(record, settings, Fail);
        if (codes.Count > 0 || target is null || created is null || completed is null || body is null)
            return new BuildFailure(record, codes, detail);

        var type = CodeLists.Instance.DocumentTypes.Find(target.DocumentTypeCode)!;
        var oid = Oid.Parse($"{settings.DocumentOidRoot.Value}.{record.Index.ToString(CultureInfo.InvariantCulture)}");
        var header = new CdaHeader
        {
            TemplateIds = [Oid.Parse(type.StructureOid!)], Id = new InstanceId(oid), SetId = oid, VersionNumber = 1,
            DocumentType = new Coded(type.Code, CdaConstants.DocumentTypeSystem, type.Name),
            Title = record.Title.Length > 0 ? record.Title : type.Name, GeneralType = type.GeneralType,
            EffectiveTime = created, CompletionTime = completed, Confidentiality = new Coded("5", CdaConstants.ConfidentialitySystem),
            LanguageCode = record.Language.Length > 0 ? record.Language : "fi", Client = hetu,
            Author = new CdaAuthor(new Coded("KIR", CdaConstants.AuthorRoleSystem, "kirjaaja"), created.Value, author, unit),
            Registrar = settings.Registrar, ServiceUnit = unit,
            CaseId = record.CaseId.Length > 0 ? new InstanceId(settings.CaseOidRoot, record.CaseId) : null,
            ServiceTask = new Coded(target.ServiceTaskCode, CdaConstants.ServiceTaskSystem, CodeLists.Instance.ServiceTasks.Find(target.ServiceTaskCode)?.Name),
            ProcessPhase = Uncoded(target.ProcessPhaseCode, CdaConstants.ProcessPhaseSystem),
            RetentionClass = Uncoded(target.RetentionClassCode, null), RecordStatus = Uncoded(target.RecordStatusCode, null),
        };
        var cdaBody = body.Value.IsPdf ? (CdaBody)new PdfBody(body.Value.Bytes) : new XhtmlOnlyBody(Xhtml(header.Title!, header.LanguageCode!, body.Value.Bytes));
        byte[] bytes;
        try
        {
            bytes = CdaWriter.Write(new CdaDocument(header, cdaBody));
        }
        catch (ArgumentException)
        {
            return new BuildFailure(record, ["DOCUMENT_NOT_BUILT"], "A header value could not be written.");
        }

        // The archive API's own checks, on the bytes that will be stored. The body part is not decoded again: the
        // reader still walks its Base64 text, and the validator checks the part this builder encoded into it.
        var read = CdaReader.Read(bytes, new CdaReadOptions { MaxDocumentBytes = settings.MaxDocumentBytes, MaxPartBytes = settings.MaxDocumentBytes, DecodeBody = false });
        if (read.Body.Kind != CdaBodyKind.None) read = read with { Body = read.Body with { Content = cdaBody } };
        var issues = CdaValidator.Validate(read, CodeLists.Instance,
            new CdaValidationOptions { Clock = settings.Clock, TestPersonsOnly = settings.TestPersonsOnly, AllowXhtmlOnly = true });
        var errors = issues.Where(i => i.Severity == CdaSeverity.Error).ToList();
        if (errors.Count > 0 || read.Header is null)
            return new BuildFailure(record, [.. errors.Select(e => e.Code).Distinct()], errors.FirstOrDefault()?.Path);
        return new BuiltDocument(record, source, bytes, SHA256.HashData(bytes), read.Header, read.Body.Kind, closedOn, target);
    }

    private static Coded Uncoded(string? code, string? system) => code is null ? Coded.Null("UNK", system) : new Coded(code, system);

    private static string HetuCode(string errorKey) => errorKey switch
    {
        PersonalIdentityCode.Errors.Date => CdaIssueCodes.HetuDate,
        PersonalIdentityCode.Errors.IndividualNumber => CdaIssueCodes.HetuIndividualNumber,
        PersonalIdentityCode.Errors.CheckCharacter => CdaIssueCodes.HetuCheckCharacter,
        _ => CdaIssueCodes.HetuFormat,
    };

    private static readonly string[] DateTimeFormats =
        ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"];

    /// <summary>An ISO date or date-time; without an offset it is Helsinki local time (a date alone: midnight).</summary>
    private static DateTimeOffset? Time(string text, string column, bool required, Action<string, string?> fail)
    {
        if (text.Length == 0)
        {
            if (required) fail("DATE_MISSING", column);
            return null;
        }
        if (DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            && !HelsinkiTime.Zone.IsInvalidTime(local) && local.Year >= 1900)
            return new DateTimeOffset(local, HelsinkiTime.Zone.GetUtcOffset(local));
        if (text.Length > 10 && DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:ss'Z'"],
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var withOffset) && withOffset.Year >= 1900)
            return withOffset;
        fail("DATE_INVALID", column);
        return null;
    }

    private static DateOnly? Day(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year >= 1900 ? day : null;

    /// <summary>The content file: inside the folder's content/, .txt (UTF-8) or .pdf, at most the document limit.</summary>
    private static (byte[] Bytes, bool IsPdf)? Content(LegacyRecord record, BuildSettings settings, Action<string, string?> fail)
    {
        if (record.ContentPath.Length == 0)
        {
            fail("CONTENT_MISSING", "content_path");
            return null;
        }
        var root = Path.GetFullPath(settings.ContentRoot);
        string full;
        try
        {
            full = Path.GetFullPath(Path.Combine(root, record.ContentPath));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            fail("CONTENT_PATH_INVALID", "content_path");
            return null;
        }
        if (Path.IsPathRooted(record.ContentPath) || !full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            fail("CONTENT_PATH_INVALID", "content_path");
            return null;
        }
        var extension = Path.GetExtension(full).ToLowerInvariant();
        if (extension is not (".txt" or ".pdf"))
        {
            fail("CONTENT_TYPE_UNSUPPORTED", "content_path");
            return null;
        }
        byte[] bytes;
        try
        {
            var info = new FileInfo(full);
            if (!info.Exists)
            {
                fail("CONTENT_MISSING", "content_path");
                return null;
            }
            if (info.Length > settings.Options.MaxContentBytes)
            {
                fail("CONTENT_TOO_LARGE", "content_path");
                return null;
            }
            bytes = File.ReadAllBytes(full);
        }
        catch (IOException)
        {
            fail("CONTENT_MISSING", "content_path");
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            fail("CONTENT_MISSING", "content_path");
            return null;
        }
        if (extension == ".pdf") return (bytes, true);
        var text = bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsSpan(3) : bytes;
        if (!System.Text.Unicode.Utf8.IsValid(text))
        {
            fail("CONTENT_ENCODING_INVALID", "content_path");
            return null;
        }
        return (text.ToArray(), false);
    }

    /// <summary>
    /// The display form of a text document: the title and the text in <c>&lt;pre&gt;</c>, escaped. Control characters
    /// XML does not allow become a line break (form feed, vertical tab) or U+FFFD, so old printouts still parse.
    /// </summary>
    public static byte[] Xhtml(string title, string language, ReadOnlySpan<byte> utf8Text)
    {
        var output = new ArrayBufferWriter<byte>(utf8Text.Length + 512);
        output.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\""u8);
        output.Write(Encoding.UTF8.GetBytes(language == "sv" ? "sv" : "fi"));
        output.Write("\"><head><title>"u8);
        var escapedTitle = Encoding.UTF8.GetBytes(title);
        WriteEscaped(output, escapedTitle);
        output.Write("</title></head><body><h1>"u8);
        WriteEscaped(output, escapedTitle);
        output.Write("</h1><pre>"u8);
        WriteEscaped(output, utf8Text);
        output.Write("</pre></body></html>\n"u8);
        return output.WrittenSpan.ToArray();
    }

    private static void WriteEscaped(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> text)
    {
        while (text.Length > 0)
        {
            var next = text.IndexOfAnyInRange((byte)0, (byte)0x1F);
            var special = text.IndexOfAny("&<>"u8);
            var stop = next < 0 ? special : special < 0 ? next : Math.Min(next, special);
            if (stop < 0)
            {
                output.Write(text);
                return;
            }
            output.Write(text[..stop]);
            var b = text[stop];
            output.Write(b switch
            {
                (byte)'&' => "&amp;"u8,
                (byte)'<' => "&lt;"u8,
                (byte)'>' => "&gt;"u8,
                (byte)'\t' => "\t"u8,
                (byte)'\n' => "\n"u8,
                (byte)'\r' => "\r"u8,
                0x0B or 0x0C => "\n"u8,
                _ => "\uFFFD"u8,
            });
            text = text[(stop + 1)..];
        }
    }
}
