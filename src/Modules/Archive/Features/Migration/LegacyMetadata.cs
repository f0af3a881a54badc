using System.Security.Cryptography;
using System.Text.Json;
using nietras.SeparatedValues;

namespace Vakka.Archive.Features.Migration;

/// <summary>
/// One old document as the source's metadata file describes it (design §g.1). Values are the file's text, trimmed;
/// the builder checks them. <see cref="Index"/> is the record's position (1-based), <see cref="Line"/> its line in the file.
/// </summary>
public sealed record LegacyRecord(long Index, long Line)
{
    public string OldDocumentId { get; init; } = "";
    public string SourceSystem { get; init; } = "";
    public string ClientHetu { get; init; } = "";
    public string OldDocumentType { get; init; } = "";
    public string OldService { get; init; } = "";
    public string CreatedAt { get; init; } = "";
    public string CompletedOn { get; init; } = "";
    public string CaseId { get; init; } = "";
    public string CaseClosedOn { get; init; } = "";
    public string AuthorId { get; init; } = "";
    public string UnitOid { get; init; } = "";
    public string Title { get; init; } = "";
    public string ContentPath { get; init; } = "";
    public string Language { get; init; } = "";

    /// <summary>Set when the line itself could not be read (JSON Lines: not a JSON object of strings).</summary>
    public string? ReadProblem { get; init; }
}

/// <summary>A problem with the source folder or its metadata file as a whole: the run stops with this code.</summary>
public sealed class MigrationFileException(string code, string? column = null) : Exception(code)
{
    public string Code { get; } = code;
    public string? Column { get; } = column;
}

/// <summary>
/// Streams the records of a source folder's <c>metadata.csv</c> (comma or semicolon, UTF-8, a header line) or
/// <c>metadata.jsonl</c> (one JSON object per line, the same field names), one at a time: memory stays flat whatever
/// the file's size. <c>author_name</c> may be present and is never read (no names in the archive's tables).
/// </summary>
public sealed class LegacyMetadata
{
    public const string CsvName = "metadata.csv";
    public const string JsonLinesName = "metadata.jsonl";
    public const string ContentFolder = "content";

    public static readonly string[] RequiredColumns = ["old_document_id", "client_hetu", "old_document_type", "old_service", "created_at", "unit_oid", "content_path"];

    public static readonly string[] OptionalColumns = ["source_system", "completed_on", "case_id", "case_closed_on", "author_name", "author_id", "title", "language"];

    private LegacyMetadata(string folder, string path)
    {
        Folder = folder;
        Path = path;
    }

    public string Folder { get; }
    public string Path { get; }
    public string ContentRoot => System.IO.Path.Combine(Folder, ContentFolder);
    private bool IsJsonLines => Path.EndsWith(".jsonl", StringComparison.Ordinal);

    /// <summary>The folder's metadata file; METADATA_MISSING when it has neither.</summary>
    public static LegacyMetadata Open(string folder)
    {
        foreach (var name in new[] { CsvName, JsonLinesName })
        {
            var path = System.IO.Path.Combine(folder, name);
            if (File.Exists(path)) return new LegacyMetadata(folder, path);
        }
        throw new MigrationFileException("METADATA_MISSING");
    }

    /// <summary>True when the folder holds a metadata file (what the migration page lists).</summary>
    public static bool IsSourceFolder(string folder) =>
        File.Exists(System.IO.Path.Combine(folder, CsvName)) || File.Exists(System.IO.Path.Combine(folder, JsonLinesName));

    /// <summary>The file's SHA-256 (hex) and its number of records, in one pass.</summary>
    public (string Sha256, long Records) Survey(CancellationToken ct)
    {
        string sha;
        using (var stream = File.OpenRead(Path)) sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        long records = 0;
        foreach (var _ in Read(0, ct)) records++;
        return (sha, records);
    }

    /// <summary>The records after <paramref name="skip"/> records, in file order.</summary>
    public IEnumerable<LegacyRecord> Read(long skip, CancellationToken ct) => IsJsonLines ? ReadJsonLines(skip, ct) : ReadCsv(skip, ct);

