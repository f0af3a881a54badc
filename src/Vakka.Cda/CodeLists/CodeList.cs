namespace Vakka.Cda;

/// <summary>How a code list is enforced (design §b "Uncoded lists").</summary>
public enum CodeListMode
{
    /// <summary>Unknown codes are refused.</summary>
    Closed,

    /// <summary>The reference gives no codes yet: a code of the right system or a nullFlavor is accepted with a warning.</summary>
    Uncoded,
}

/// <summary>One code of a list. <see cref="GeneralType"/> and <see cref="StructureOid"/> are set for document types only.</summary>
public sealed record CodeListEntry(string Code, string Name, string? GeneralType = null, string? StructureOid = null);

/// <summary>A code list with its code-system OID.</summary>
public sealed class CodeList
{
    private readonly Dictionary<string, CodeListEntry> _entries;

    public CodeList(string key, string? oid, CodeListMode mode, bool complete, IEnumerable<CodeListEntry> entries)
    {
        Key = key;
        Oid = oid;
        Mode = mode;
        IsComplete = complete;
        _entries = entries.ToDictionary(e => e.Code, StringComparer.Ordinal);
    }

    /// <summary>The list's key in index.json, e.g. "documentTypes".</summary>
    public string Key { get; }

    /// <summary>The code-system OID (base, without a version suffix), or null when the reference names none.</summary>
    public string? Oid { get; }

    public CodeListMode Mode { get; }

    /// <summary>False when the reference says more codes exist than are shipped (see CodeLists/README.md).</summary>
    public bool IsComplete { get; }

    public IReadOnlyCollection<CodeListEntry> Entries => _entries.Values;

    public bool Contains(string? code) => code is not null && _entries.ContainsKey(code);

    public CodeListEntry? Find(string? code) => code is not null && _entries.TryGetValue(code, out var e) ? e : null;

    /// <summary>The entry whose structure OID (templateId) is <paramref name="structureOid"/>, or null.</summary>
    public CodeListEntry? FindByStructure(string structureOid) =>
        (_byStructure ??= _entries.Values.Where(e => e.StructureOid is not null).ToDictionary(e => e.StructureOid!, StringComparer.Ordinal))
        .GetValueOrDefault(structureOid);

    private Dictionary<string, CodeListEntry>? _byStructure;

    /// <summary>An uncoded list (no codes known).</summary>
    public static CodeList Uncoded(string key, string? oid) => new(key, oid, CodeListMode.Uncoded, complete: false, []);
}
