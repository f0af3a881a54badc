namespace Vakka.Cda;

/// <summary>
/// The code lists shipped with the library as embedded CSVs (copied from the design's code-list folder; see
/// CodeLists/README.md for what is partial). Loaded once; immutable.
/// </summary>
public sealed class CodeLists : ICodeLists
{
    private static readonly Lazy<CodeLists> Lazy = new(() => new CodeLists());

    private CodeLists()
    {
        DocumentTypes = Load("documentTypes", "document-types-1506.csv", CdaConstants.DocumentTypeSystem, complete: false, document: true);
        DocumentGroups = Load("documentGroups", "document-groups-1505.csv", CdaConstants.DocumentGroupSystem, complete: false, document: true);
        ServiceTasks = Load("serviceTasks", "service-tasks-1221.csv", CdaConstants.ServiceTaskSystem, complete: false, document: false);
        Confidentiality = Load("confidentiality", "confidentiality.csv", CdaConstants.ConfidentialitySystem, complete: false, document: false);
        AuthorRoles = Load("authorRoles", "author-roles.csv", CdaConstants.AuthorRoleSystem, complete: false, document: false);
        GeneralTypes = ReadRows("general-document-types.csv").Select(r => r["name_fi"]).ToArray();
    }

    /// <summary>The one instance.</summary>
    public static CodeLists Instance => Lazy.Value;

    public CodeList DocumentTypes { get; }

    public CodeList DocumentGroups { get; }

    public CodeList ServiceTasks { get; }

    public CodeList Confidentiality { get; }

    public CodeList AuthorRoles { get; }

    public CodeList ProcessPhases { get; } = CodeList.Uncoded("processPhases", CdaConstants.ProcessPhaseSystem);

    public CodeList RetentionClasses { get; } = CodeList.Uncoded("retentionClasses", null);

    public CodeList RecordStatuses { get; } = CodeList.Uncoded("recordStatus", null);

    /// <summary>The 16 general document type names (no code system exists, SWA §6).</summary>
    public IReadOnlyList<string> GeneralTypes { get; }

    private static CodeList Load(string key, string file, string oid, bool complete, bool document)
    {
        var entries = ReadRows(file).Select(r => document
            ? new CodeListEntry(r["code"], r["name_fi"], r["general_type"], r["structure_oid"])
            : new CodeListEntry(r["code"], r["name_fi"]));
        return new CodeList(key, oid, CodeListMode.Closed, complete, entries);
    }

    private static List<Dictionary<string, string>> ReadRows(string file)
    {
        var name = "Vakka.Cda.CodeLists." + file;
        using var stream = typeof(CodeLists).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded code list {name} is missing.");
        using var reader = new StreamReader(stream);
        return CsvTable.Parse(reader.ReadToEnd());
    }
}
