using System.Security.Cryptography;
using System.Text;
using nietras.SeparatedValues;
using Vakka.Archive.Domain;
using Vakka.Cda;
using Vakka.Platform.Ids;

namespace Vakka.Archive.Features.Migration;

/// <summary>Where an old document type and old service go: the national codes a migrated document gets.</summary>
public sealed record MappingTarget(string DocumentTypeCode, string ServiceTaskCode, string? ProcessPhaseCode, string? RetentionClassCode, string? RecordStatusCode);

/// <summary>A problem with a mapping table or a metadata file: a machine code, the line (1 = the header) and the column it concerns.</summary>
public sealed record MigrationProblem(string Code, long Line = 0, string? Column = null);

/// <summary>
/// A registrar's mapping table (design §g.2): old document type and old service (<c>*</c> = any) to document type
/// (1506), service task (1221) and the optional process phase, retention class and record status. Edited as CSV (comma
/// or semicolon, as Excel saves it, UTF-8), checked as a whole: any problem and nothing is stored. An exact
/// (type, service) row wins over (type, <c>*</c>).
/// </summary>
public sealed class MappingTable
{
    public const string Any = "*";
    public const int MaxRows = 20_000;
    public const int MaxBytes = 4 * 1024 * 1024;

    public static readonly string[] Columns =
        ["old_document_type", "old_service", "document_type_code", "service_task_code", "process_phase_code", "retention_class_code", "record_status_code", "note"];

    private readonly Dictionary<(string Type, string Service), MappingTarget> targets;

