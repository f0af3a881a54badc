namespace Vakka.Cda;

/// <summary>Presence and code-list rules of the CDA R2 part of the header (design §a #3–#25, §b stage C).</summary>
internal static class HeaderRules
{
    private static readonly string[] Languages = ["fi", "sv"];

    public static void Check(CdaHeader h, ICodeLists lists, CdaValidationOptions options, IssueList issues)
    {
        var documentType = CheckDocumentType(h, lists, issues);
        CheckTemplateIds(h, lists, documentType, issues);
        issues.Require(h.Id is not null, CdaIssueCodes.DocumentIdMissing, CdaPaths.Id, "The document id (an OID) is required.");

        if (issues.Require(!string.IsNullOrWhiteSpace(h.Title), CdaIssueCodes.TitleMissing, CdaPaths.Title, "The title is required.")
            && h.Title!.Length > CdaConstants.MaxTitleLength)
        {
            issues.Error(CdaIssueCodes.TitleTooLong, CdaPaths.Title, $"The title is longer than {CdaConstants.MaxTitleLength} characters.");
        }

        if (issues.Require(h.EffectiveTime is not null, CdaIssueCodes.EffectiveTimeMissing, CdaPaths.EffectiveTime, "The creation time is required.")
            && h.EffectiveTime > options.Clock.GetUtcNow() + options.FutureSkew)
        {
            issues.Error(CdaIssueCodes.EffectiveTimeInFuture, CdaPaths.Attribute(CdaPaths.EffectiveTime, "value"), "The creation time is in the future.");
        }

        CodedRules.Check(h.Confidentiality, lists.Confidentiality, CdaPaths.ConfidentialityCode, issues,
            CdaIssueCodes.ConfidentialityMissing, null, CdaIssueCodes.ConfidentialityUnknown);

        if (issues.Require(!string.IsNullOrWhiteSpace(h.LanguageCode), CdaIssueCodes.LanguageMissing, CdaPaths.LanguageCode, "The language code is required.")
            && !Languages.Contains(h.LanguageCode))
        {
            issues.Error(CdaIssueCodes.LanguageUnsupported, CdaPaths.Attribute(CdaPaths.LanguageCode, "code"), "The language must be fi or sv.");
        }

        issues.Require(h.SetId is not null, CdaIssueCodes.SetIdMissing, CdaPaths.SetId, "setId is required.");
        issues.Require(h.VersionNumber is not null, CdaIssueCodes.VersionNumberMissing, CdaPaths.VersionNumber, "versionNumber is required.");

        if (issues.Require(h.Client is not null, CdaIssueCodes.ClientMissing, CdaPaths.RecordTarget, "The client (recordTarget with a henkilötunnus) is required.")
            && options.TestPersonsOnly && !h.Client!.Value.IsTemporary)
        {
            issues.Error(CdaIssueCodes.HetuNotTestPerson, CdaPaths.Attribute(CdaPaths.ClientId, "extension"), "Only 900-series test henkilötunnus values are accepted in this environment.");
        }

        if (options.TestPersonsOnly && h.Subjects.Any(s => !s.IsTemporary))
        {
            issues.Error(CdaIssueCodes.HetuNotTestPerson, CdaPaths.Participant, "Only 900-series test henkilötunnus values are accepted in this environment.");
        }

        if (issues.Require(h.Author is not null, CdaIssueCodes.AuthorMissing, CdaPaths.Author, "The author is required."))
        {
            CodedRules.Check(h.Author!.Role, lists.AuthorRoles, CdaPaths.AuthorFunctionCode, issues,
                CdaIssueCodes.AuthorRoleMissing, null, CdaIssueCodes.AuthorRoleUnknown);
        }

        issues.Require(h.Registrar is not null, CdaIssueCodes.RegistrarMissing, CdaPaths.RegistrarId, "The registrar (custodian organisation OID) is required.");
        issues.Require(h.ServiceUnit is not null, CdaIssueCodes.ServiceUnitMissing, CdaPaths.ServiceUnitId, "The service unit (healthCareFacility id) is required.");

        var caseRequired = documentType is { } t && (CdaConstants.IsCodeSystem(h.DocumentType!.CodeSystem, CdaConstants.DocumentTypeSystem) || t.Code == "2");
        if (caseRequired)
        {
            issues.Require(h.CaseId is not null, CdaIssueCodes.CaseIdMissing, CdaPaths.CaseId, "The case id (encompassingEncounter/id) is required for this document type.");
        }
    }

    /// <summary>Checks #5 and returns the list entry of the document type, or null.</summary>
    private static CodeListEntry? CheckDocumentType(CdaHeader h, ICodeLists lists, IssueList issues)
    {
        var type = h.DocumentType;
        if (!issues.Require(type is { HasCode: true }, CdaIssueCodes.DocumentTypeMissing, CdaPaths.Code, "The document type code is required."))
        {
            return null;
        }

        var list = DocumentTypeList(type!, lists);
        if (list is null)
        {
            issues.Error(CdaIssueCodes.DocumentTypeSystemInvalid, CdaPaths.Attribute(CdaPaths.Code, "codeSystem"),
                $"The document type code system must be {CdaConstants.DocumentTypeSystem} or {CdaConstants.DocumentGroupSystem}; found '{type!.CodeSystem}'.");
            return null;
        }

        var entry = list.Find(type!.Code);
        if (entry is null)
        {
            issues.Error(CdaIssueCodes.DocumentTypeUnknown, CdaPaths.Attribute(CdaPaths.Code, "code"), $"Document type '{type.Code}' is not in the code list {list.Oid}.");
        }

        return entry;
    }

    internal static CodeList? DocumentTypeList(Coded type, ICodeLists lists) =>
        CdaConstants.IsCodeSystem(type.CodeSystem, CdaConstants.DocumentTypeSystem) ? lists.DocumentTypes
        : CdaConstants.IsCodeSystem(type.CodeSystem, CdaConstants.DocumentGroupSystem) ? lists.DocumentGroups
        : null;

    private static void CheckTemplateIds(CdaHeader h, ICodeLists lists, CodeListEntry? documentType, IssueList issues)
    {
        if (!issues.Require(h.TemplateIds.Count > 0, CdaIssueCodes.TemplateIdMissing, CdaPaths.TemplateId, "At least one templateId (the structure OID) is required."))
        {
            return;
        }

        var shipped = h.TemplateIds.Select(t => lists.DocumentTypes.FindByStructure(t.Value) ?? lists.DocumentGroups.FindByStructure(t.Value))
            .OfType<CodeListEntry>().ToList();
        if (shipped.Count == 0)
        {
            issues.Error(CdaIssueCodes.TemplateIdUnknown, CdaPaths.Attribute(CdaPaths.TemplateId, "root"), "No templateId is a known structure OID.");
        }
        else if (documentType is not null && !shipped.Contains(documentType))
        {
            issues.Error(CdaIssueCodes.TemplateIdMismatch, CdaPaths.Attribute(CdaPaths.TemplateId, "root"), "The structure OID belongs to another document type than the code.");
        }
    }
}
