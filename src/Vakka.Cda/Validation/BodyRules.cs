namespace Vakka.Cda;

/// <summary>Body rules (design §a #35, §b stage D): the kind, then each decoded part's content.</summary>
internal static class BodyRules
{
    public static void Check(CdaBodyRef body, CodeListEntry? documentType, CdaValidationOptions options, IssueList issues)
    {
        if (!issues.Require(body.Kind != CdaBodyKind.None, CdaIssueCodes.BodyMissing, CdaPaths.Body, "The body must be a structuredBody (XHTML + JSON) or a nonXMLBody (PDF)."))
        {
            return;
        }

        if (body.Kind == CdaBodyKind.XhtmlOnly && !options.AllowXhtmlOnly)
        {
            issues.Error(CdaIssueCodes.BodyJsonMissing, CdaPaths.StructuredBody, $"The structured body has no {CdaConstants.MediaJson} part (the structured form).");
        }

        switch (body.Content)
        {
            case XhtmlJsonBody b:
                Report(issues, CdaIssueCodes.BodyXhtmlInvalid, XhtmlPart.Check(b.Xhtml));
                Report(issues, JsonPart.Check(b.Json, out var rootProperty));
                if (rootProperty is not null && documentType is not null && rootProperty != StructureName.RootProperty(documentType.Name))
                {
                    issues.Warning(CdaIssueCodes.StructureRootUnexpected, CdaPaths.SectionMedia,
                        $"The structured form's root property '{rootProperty}' is not '{StructureName.RootProperty(documentType.Name)}', the snake_case of the structure name.");
                }

                break;
            case XhtmlOnlyBody b:
                Report(issues, CdaIssueCodes.BodyXhtmlInvalid, XhtmlPart.Check(b.Xhtml));
                break;
            case PdfBody b:
                PdfPart.Check(b.Pdf, issues);
                break;
        }
    }

    private static void Report(IssueList issues, string code, string? reason)
    {
        if (reason is not null)
        {
            issues.Error(code, CdaPaths.SectionMedia, reason);
        }
    }

    private static void Report(IssueList issues, (string Code, string Reason)? problem)
    {
        if (problem is { } p)
        {
            issues.Error(p.Code, CdaPaths.SectionMedia, p.Reason);
        }
    }
}
