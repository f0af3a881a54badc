namespace Vakka.Cda;

/// <summary>
/// Every XPath the library reads or writes, in one table (design §a), so that the open mappings change in one place.
/// Prefix <c>h</c> = urn:hl7-org:v3, <c>hl7fi</c> = urn:hl7finland. Paths are absolute; issues carry them.
/// </summary>
public static class CdaPaths
{
    public const string Hl7Namespace = "urn:hl7-org:v3";
    public const string FinnishNamespace = "urn:hl7finland";

    public const string Root = "/h:ClinicalDocument";
    public const string RealmCode = Root + "/h:realmCode";
    public const string TypeId = Root + "/h:typeId";
    public const string TemplateId = Root + "/h:templateId";
    public const string Id = Root + "/h:id";
    public const string Code = Root + "/h:code";
    public const string Title = Root + "/h:title";
    public const string EffectiveTime = Root + "/h:effectiveTime";
    public const string ConfidentialityCode = Root + "/h:confidentialityCode";
    public const string LanguageCode = Root + "/h:languageCode";
    public const string SetId = Root + "/h:setId";
    public const string VersionNumber = Root + "/h:versionNumber";
    public const string RecordTarget = Root + "/h:recordTarget";
    public const string ClientId = RecordTarget + "/h:patientRole/h:id";
    public const string Author = Root + "/h:author";
    public const string AuthorFunctionCode = Author + "/h:functionCode";
    public const string AuthorTime = Author + "/h:time";
    public const string AuthorId = Author + "/h:assignedAuthor/h:id";
    public const string AuthorOrganisationId = Author + "/h:assignedAuthor/h:representedOrganization/h:id";
    public const string RegistrarId = Root + "/h:custodian/h:assignedCustodian/h:representedCustodianOrganization/h:id";
    public const string Participant = Root + "/h:participant";
    public const string RelatedDocument = Root + "/h:relatedDocument";
    public const string ParentDocument = RelatedDocument + "/h:parentDocument";
    public const string ParentId = ParentDocument + "/h:id";
    public const string ParentSetId = ParentDocument + "/h:setId";
    public const string ParentVersionNumber = ParentDocument + "/h:versionNumber";
    public const string Encounter = Root + "/h:componentOf/h:encompassingEncounter";
    public const string CaseId = Encounter + "/h:id";
    public const string ServiceUnitId = Encounter + "/h:location/h:healthCareFacility/h:id";
    public const string LocalHeader = Root + "/hl7fi:localHeader";
    public const string ServiceTask = LocalHeader + "/hl7fi:functionCode";
    public const string ProcessPhase = LocalHeader + "/hl7fi:encompassingEncounterCode";
    public const string CompletionTime = LocalHeader + "/hl7fi:declaredTime";
    public const string RetentionClass = LocalHeader + "/hl7fi:retentionPeriodClass";
    public const string RecordStatus = LocalHeader + "/hl7fi:recordStatus";
    public const string GeneralType = LocalHeader + "/hl7fi:documentType";
    public const string Signature = LocalHeader + "/hl7fi:signatureCollection";
    public const string Body = Root + "/h:component";
    public const string StructuredBody = Body + "/h:structuredBody";
    public const string SectionMedia = StructuredBody + "/h:component/h:section/h:entry/h:observationMedia/h:value";
    public const string NonXmlBody = Body + "/h:nonXMLBody";
    public const string NonXmlText = NonXmlBody + "/h:text";

    /// <summary>An attribute of an element path, e.g. <c>Attribute(Id, "root")</c>.</summary>
    public static string Attribute(string element, string name) => element + "/@" + name;
}
