using System.Xml.Linq;
using Vakka.Cda;

namespace Vakka.Tests.Cda;

/// <summary>Each required element of design §a removed in turn gives its machine code (design §b stage C, D).</summary>
public class CdaRequiredElementTests
{
    [Theory]
    [InlineData("h:realmCode", CdaIssueCodes.RealmInvalid)]
    [InlineData("h:typeId", CdaIssueCodes.TypeIdInvalid)]
    [InlineData("h:templateId", CdaIssueCodes.TemplateIdMissing)]
    [InlineData("h:id", CdaIssueCodes.DocumentIdMissing)]
    [InlineData("h:code", CdaIssueCodes.DocumentTypeMissing)]
    [InlineData("h:title", CdaIssueCodes.TitleMissing)]
    [InlineData("h:effectiveTime", CdaIssueCodes.EffectiveTimeMissing)]
    [InlineData("h:confidentialityCode", CdaIssueCodes.ConfidentialityMissing)]
    [InlineData("h:languageCode", CdaIssueCodes.LanguageMissing)]
    [InlineData("h:setId", CdaIssueCodes.SetIdMissing)]
    [InlineData("h:versionNumber", CdaIssueCodes.VersionNumberMissing)]
    [InlineData("h:recordTarget", CdaIssueCodes.ClientMissing)]
    [InlineData("h:recordTarget/h:patientRole/h:id", CdaIssueCodes.ClientMissing)]
    [InlineData("h:author", CdaIssueCodes.AuthorMissing)]
    [InlineData("h:author/h:functionCode", CdaIssueCodes.AuthorRoleMissing)]
    [InlineData("h:author/h:time", CdaIssueCodes.AuthorTimeInvalid)]
    [InlineData("h:author/h:assignedAuthor/h:id", CdaIssueCodes.AuthorIdInvalid)]
    [InlineData("h:custodian", CdaIssueCodes.RegistrarMissing)]
    [InlineData("h:componentOf/h:encompassingEncounter/h:id", CdaIssueCodes.CaseIdMissing)]
    [InlineData("h:componentOf/h:encompassingEncounter/h:location", CdaIssueCodes.ServiceUnitMissing)]
    [InlineData("hl7fi:localHeader", CdaIssueCodes.LocalHeaderMissing)]
    [InlineData("hl7fi:localHeader/hl7fi:functionCode", CdaIssueCodes.ServiceTaskMissing)]
    [InlineData("hl7fi:localHeader/hl7fi:encompassingEncounterCode", CdaIssueCodes.ProcessPhaseMissing)]
    [InlineData("hl7fi:localHeader/hl7fi:declaredTime", CdaIssueCodes.CompletionTimeMissing)]
    [InlineData("hl7fi:localHeader/hl7fi:retentionPeriodClass", CdaIssueCodes.RetentionClassMissing)]
    [InlineData("hl7fi:localHeader/hl7fi:recordStatus", CdaIssueCodes.RecordStatusMissing)]
    [InlineData("hl7fi:localHeader/hl7fi:documentType", CdaIssueCodes.GeneralTypeMissing)]
    [InlineData("h:component", CdaIssueCodes.BodyMissing)]
    [InlineData("h:component/h:structuredBody/h:component[1]", CdaIssueCodes.BodyXhtmlMissing)]
    [InlineData("h:component/h:structuredBody/h:component[2]", CdaIssueCodes.BodyJsonMissing)]
    public void Removing_a_required_element_gives_its_code(string xpath, string code)
    {
        var damaged = CdaTestData.Edit(CdaTestData.Bytes(), (root, ns) => CdaTestData.Select(root, ns, xpath).Remove());

        var errors = CdaTestData.Errors(CdaTestData.Validate(damaged));

        Assert.True(errors.Any(e => e.Code == code), $"expected {code}, got:\n{CdaTestData.Describe(errors)}");
        Assert.All(errors, e => Assert.StartsWith("/", e.Path, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("h:code", "code", CdaIssueCodes.DocumentTypeMissing)]
    [InlineData("h:setId", "root", CdaIssueCodes.SetIdMissing)]
    [InlineData("h:custodian/h:assignedCustodian/h:representedCustodianOrganization/h:id", "root", CdaIssueCodes.RegistrarMissing)]
    [InlineData("hl7fi:localHeader/hl7fi:documentType", "displayName", CdaIssueCodes.GeneralTypeMissing)]
    public void Removing_a_required_attribute_gives_its_code(string xpath, string attribute, string code)
    {
        var damaged = CdaTestData.Edit(CdaTestData.Bytes(), (root, ns) => CdaTestData.Select(root, ns, xpath).Attribute(attribute)!.Remove());

        var errors = CdaTestData.Errors(CdaTestData.Validate(damaged));

        Assert.True(errors.Any(e => e.Code == code), $"expected {code}, got:\n{CdaTestData.Describe(errors)}");
    }

    [Fact]
    public void A_second_record_target_gives_client_multiple()
    {
        var damaged = CdaTestData.Edit(CdaTestData.Bytes(), (root, ns) =>
        {
            var target = CdaTestData.Select(root, ns, "h:recordTarget");
            target.AddAfterSelf(new XElement(target));
        });

        Assert.Contains(CdaTestData.Validate(damaged), i => i.Code == CdaIssueCodes.ClientMultiple);
    }

    [Fact]
    public void A_null_flavor_where_a_closed_list_needs_a_code_is_reported_once()
    {
        var damaged = CdaTestData.Edit(CdaTestData.Bytes(), (root, ns) =>
        {
            var role = CdaTestData.Select(root, ns, "h:author/h:functionCode");
            role.RemoveAttributes();
            role.SetAttributeValue("nullFlavor", "UNK");
        });

        var errors = CdaTestData.Errors(CdaTestData.Validate(damaged));

        Assert.Equal(CdaIssueCodes.AuthorRoleMissing, Assert.Single(errors).Code);
    }
}
