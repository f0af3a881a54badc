using System.Text;
using Microsoft.Extensions.Time.Testing;
using Vakka.Cda;
using Vakka.Platform.Finnish;

namespace Vakka.Tests.Cda;

/// <summary>Value rules: henkilötunnus, OIDs, code lists, times and the version rules the document alone decides.</summary>
public class CdaValueTests
{
    private const string CheckCharacters = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    [Theory]
    [InlineData("311298+1261")] // '+': 1800s
    [InlineData("010181-900C")] // '-': 1900s
    [InlineData("010594Y9032")] // 2023 reform signs for the 1900s (DVV test codes)
    [InlineData("020594X903P")]
    [InlineData("030594W903B")]
    [InlineData("040594V9030")]
    [InlineData("050594U903M")]
    [InlineData("020504A902E")] // 'A': 2000s
    [InlineData("010516B903X")] // 2023 reform signs for the 2000s
    [InlineData("020516C903K")]
    [InlineData("030516D9037")]
    [InlineData("010501E9032")]
    [InlineData("020503F9037")]
    public void Hetu_with_each_century_sign_is_accepted_and_a_wrong_check_character_refused(string hetu)
    {
        var valid = CdaTestData.Bytes(CdaTestData.Header(hetu));
        var issues = CdaTestData.Validate(valid);
        Assert.True(CdaTestData.Errors(issues).Count == 0, CdaTestData.Describe(issues));

        var wrongCheck = CheckCharacters[(CheckCharacters.IndexOf(hetu[^1], StringComparison.Ordinal) + 1) % CheckCharacters.Length];
        var damaged = Replace(valid, $"extension=\"{hetu}\"", $"extension=\"{hetu[..^1]}{wrongCheck}\"");

        var errors = CdaTestData.Errors(CdaTestData.Validate(damaged));
        var error = Assert.Single(errors);
        Assert.Equal(CdaIssueCodes.HetuCheckCharacter, error.Code);
        Assert.Equal("/h:ClinicalDocument/h:recordTarget/h:patientRole/h:id/@extension", error.Path);
        Assert.DoesNotContain(hetu[..6], error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("010181*900C", CdaIssueCodes.HetuFormat)]
    [InlineData("310281-900C", CdaIssueCodes.HetuDate)]
    [InlineData("010181-0010", CdaIssueCodes.HetuIndividualNumber)]
    public void Other_hetu_errors_have_their_codes(string hetu, string code)
    {
        var damaged = Replace(CdaTestData.Bytes(), "extension=\"010181-900C\"", $"extension=\"{hetu}\"");

        Assert.Contains(CdaTestData.Errors(CdaTestData.Validate(damaged)), e => e.Code == code);
    }

    [Fact]
    public void A_client_without_a_hetu_is_refused()
    {
        var nullFlavor = Replace(CdaTestData.Bytes(), "<id root=\"1.2.246.21\" extension=\"010181-900C\" />", "<id nullFlavor=\"UNK\" />");
        var otherRoot = Replace(CdaTestData.Bytes(), "<id root=\"1.2.246.21\" extension=\"010181-900C\" />", "<id root=\"1.2.246.10.1\" extension=\"x\" />");

        Assert.Contains(CdaTestData.Validate(nullFlavor), e => e.Code == CdaIssueCodes.ClientHetuRequired);
        Assert.Contains(CdaTestData.Validate(otherRoot), e => e.Code == CdaIssueCodes.ClientIdRootInvalid);
    }

    [Fact]
    public void Only_test_persons_when_asked()
    {
        var real = CdaTestData.Bytes(CdaTestData.Header("131052-308T"));
        var options = new CdaValidationOptions { TestPersonsOnly = true };

        Assert.Contains(CdaTestData.Validate(real, options: options), e => e.Code == CdaIssueCodes.HetuNotTestPerson);
        Assert.DoesNotContain(CdaTestData.Validate(CdaTestData.Bytes(), options: options), e => e.Severity == CdaSeverity.Error);
    }

    [Theory]
    [InlineData("h:id", "1.2.0246.10", CdaIssueCodes.DocumentIdInvalid)]
    [InlineData("h:setId", "abc", CdaIssueCodes.SetIdInvalid)]
    [InlineData("h:custodian/h:assignedCustodian/h:representedCustodianOrganization/h:id", "3.2.246", CdaIssueCodes.RegistrarInvalid)]
    [InlineData("h:componentOf/h:encompassingEncounter/h:location/h:healthCareFacility/h:id", "1.2.246.", CdaIssueCodes.ServiceUnitInvalid)]
    [InlineData("h:componentOf/h:encompassingEncounter/h:id", "1.2..246", CdaIssueCodes.CaseIdInvalid)]
    [InlineData("h:author/h:assignedAuthor/h:representedOrganization/h:id", "1.40.1", CdaIssueCodes.OidInvalid)]
    public void Invalid_oid_syntax_is_refused(string xpath, string root, string code)
    {
        var damaged = CdaTestData.Edit(CdaTestData.Bytes(), (r, ns) => CdaTestData.Select(r, ns, xpath).SetAttributeValue("root", root));

        var errors = CdaTestData.Errors(CdaTestData.Validate(damaged));

        Assert.True(errors.Any(e => e.Code == code && e.Path.EndsWith("/@root", StringComparison.Ordinal)), CdaTestData.Describe(errors));
    }

    [Fact]
    public void A_document_id_with_an_extension_is_refused()
    {
        var damaged = CdaTestData.Edit(CdaTestData.Bytes(), (r, ns) => CdaTestData.Select(r, ns, "h:id").SetAttributeValue("extension", "1"));

        Assert.Contains(CdaTestData.Validate(damaged), e => e.Code == CdaIssueCodes.DocumentIdInvalid);
    }

    [Theory]
    [InlineData("h:code", "code", "99999", CdaIssueCodes.DocumentTypeUnknown)]
    [InlineData("h:code", "codeSystem", "1.2.246.537.6.1507", CdaIssueCodes.DocumentTypeSystemInvalid)]
    [InlineData("h:confidentialityCode", "code", "1", CdaIssueCodes.ConfidentialityUnknown)]
    [InlineData("h:languageCode", "code", "en", CdaIssueCodes.LanguageUnsupported)]
    [InlineData("h:realmCode", "code", "SE", CdaIssueCodes.RealmInvalid)]
    [InlineData("h:author/h:functionCode", "code", "XYZ", CdaIssueCodes.AuthorRoleUnknown)]
    [InlineData("hl7fi:localHeader/hl7fi:functionCode", "code", "99", CdaIssueCodes.ServiceTaskUnknown)]
    [InlineData("hl7fi:localHeader/hl7fi:functionCode", "codeSystem", "1.2.246.537.6.1222", CdaIssueCodes.ServiceTaskSystemInvalid)]
    [InlineData("hl7fi:localHeader/hl7fi:documentType", "displayName", "Päätös", CdaIssueCodes.GeneralTypeMismatch)]
    [InlineData("h:templateId", "root", "1.2.246.537.6.1506.11000.2022.1.1", CdaIssueCodes.TemplateIdUnknown)]
    [InlineData("h:templateId", "root", "1.2.246.537.6.1505.2.2022.6.28", CdaIssueCodes.TemplateIdMismatch)]
    [InlineData("h:effectiveTime", "value", "20251301", CdaIssueCodes.EffectiveTimeInvalid)]
    [InlineData("hl7fi:localHeader/hl7fi:declaredTime", "value", "20250312140000", CdaIssueCodes.CompletionTimeInvalid)]
    [InlineData("h:versionNumber", "value", "0", CdaIssueCodes.VersionNumberInvalid)]
    public void A_wrong_value_gives_its_code(string xpath, string attribute, string value, string code)
    {
        var damaged = CdaTestData.Edit(CdaTestData.Bytes(), (r, ns) => CdaTestData.Select(r, ns, xpath).SetAttributeValue(attribute, value));

        var errors = CdaTestData.Errors(CdaTestData.Validate(damaged));

        Assert.True(errors.Any(e => e.Code == code), $"expected {code}, got:\n{CdaTestData.Describe(errors)}");
    }

    [Fact]
    public void A_code_of_a_closed_fixture_list_is_checked_where_the_shipped_list_is_uncoded()
    {
        var phases = new CodeList("processPhases", CdaConstants.ProcessPhaseSystem, CodeListMode.Closed, complete: true, [new CodeListEntry("5", "toteutus")]);
        var lists = new FixtureCodeLists(CodeLists.Instance, phases);
        var known = CdaTestData.Bytes(CdaTestData.Header() with { ProcessPhase = new Coded("5", CdaConstants.ProcessPhaseSystem) });
        var unknown = CdaTestData.Bytes(CdaTestData.Header() with { ProcessPhase = new Coded("6", CdaConstants.ProcessPhaseSystem) });

        Assert.DoesNotContain(CdaTestData.Validate(known, lists), i => i.Code.StartsWith("PROCESS_PHASE", StringComparison.Ordinal));
        Assert.Contains(CdaTestData.Validate(unknown, lists), i => i.Code == CdaIssueCodes.ProcessPhaseUnknown);
        Assert.Contains(CdaTestData.Validate(unknown), i => i.Code == CdaIssueCodes.ProcessPhaseNotCoded && i.Severity == CdaSeverity.Warning);
    }

    [Fact]
    public void A_creation_time_in_the_future_is_refused()
    {
        var withinSkew = new CdaValidationOptions { Clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 12, 12, 26, 0, TimeSpan.Zero)) }; // 14:26 EET
        var tooEarly = new CdaValidationOptions { Clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 12, 12, 20, 0, TimeSpan.Zero)) };   // 14:20 EET

        Assert.DoesNotContain(CdaTestData.Validate(CdaTestData.Bytes(), options: withinSkew), i => i.Code == CdaIssueCodes.EffectiveTimeInFuture);
        Assert.Contains(CdaTestData.Validate(CdaTestData.Bytes(), options: tooEarly), i => i.Code == CdaIssueCodes.EffectiveTimeInFuture);
    }

    [Fact]
    public void Version_one_needs_set_id_equal_to_id_and_no_rplc()
    {
        var other = Oid.Parse("1.2.246.10.2012566.10.0.90.2025.9");
        var setDiffers = CdaTestData.Bytes(CdaTestData.Header() with { SetId = other });
        var withRplc = CdaTestData.Bytes(CdaTestData.Header() with { Replaces = new Replaces(other, other, 1) });

        Assert.Contains(CdaTestData.Errors(CdaTestData.Validate(setDiffers)), e => e.Code == CdaIssueCodes.SetIdInvalid);
        Assert.Contains(CdaTestData.Errors(CdaTestData.Validate(withRplc)), e => e.Code == CdaIssueCodes.ReplacesUnexpected);
    }

    [Fact]
    public void A_later_version_needs_an_rplc_to_the_previous_version_of_its_set()
    {
        var first = CdaTestData.Header();
        var second = first with { Id = new InstanceId(Oid.Parse("1.2.246.10.2012566.10.0.90.2025.2")), VersionNumber = 2 };
        var good = second with { Replaces = new Replaces(first.Id!.Root, first.SetId!.Value, 1) };
        var skipping = second with { Replaces = new Replaces(first.Id!.Root, first.SetId!.Value, 1), VersionNumber = 3 };

        var goodIssues = CdaTestData.Validate(CdaTestData.Bytes(good));
        Assert.True(CdaTestData.Errors(goodIssues).Count == 0, CdaTestData.Describe(goodIssues));
        Assert.Contains(CdaTestData.Validate(CdaTestData.Bytes(second)), e => e.Code == CdaIssueCodes.ReplacesMissing);
        Assert.Contains(CdaTestData.Validate(CdaTestData.Bytes(skipping)), e => e.Code == CdaIssueCodes.ReplacesMismatch);
    }

    [Fact]
    public void A_pdf_body_must_start_with_the_pdf_header()
    {
        var good = CdaTestData.Bytes(body: new PdfBody(CdaTestData.Pdf));
        var bad = CdaTestData.Bytes(body: new PdfBody(Encoding.ASCII.GetBytes("not a pdf")));

        Assert.Empty(CdaTestData.Errors(CdaTestData.Validate(good)));
        Assert.Contains(CdaTestData.Validate(bad), e => e.Code == CdaIssueCodes.BodyPdfInvalid);
    }

    [Fact]
    public void Invalid_base64_in_a_body_part_is_refused()
    {
        var damaged = CdaTestData.Edit(CdaTestData.Bytes(), (r, ns) =>
            CdaTestData.Select(r, ns, "h:component/h:structuredBody/h:component[2]/h:section/h:entry/h:observationMedia/h:value").Value = "not*base64");

        Assert.Contains(CdaTestData.Validate(damaged), e => e.Code == CdaIssueCodes.BodyBase64Invalid);
    }

    private const string XhtmlPart = "h:component/h:structuredBody/h:component[1]/h:section/h:entry/h:observationMedia/h:value";

    [Fact]
    public void Base64_wrapped_in_lines_by_another_system_decodes_to_the_same_part()
    {
        var original = CdaReader.Read(CdaTestData.Bytes()).Body.Content as XhtmlJsonBody;
        var wrapped = CdaTestData.Edit(CdaTestData.Bytes(), (r, ns) =>
        {
            var value = CdaTestData.Select(r, ns, XhtmlPart);
            value.Value = "\n" + string.Join("\r\n", value.Value.Chunk(76).Select(c => new string(c))) + "\n";
        });

        var read = CdaReader.Read(wrapped);
        Assert.Empty(CdaTestData.Errors(CdaValidator.Validate(read, CodeLists.Instance)));
        Assert.Equal(original!.Xhtml.ToArray(), Assert.IsType<XhtmlJsonBody>(read.Body.Content).Xhtml.ToArray());
    }

    [Fact]
    public void An_empty_body_part_and_markup_inside_a_part_are_refused_and_the_rest_is_still_read()
    {
        var empty = CdaTestData.Edit(CdaTestData.Bytes(), (r, ns) => CdaTestData.Select(r, ns, XhtmlPart).Value = "");
        var markup = CdaTestData.Edit(CdaTestData.Bytes(), (r, ns) =>
            CdaTestData.Select(r, ns, XhtmlPart).Add(new System.Xml.Linq.XElement(System.Xml.Linq.XName.Get("b", "urn:hl7-org:v3"), "x")));

        Assert.Contains(CdaTestData.Validate(empty), e => e.Code == CdaIssueCodes.BodyXhtmlInvalid);
        var read = CdaReader.Read(markup);
        Assert.NotNull(read.Header);
        Assert.Equal(CdaTestData.Header().Title, read.Header!.Title);
        Assert.Contains(CdaValidator.Validate(read, CodeLists.Instance), e => e.Code == CdaIssueCodes.BodyBase64Invalid);
    }

    private static byte[] Replace(byte[] document, string from, string to)
    {
        var text = Encoding.UTF8.GetString(document);
        Assert.Contains(from, text, StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text.Replace(from, to, StringComparison.Ordinal));
    }

    private sealed class FixtureCodeLists(ICodeLists shipped, CodeList processPhases) : ICodeLists
    {
        public CodeList DocumentTypes => shipped.DocumentTypes;
        public CodeList DocumentGroups => shipped.DocumentGroups;
        public CodeList ServiceTasks => shipped.ServiceTasks;
        public CodeList Confidentiality => shipped.Confidentiality;
        public CodeList AuthorRoles => shipped.AuthorRoles;
        public CodeList ProcessPhases => processPhases;
        public CodeList RetentionClasses => shipped.RetentionClasses;
        public CodeList RecordStatuses => shipped.RecordStatuses;
    }
}
