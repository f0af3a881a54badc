namespace Vakka.Cda;

/// <summary>
/// The version rules the document alone decides (design §a #10, #11, #22): version 1 has setId = id and no RPLC;
/// a later version has an RPLC to the previous version of the same set. Whether the set exists, is voided or has
/// that latest version is the Archive module's (stage E).
/// </summary>
internal static class VersionRules
{
    public static void Check(CdaHeader h, IssueList issues)
    {
        if (h.VersionNumber is not { } version)
        {
            return;
        }

        if (version == 1)
        {
            if (h.SetId is { } setId && h.Id is { } id && setId != id.Root)
            {
                issues.Error(CdaIssueCodes.SetIdInvalid, CdaPaths.Attribute(CdaPaths.SetId, "root"), "In version 1, setId must equal the document id.");
            }

            if (h.Replaces is not null)
            {
                issues.Error(CdaIssueCodes.ReplacesUnexpected, CdaPaths.RelatedDocument, "Version 1 replaces nothing: no RPLC relatedDocument.");
            }

            return;
        }

        if (!issues.Require(h.Replaces is not null, CdaIssueCodes.ReplacesMissing, CdaPaths.RelatedDocument, "A version after the first needs relatedDocument[@typeCode='RPLC'] to the version it replaces."))
        {
            return;
        }

        var r = h.Replaces!;
        if ((h.SetId is { } set && r.SetId != set) || r.Version != version - 1 || (h.Id is { } own && r.Id == own.Root))
        {
            issues.Error(CdaIssueCodes.ReplacesMismatch, CdaPaths.ParentDocument, "The replaced version must be the previous version of the same set.");
        }
    }
}
