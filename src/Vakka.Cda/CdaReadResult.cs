namespace Vakka.Cda;

/// <summary>Options of <see cref="CdaReader"/>.</summary>
public sealed record CdaReadOptions
{
    public static readonly CdaReadOptions Default = new();

    /// <summary>Documents larger than this are refused before parsing (default 20 MiB, a Vakka decision).</summary>
    public long MaxDocumentBytes { get; init; } = CdaConstants.DefaultMaxDocumentBytes;

    /// <summary>A decoded body part larger than this is refused (default 20 MiB).</summary>
    public long MaxPartBytes { get; init; } = CdaConstants.DefaultMaxDocumentBytes;

    /// <summary>Decode the Base64 body parts into <see cref="CdaBodyRef.Content"/>; off = only the kind is reported.</summary>
    public bool DecodeBody { get; init; } = true;
}

/// <summary>What the reader found about the body.</summary>
/// <param name="Kind">The body kind; <see cref="CdaBodyKind.None"/> when absent or not recognised.</param>
/// <param name="Content">The decoded body when asked for and readable.</param>
public sealed record CdaBodyRef(CdaBodyKind Kind, CdaBody? Content);

/// <summary>
/// The result of one read: the header (null when the XML could not be read at all), the body, and the issues found
/// while reading (XML errors and value syntax). <see cref="CdaValidator"/> adds the structural and code-list rules.
/// </summary>
public sealed record CdaReadResult(CdaHeader? Header, CdaBodyRef Body, IReadOnlyList<CdaIssue> Issues)
{
    public bool HasErrors => Issues.Any(i => i.Severity == CdaSeverity.Error);
}
