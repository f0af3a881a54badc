namespace Vakka.Cda;

/// <summary>
/// PDF checks (design §b stage D): the %PDF- header, and a cheap PDF/A declaration check (pdfaid:part in the XMP
/// metadata). Full PDF/A conformance (e.g. veraPDF) is not done (Q17).
/// </summary>
internal static class PdfPart
{
    public static void Check(ReadOnlyMemory<byte> pdf, IssueList issues)
    {
        if (!pdf.Span.StartsWith("%PDF-"u8))
        {
            issues.Error(CdaIssueCodes.BodyPdfInvalid, CdaPaths.NonXmlText, "The PDF part does not start with %PDF-.");
            return;
        }

        if (pdf.Span.IndexOf("pdfaid:part"u8) < 0)
        {
            issues.Error(CdaIssueCodes.BodyPdfaUndeclared, CdaPaths.NonXmlText, "The PDF does not declare PDF/A conformance (no pdfaid:part in its XMP metadata).");
        }
    }
}
