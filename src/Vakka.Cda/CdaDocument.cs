namespace Vakka.Cda;

/// <summary>A client document: the header and one body.</summary>
public sealed record CdaDocument(CdaHeader Header, CdaBody Body);
