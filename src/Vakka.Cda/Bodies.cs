namespace Vakka.Cda;

/// <summary>The body kinds of a client document (design §a #35).</summary>
public enum CdaBodyKind
{
    /// <summary>No body, or a body of neither kind.</summary>
    None,

    /// <summary>structuredBody with the display form (XHTML) and the structured form (JSON).</summary>
    XhtmlJson,

    /// <summary>structuredBody with the display form only (legacy text, design §g).</summary>
    XhtmlOnly,

    /// <summary>nonXMLBody with a Base64 PDF/A.</summary>
    Pdf,
}

/// <summary>A document body. The bytes are the decoded parts, not their Base64 text.</summary>
public abstract record CdaBody
{
    public abstract CdaBodyKind Kind { get; }
}

/// <summary>Display form (application/xhtml+xml) plus structured form (application/json) [Vakka decision, Q7].</summary>
public sealed record XhtmlJsonBody(ReadOnlyMemory<byte> Xhtml, ReadOnlyMemory<byte> Json) : CdaBody
{
    public override CdaBodyKind Kind => CdaBodyKind.XhtmlJson;
}

/// <summary>Display form only: legacy documents without a structured form.</summary>
public sealed record XhtmlOnlyBody(ReadOnlyMemory<byte> Xhtml) : CdaBody
{
    public override CdaBodyKind Kind => CdaBodyKind.XhtmlOnly;
}

/// <summary>A PDF/A document (old or unstructured documents).</summary>
public sealed record PdfBody(ReadOnlyMemory<byte> Pdf) : CdaBody
{
    public override CdaBodyKind Kind => CdaBodyKind.Pdf;
}
