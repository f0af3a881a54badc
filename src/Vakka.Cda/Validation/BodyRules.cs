namespace Vakka.Cda;

/// <summary>Body rules (design §a #35, §b stage D) that need no XML or JSON parse of the parts (those come in slice 2).</summary>
internal static class BodyRules
{
    public static void Check(CdaBodyRef body, CdaValidationOptions options, IssueList issues)
    {
        if (!issues.Require(body.Kind != CdaBodyKind.None, CdaIssueCodes.BodyMissing, CdaPaths.Body, "The body must be a structuredBody (XHTML + JSON) or a nonXMLBody (PDF)."))
        {
            return;
        }

        if (body.Kind == CdaBodyKind.XhtmlOnly && !options.AllowXhtmlOnly)
        {
            issues.Error(CdaIssueCodes.BodyJsonMissing, CdaPaths.StructuredBody, $"The structured body has no {CdaConstants.MediaJson} part (the structured form).");
        }

        if (body.Content is PdfBody pdf && !pdf.Pdf.Span.StartsWith("%PDF-"u8))
        {
            issues.Error(CdaIssueCodes.BodyPdfInvalid, CdaPaths.NonXmlText, "The PDF part does not start with %PDF-.");
        }
    }
}
