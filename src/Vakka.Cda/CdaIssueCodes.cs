namespace Vakka.Cda;

/// <summary>
/// The machine codes of the library's checks (design §b stages A–D). UPPER_SNAKE, stable: client systems match on them.
/// <c>*_MISSING</c> = element or attribute absent or blank, <c>*_INVALID</c> = wrong syntax, <c>*_UNKNOWN</c> = code
/// not in the code list. Stage E (archive state) codes belong to the Archive module.
/// </summary>
public static class CdaIssueCodes
{
    // Stage A: transport
    public const string DocumentEmpty = "DOCUMENT_EMPTY";
    public const string DocumentTooLarge = "DOCUMENT_TOO_LARGE";

    // Stage B: XML (fatal)
    public const string XmlNotWellFormed = "XML_NOT_WELL_FORMED";
    public const string XmlDtdForbidden = "XML_DTD_FORBIDDEN";
    public const string XmlEncodingUnsupported = "XML_ENCODING_UNSUPPORTED";
    public const string XmlRootInvalid = "XML_ROOT_INVALID";

    // Stage C: header
    public const string RealmInvalid = "REALM_INVALID";
    public const string TypeIdInvalid = "TYPE_ID_INVALID";
    public const string TemplateIdMissing = "TEMPLATE_ID_MISSING";
    public const string TemplateIdUnknown = "TEMPLATE_ID_UNKNOWN";
    public const string TemplateIdMismatch = "TEMPLATE_ID_MISMATCH";
    public const string DocumentIdMissing = "DOCUMENT_ID_MISSING";
    public const string DocumentIdInvalid = "DOCUMENT_ID_INVALID";
    public const string DocumentTypeMissing = "DOCUMENT_TYPE_MISSING";
    public const string DocumentTypeSystemInvalid = "DOCUMENT_TYPE_SYSTEM_INVALID";
    public const string DocumentTypeUnknown = "DOCUMENT_TYPE_UNKNOWN";
    public const string GeneralTypeMissing = "GENERAL_TYPE_MISSING";
    public const string GeneralTypeMismatch = "GENERAL_TYPE_MISMATCH";
    public const string TitleMissing = "TITLE_MISSING";
    public const string TitleTooLong = "TITLE_TOO_LONG";
    public const string EffectiveTimeMissing = "EFFECTIVE_TIME_MISSING";
    public const string EffectiveTimeInvalid = "EFFECTIVE_TIME_INVALID";
    public const string EffectiveTimeInFuture = "EFFECTIVE_TIME_IN_FUTURE";
    public const string ConfidentialityMissing = "CONFIDENTIALITY_MISSING";
    public const string ConfidentialityUnknown = "CONFIDENTIALITY_UNKNOWN";
    public const string LanguageMissing = "LANGUAGE_MISSING";
    public const string LanguageUnsupported = "LANGUAGE_UNSUPPORTED";
    public const string SetIdMissing = "SET_ID_MISSING";
    public const string SetIdInvalid = "SET_ID_INVALID";
    public const string VersionNumberMissing = "VERSION_NUMBER_MISSING";
    public const string VersionNumberInvalid = "VERSION_NUMBER_INVALID";
    public const string ReplacesMissing = "REPLACES_MISSING";
    public const string ReplacesUnexpected = "REPLACES_UNEXPECTED";
    public const string ReplacesMismatch = "REPLACES_MISMATCH";
    public const string ClientMissing = "CLIENT_MISSING";
    public const string ClientMultiple = "CLIENT_MULTIPLE";
    public const string ClientIdRootInvalid = "CLIENT_ID_ROOT_INVALID";
    public const string ClientHetuRequired = "CLIENT_HETU_REQUIRED";
    public const string HetuFormat = "HETU_FORMAT";
    public const string HetuDate = "HETU_DATE";
    public const string HetuIndividualNumber = "HETU_INDIVIDUAL_NUMBER";
    public const string HetuCheckCharacter = "HETU_CHECK_CHARACTER";
    public const string HetuNotTestPerson = "HETU_NOT_TEST_PERSON";
    public const string AuthorMissing = "AUTHOR_MISSING";
    public const string AuthorRoleMissing = "AUTHOR_ROLE_MISSING";
    public const string AuthorRoleUnknown = "AUTHOR_ROLE_UNKNOWN";
    public const string AuthorTimeInvalid = "AUTHOR_TIME_INVALID";
    public const string AuthorIdInvalid = "AUTHOR_ID_INVALID";
    public const string RegistrarMissing = "REGISTRAR_MISSING";
    public const string RegistrarInvalid = "REGISTRAR_INVALID";
    public const string ServiceUnitMissing = "SERVICE_UNIT_MISSING";
    public const string ServiceUnitInvalid = "SERVICE_UNIT_INVALID";
    public const string ServiceTaskMissing = "SERVICE_TASK_MISSING";
    public const string ServiceTaskSystemInvalid = "SERVICE_TASK_SYSTEM_INVALID";
    public const string ServiceTaskUnknown = "SERVICE_TASK_UNKNOWN";
    public const string ProcessPhaseMissing = "PROCESS_PHASE_MISSING";
    public const string ProcessPhaseUnknown = "PROCESS_PHASE_UNKNOWN";
    public const string CaseIdMissing = "CASE_ID_MISSING";
    public const string CaseIdInvalid = "CASE_ID_INVALID";
    public const string CompletionTimeMissing = "COMPLETION_TIME_MISSING";
    public const string CompletionTimeInvalid = "COMPLETION_TIME_INVALID";
    public const string RetentionClassMissing = "RETENTION_CLASS_MISSING";
    public const string RetentionClassUnknown = "RETENTION_CLASS_UNKNOWN";
    public const string RecordStatusMissing = "RECORD_STATUS_MISSING";
    public const string RecordStatusUnknown = "RECORD_STATUS_UNKNOWN";
    public const string LocalHeaderMissing = "LOCAL_HEADER_MISSING";
    public const string OidInvalid = "OID_INVALID";

    // Stage D: body
    public const string BodyMissing = "BODY_MISSING";
    public const string BodyKindInvalid = "BODY_KIND_INVALID";
    public const string BodyBase64Invalid = "BODY_BASE64_INVALID";
    public const string BodyXhtmlMissing = "BODY_XHTML_MISSING";
    public const string BodyXhtmlInvalid = "BODY_XHTML_INVALID";
    public const string BodyJsonMissing = "BODY_JSON_MISSING";
    public const string BodyJsonInvalid = "BODY_JSON_INVALID";
    public const string BodyJsonRootInvalid = "BODY_JSON_ROOT_INVALID";
    public const string BodyPdfaUndeclared = "BODY_PDFA_UNDECLARED";
    public const string BodyPdfInvalid = "BODY_PDF_INVALID";
    public const string BodyPartTooLarge = "BODY_PART_TOO_LARGE";

    // Warnings (never refusals)
    public const string ProcessPhaseNotCoded = "PROCESS_PHASE_NOT_CODED";
    public const string RetentionClassNotCoded = "RETENTION_CLASS_NOT_CODED";
    public const string RecordStatusNotCoded = "RECORD_STATUS_NOT_CODED";
    public const string SignatureNotVerified = "SIGNATURE_NOT_VERIFIED";
    public const string StructureRootUnexpected = "STRUCTURE_ROOT_UNEXPECTED";
}