    private IEnumerable<LegacyRecord> ReadCsv(long skip, CancellationToken ct)
    {
        SepReader reader;
        try
        {
            reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true, Trim = SepTrim.Outer }).FromFile(Path);
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or NotSupportedException)
        {
            throw new MigrationFileException("METADATA_NOT_CSV");
        }
        using (reader)
        {
            var header = reader.Header;
            foreach (var column in RequiredColumns)
                if (!header.TryIndexOf(column, out _)) throw new MigrationFileException("METADATA_COLUMN_MISSING", column);
            var columns = RequiredColumns.Concat(OptionalColumns).ToDictionary(c => c, c => header.TryIndexOf(c, out var i) ? i : -1);
            long index = 0;
            foreach (var row in reader)
            {
                ct.ThrowIfCancellationRequested();
                if (IsBlank(row)) continue;
                index++;
                if (index <= skip) continue;
                var record = ToRecord(row, columns, index);
                yield return record;
            }
        }
    }

    private static LegacyRecord ToRecord(SepReader.Row row, Dictionary<string, int> columns, long index)
    {
        string F(SepReader.Row r, string name) => columns[name] is var i and >= 0 && i < r.ColCount ? r[i].ToString().Trim() : "";
        return new LegacyRecord(index, row.LineNumberFrom)
        {
            OldDocumentId = F(row, "old_document_id"), SourceSystem = F(row, "source_system"), ClientHetu = F(row, "client_hetu"),
            OldDocumentType = F(row, "old_document_type"), OldService = F(row, "old_service"), CreatedAt = F(row, "created_at"),
            CompletedOn = F(row, "completed_on"), CaseId = F(row, "case_id"), CaseClosedOn = F(row, "case_closed_on"), AuthorId = F(row, "author_id"),
            UnitOid = F(row, "unit_oid"), Title = F(row, "title"), ContentPath = F(row, "content_path"), Language = F(row, "language"),
        };
    }

    private static LegacyRecord Record(Dictionary<string, string> fields, long index, long line)
    {
        string F(string name) => fields.GetValueOrDefault(name, "");
        return new LegacyRecord(index, line)
        {
            OldDocumentId = F("old_document_id"), SourceSystem = F("source_system"), ClientHetu = F("client_hetu"),
            OldDocumentType = F("old_document_type"), OldService = F("old_service"), CreatedAt = F("created_at"), CompletedOn = F("completed_on"),
            CaseId = F("case_id"), CaseClosedOn = F("case_closed_on"), AuthorId = F("author_id"), UnitOid = F("unit_oid"),
            Title = F("title"), ContentPath = F("content_path"), Language = F("language"),
        };
    }

    private static bool IsBlank(SepReader.Row row)
    {
        for (var i = 0; i < row.ColCount; i++)
            if (!row[i].Span.IsWhiteSpace()) return false;
        return true;
    }

    private IEnumerable<LegacyRecord> ReadJsonLines(long skip, CancellationToken ct)
    {
        long index = 0, line = 0;
        foreach (var text in File.ReadLines(Path))
        {
            ct.ThrowIfCancellationRequested();
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            index++;
            if (index <= skip) continue;
            yield return ParseJsonLine(text, index, line);
        }
    }

    private static LegacyRecord ParseJsonLine(string text, long index, long line)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind != JsonValueKind.Object) return new LegacyRecord(index, line) { ReadProblem = "METADATA_LINE_INVALID" };
            foreach (var property in json.RootElement.EnumerateObject())
            {
                fields[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString()!.Trim(),
                    JsonValueKind.Number => property.Value.GetRawText(),
                    JsonValueKind.Null => "",
                    _ => throw new JsonException(),
                };
            }
        }
        catch (JsonException)
        {
            return new LegacyRecord(index, line) { ReadProblem = "METADATA_LINE_INVALID" };
        }
        return Record(fields, index, line);
    }
}
