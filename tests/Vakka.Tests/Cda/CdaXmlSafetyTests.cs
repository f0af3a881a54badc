using System.Text;
using Vakka.Cda;

namespace Vakka.Tests.Cda;

/// <summary>Stage A and B: the reader never throws, refuses DTDs and entities, and reports broken XML as an issue.</summary>
public class CdaXmlSafetyTests
{
    [Theory]
    [InlineData("<?xml version=\"1.0\"?>\n<!DOCTYPE ClinicalDocument [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>&x;</title></ClinicalDocument>")]
    [InlineData("<?xml version=\"1.0\"?>\n<!DOCTYPE ClinicalDocument SYSTEM \"http://127.0.0.1:9/cda.dtd\">\n<ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>")]
    [InlineData("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>\n<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>&lol3;</title></ClinicalDocument>")]
    public void A_dtd_or_entity_is_refused(string xml)
    {
        var read = CdaReader.Read(Encoding.UTF8.GetBytes(xml));

        Assert.Null(read.Header);
        var issue = Assert.Single(read.Issues);
        Assert.Equal(CdaIssueCodes.XmlDtdForbidden, issue.Code);
        Assert.Matches(@"^\d+:\d+$", issue.Path);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.95)]
    public void Truncated_xml_is_refused(double fraction)
    {
        var bytes = CdaTestData.Bytes();
        var truncated = bytes.AsMemory(0, (int)(bytes.Length * fraction));

        var issues = CdaValidator.Validate(truncated, CodeLists.Instance);

        Assert.Equal(CdaIssueCodes.XmlNotWellFormed, Assert.Single(issues).Code);
    }

    [Theory]
    [InlineData("<ClinicalDocument><title>x</title></ClinicalDocument>")]
    [InlineData("<ClinicalDocument xmlns=\"urn:hl7-org:v2\"/>")]
    [InlineData("<html xmlns=\"urn:hl7-org:v3\"/>")]
    public void A_wrong_root_or_namespace_is_refused(string xml)
    {
        var issues = CdaValidator.Validate(Encoding.UTF8.GetBytes(xml), CodeLists.Instance);

        Assert.Equal(CdaIssueCodes.XmlRootInvalid, Assert.Single(issues).Code);
    }

    [Fact]
    public void A_non_utf8_encoding_is_refused()
    {
        var xml = Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>ä</title></ClinicalDocument>");

        Assert.Equal(CdaIssueCodes.XmlEncodingUnsupported, Assert.Single(CdaReader.Read(xml).Issues).Code);
    }

    [Fact]
    public void Empty_and_too_large_documents_are_refused_before_parsing()
    {
        var bytes = CdaTestData.Bytes();

        Assert.Equal(CdaIssueCodes.DocumentEmpty, Assert.Single(CdaReader.Read(ReadOnlyMemory<byte>.Empty).Issues).Code);
        Assert.Equal(CdaIssueCodes.DocumentTooLarge,
            Assert.Single(CdaReader.Read(bytes, new CdaReadOptions { MaxDocumentBytes = bytes.Length - 1 }).Issues).Code);
        Assert.Empty(CdaReader.Read(bytes, new CdaReadOptions { MaxDocumentBytes = bytes.Length }).Issues);
    }

    [Fact]
    public void A_body_part_over_the_part_limit_is_refused()
    {
        var read = CdaReader.Read(CdaTestData.Bytes(), new CdaReadOptions { MaxPartBytes = 10 });

        Assert.Contains(read.Issues, i => i.Code == CdaIssueCodes.BodyPartTooLarge);
    }

    [Fact]
    public void Both_body_kinds_at_once_are_refused()
    {
        var pdf = Encoding.UTF8.GetString(CdaTestData.Bytes(body: new PdfBody(CdaTestData.Pdf)));
        var nonXml = pdf[pdf.IndexOf("<nonXMLBody>", StringComparison.Ordinal)..(pdf.IndexOf("</nonXMLBody>", StringComparison.Ordinal) + 13)];
        var both = Encoding.UTF8.GetString(CdaTestData.Bytes()).Replace("</structuredBody>", "</structuredBody>" + nonXml, StringComparison.Ordinal);

        Assert.Contains(CdaTestData.Validate(Encoding.UTF8.GetBytes(both)), i => i.Code == CdaIssueCodes.BodyKindInvalid);
    }
}
