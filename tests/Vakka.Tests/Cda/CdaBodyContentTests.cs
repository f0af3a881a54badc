using System.Text;
using System.Xml.Linq;
using Vakka.Cda;

namespace Vakka.Tests.Cda;

/// <summary>Stage D content checks of the decoded parts, and the SBJ participant's henkilötunnus (#21).</summary>
public class CdaBodyContentTests
{
    [Theory]
    [InlineData("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>open</body></html>")]
    [InlineData("<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>")]
    [InlineData("<html><body/></html>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")]
    public void A_bad_display_form_is_refused(string xhtml)
    {
        var bytes = CdaTestData.Bytes(body: new XhtmlJsonBody(Encoding.UTF8.GetBytes(xhtml), CdaTestData.Json));

        Assert.Contains(CdaTestData.Validate(bytes), i => i.Code == CdaIssueCodes.BodyXhtmlInvalid);
    }

    [Theory]
    [InlineData("{\"a\":", CdaIssueCodes.BodyJsonInvalid)]
    [InlineData("[{\"a\":1}]", CdaIssueCodes.BodyJsonRootInvalid)]
    [InlineData("{\"a\":1,\"b\":2}", CdaIssueCodes.BodyJsonRootInvalid)]
    [InlineData("{}", CdaIssueCodes.BodyJsonRootInvalid)]
    public void A_bad_structured_form_is_refused(string json, string code)
    {
        var bytes = CdaTestData.Bytes(body: new XhtmlJsonBody(CdaTestData.Xhtml, Encoding.UTF8.GetBytes(json)));

        Assert.Contains(CdaTestData.Validate(bytes), i => i.Code == code);
    }

    [Fact]
    public void Invalid_utf8_in_the_structured_form_is_refused()
    {
        var bytes = CdaTestData.Bytes(body: new XhtmlJsonBody(CdaTestData.Xhtml, new byte[] { (byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}' }));

        Assert.Contains(CdaTestData.Validate(bytes), i => i.Code == CdaIssueCodes.BodyJsonInvalid);
    }

    [Fact]
    public void A_pdf_without_a_pdfa_declaration_is_refused()
    {
        var bytes = CdaTestData.Bytes(body: new PdfBody(Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n")));

        Assert.Contains(CdaTestData.Validate(bytes), i => i.Code == CdaIssueCodes.BodyPdfaUndeclared);
    }

    [Fact]
    public void A_display_form_alone_is_accepted_only_for_legacy_documents()
    {
        var bytes = CdaTestData.Bytes(body: new XhtmlOnlyBody(CdaTestData.Xhtml));

        Assert.Contains(CdaTestData.Validate(bytes), i => i.Code == CdaIssueCodes.BodyJsonMissing);
        Assert.Empty(CdaTestData.Errors(CdaTestData.Validate(bytes, options: new CdaValidationOptions { AllowXhtmlOnly = true })));
    }

    [Theory]
    [InlineData("020516C903K", null)]
    [InlineData("020516C903J", CdaIssueCodes.HetuCheckCharacter)]
    public void A_subject_participants_hetu_is_read_and_checked(string hetu, string? code)
    {
        XNamespace h = CdaPaths.Hl7Namespace;
        var bytes = CdaTestData.Edit(CdaTestData.Bytes(), (root, ns) => CdaTestData.Select(root, ns, "h:custodian").AddAfterSelf(
            new XElement(h + "participant", new XAttribute("typeCode", "SBJ"),
                new XElement(h + "associatedEntity", new XAttribute("classCode", "PRS"),
                    new XElement(h + "id", new XAttribute("root", CdaConstants.HetuRoot), new XAttribute("extension", hetu))))));

        var read = CdaReader.Read(bytes);
        var errors = CdaTestData.Errors(CdaValidator.Validate(read, CodeLists.Instance));

        if (code is null)
        {
            Assert.Empty(errors);
            Assert.Equal(hetu, Assert.Single(read.Header!.Subjects).Value);
        }
        else
        {
            var error = Assert.Single(errors);
            Assert.Equal(code, error.Code);
            Assert.StartsWith(CdaPaths.Participant + "/", error.Path, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_json_root_other_than_the_structure_name_is_a_warning()
    {
        var good = CdaTestData.Validate(CdaTestData.Bytes());
        var other = CdaTestData.Validate(CdaTestData.Bytes(body: new XhtmlJsonBody(CdaTestData.Xhtml, Encoding.UTF8.GetBytes("{\"paatos\":{}}"))));

        Assert.DoesNotContain(good, i => i.Code == CdaIssueCodes.StructureRootUnexpected);
        var warning = Assert.Single(other, i => i.Code == CdaIssueCodes.StructureRootUnexpected);
        Assert.Equal(CdaSeverity.Warning, warning.Severity);
        Assert.Empty(CdaTestData.Errors(other));
    }
}