    private MappingTable(IReadOnlyList<Row> rows)
    {
        Rows = rows;
        targets = rows.ToDictionary(r => (r.OldDocumentType, r.OldService), r => r.Target);
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToCsv())));
    }

    /// <summary>One row as stored.</summary>
    public sealed record Row(string OldDocumentType, string OldService, MappingTarget Target, string? Note, int Line);

    public IReadOnlyList<Row> Rows { get; }

    /// <summary>Hex SHA-256 of the table's canonical CSV: runs record which table they used.</summary>
    public string Sha256 { get; }

    public static MappingTable Empty { get; } = new([]);

    /// <summary>The target of an old type and service: the exact row, else the type's <c>*</c> row, else null.</summary>
    public MappingTarget? Find(string oldDocumentType, string oldService) =>
        targets.TryGetValue((oldDocumentType, oldService), out var exact) ? exact
        : targets.TryGetValue((oldDocumentType, Any), out var any) ? any : null;

    /// <summary>The canonical CSV (comma, UTF-8, the columns of <see cref="Columns"/>), for download and hashing.</summary>
    public string ToCsv()
    {
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).ToText();
        foreach (var row in Rows.OrderBy(r => r.OldDocumentType, StringComparer.Ordinal).ThenBy(r => r.OldService, StringComparer.Ordinal))
        {
            using var line = writer.NewRow();
            line[Columns[0]].Set(row.OldDocumentType);
            line[Columns[1]].Set(row.OldService);
            line[Columns[2]].Set(row.Target.DocumentTypeCode);
            line[Columns[3]].Set(row.Target.ServiceTaskCode);
            line[Columns[4]].Set(row.Target.ProcessPhaseCode ?? "");
            line[Columns[5]].Set(row.Target.RetentionClassCode ?? "");
            line[Columns[6]].Set(row.Target.RecordStatusCode ?? "");
            line[Columns[7]].Set(row.Note ?? "");
        }
        if (Rows.Count == 0) return string.Join(',', Columns) + "\n";
        return writer.ToString().ReplaceLineEndings("\n");
    }

    internal static MappingTable FromStored(IEnumerable<MappingRow> rows) => new([.. rows.Select(r => new Row(r.OldDocumentType, r.OldService,
        new MappingTarget(r.DocumentTypeCode, r.ServiceTaskCode, r.ProcessPhaseCode, r.RetentionClassCode, r.RecordStatusCode), r.Note, r.Line))]);

    internal IEnumerable<MappingRow> ToStored(OrganisationId registrar) => Rows.Select(r => new MappingRow
    {
        RegistrarOrgId = registrar, OldDocumentType = r.OldDocumentType, OldService = r.OldService, DocumentTypeCode = r.Target.DocumentTypeCode,
        ServiceTaskCode = r.Target.ServiceTaskCode, ProcessPhaseCode = r.Target.ProcessPhaseCode, RetentionClassCode = r.Target.RetentionClassCode,
        RecordStatusCode = r.Target.RecordStatusCode, Note = r.Note, Line = r.Line,
    });

    /// <summary>Reads a mapping CSV; returns the table, or every problem found (then no table).</summary>
    public static (MappingTable? Table, IReadOnlyList<MigrationProblem> Problems) Parse(ReadOnlySpan<byte> csv, ICodeLists codeLists)
    {
        if (csv.Length > MaxBytes) return (null, [new MigrationProblem("MAPPING_TOO_LARGE")]);
        if (csv.StartsWith("\uFEFF"u8)) csv = csv[3..];
        if (!System.Text.Unicode.Utf8.IsValid(csv)) return (null, [new MigrationProblem("MAPPING_ENCODING_INVALID")]);
        var text = Encoding.UTF8.GetString(csv);
        if (string.IsNullOrWhiteSpace(text)) return (null, [new MigrationProblem("MAPPING_EMPTY")]);

        var problems = new List<MigrationProblem>();
        var rows = new List<Row>();
        var seen = new Dictionary<(string, string), int>();
        try
        {
            using var reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true, Trim = SepTrim.Outer }).FromText(text);
            var index = new int[Columns.Length];
            for (var c = 0; c < Columns.Length; c++)
            {
                if (!reader.Header.TryIndexOf(Columns[c], out index[c]))
                {
                    if (c == Columns.Length - 1) index[c] = -1; // the note may be left out
                    else problems.Add(new MigrationProblem("MAPPING_HEADER_INVALID", 1, Columns[c]));
                }
            }
            if (problems.Count > 0) return (null, problems);

            foreach (var line in reader)
            {
                var number = line.LineNumberFrom;
                var values = new string[Columns.Length];
                for (var c = 0; c < Columns.Length; c++)
                    values[c] = index[c] >= 0 && index[c] < line.ColCount ? line[index[c]].ToString().Trim() : "";
                if (values.All(v => v.Length == 0)) continue; // an empty line, as spreadsheets leave at the end
                if (rows.Count >= MaxRows)
                {
                    problems.Add(new MigrationProblem("MAPPING_TOO_LARGE", number));
                    break;
                }
                var before = problems.Count;
                for (var c = 0; c < 4; c++)
                    if (values[c].Length == 0) problems.Add(new MigrationProblem("MAPPING_FIELD_MISSING", number, Columns[c]));
                for (var c = 0; c < 2; c++)
                    if (values[c].Length > MappingRow.MaxOldLength) problems.Add(new MigrationProblem("MAPPING_FIELD_TOO_LONG", number, Columns[c]));
                for (var c = 4; c < 7; c++)
                    if (values[c].Length > 20) problems.Add(new MigrationProblem("MAPPING_FIELD_TOO_LONG", number, Columns[c]));
                if (values[7].Length > MappingRow.MaxNoteLength) problems.Add(new MigrationProblem("MAPPING_FIELD_TOO_LONG", number, Columns[7]));
                if (values[0] == Any) problems.Add(new MigrationProblem("MAPPING_FIELD_INVALID", number, Columns[0]));
                if (values[2].Length > 0 && codeLists.DocumentTypes.Find(values[2]) is not { StructureOid: not null })
                    problems.Add(new MigrationProblem("MAPPED_CODE_UNKNOWN", number, Columns[2]));
                if (values[3].Length > 0 && !codeLists.ServiceTasks.Contains(values[3]))
                    problems.Add(new MigrationProblem("MAPPED_CODE_UNKNOWN", number, Columns[3]));
                CheckUncoded(values[4], codeLists.ProcessPhases, number, Columns[4], problems);
                CheckUncoded(values[5], codeLists.RetentionClasses, number, Columns[5], problems);
                CheckUncoded(values[6], codeLists.RecordStatuses, number, Columns[6], problems);
                if (values[0].Length > 0 && values[1].Length > 0 && !seen.TryAdd((values[0], values[1]), number))
                    problems.Add(new MigrationProblem("MAPPING_AMBIGUOUS", number, Columns[1]));
                if (problems.Count > before) continue;
                rows.Add(new Row(values[0], values[1], new MappingTarget(values[2], values[3], NullIfEmpty(values[4]), NullIfEmpty(values[5]), NullIfEmpty(values[6])),
                    NullIfEmpty(values[7]), number));
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or NotSupportedException)
        {
            return (null, [new MigrationProblem("MAPPING_NOT_CSV")]);
        }
        if (problems.Count == 0 && rows.Count == 0) problems.Add(new MigrationProblem("MAPPING_EMPTY"));
        return problems.Count > 0 ? (null, problems) : (new MappingTable(rows), []);
    }

    /// <summary>An uncoded list (no official codes yet) takes any code; a loaded one only its own.</summary>
    private static void CheckUncoded(string value, CodeList list, long line, string column, List<MigrationProblem> problems)
    {
        if (value.Length > 0 && list.Entries.Count > 0 && !list.Contains(value))
            problems.Add(new MigrationProblem("MAPPED_CODE_UNKNOWN", line, column));
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
