using System.Text;
using Vakka.Cda;
using Vakka.Platform.Finnish;

namespace Vakka.Tests.Cda;

public class CdaRoundTripTests
{
    public static TheoryData<string> BodyKinds => ["xhtml+json", "pdf", "xhtml-only"];

    private static CdaBody Body(string kind) => kind switch
    {
        "xhtml+json" => new XhtmlJsonBody(CdaTestData.Xhtml, CdaTestData.Json),
        "pdf" => new PdfBody(CdaTestData.Pdf),
        _ => new XhtmlOnlyBody(CdaTestData.Xhtml),
    };

    [Theory]
    [MemberData(nameof(BodyKinds))]
    public void Build_write_read_gives_the_same_header_and_body(string kind)
    {
        var header = CdaTestData.Header() with
        {
            Id = new InstanceId(Oid.Parse("1.2.246.10.2012566.10.0.90.2025.2")),
            VersionNumber = 2,
            Replaces = new Replaces(Oid.Parse("1.2.246.10.2012566.10.0.90.2025.1"), Oid.Parse("1.2.246.10.2012566.10.0.90.2025.1"), 1),
            Author = CdaTestData.Header().Author! with { ProfessionalId = new InstanceId(Oid.Parse("1.2.246.537.25"), "123456") },
        };
        var body = Body(kind);
        var bytes = CdaWriter.Write(new CdaDocument(header, body));

        var read = CdaReader.Read(bytes);

        Assert.Empty(read.Issues);
        Assert.NotNull(read.Header);
        Assert.Equal(header.TemplateIds, read.Header.TemplateIds);
        Assert.Equal(header, read.Header with { TemplateIds = header.TemplateIds, Subjects = header.Subjects });
        Assert.Equal(body.Kind, read.Body.Kind);
        Assert.NotNull(read.Body.Content);
        Assert.Equal(Parts(body), Parts(read.Body.Content));
        Assert.Equal(bytes, CdaWriter.Write(new CdaDocument(read.Header, read.Body.Content)));
    }

    [Fact]
    public void A_written_document_is_valid()
    {
        var issues = CdaTestData.Validate(CdaTestData.Bytes());
        Assert.True(CdaTestData.Errors(issues).Count == 0, CdaTestData.Describe(issues));
        Assert.Contains(issues, i => i.Code == CdaIssueCodes.ProcessPhaseNotCoded && i.Severity == CdaSeverity.Warning);
    }

    [Fact]
    public void Writer_output_is_byte_stable_utf8_without_bom()
    {
        var first = CdaTestData.Bytes();
        var second = CdaWriter.Write(CdaTestData.Document());

        Assert.Equal(first, second);
        Assert.Equal("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<ClinicalDocument", Encoding.UTF8.GetString(first, 0, 56));
        Assert.DoesNotContain((byte)'\r', first);
    }

    [Fact]
    public void Writing_into_a_buffer_writer_gives_the_same_bytes()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();

        CdaWriter.Write(CdaTestData.Document(), buffer);

        Assert.Equal(CdaTestData.Bytes(), buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void Writer_follows_the_cda_r2_element_order_and_namespaces()
    {
        var text = Encoding.UTF8.GetString(CdaTestData.Bytes());
        string[] order = ["<realmCode", "<typeId", "<templateId", "<id ", "<code ", "<title>", "<effectiveTime", "<confidentialityCode",
            "<languageCode", "<setId", "<versionNumber", "<recordTarget", "<author", "<custodian", "<componentOf", "<hl7fi:localHeader", "<component>"];
        var positions = order.Select(o => text.IndexOf(o, StringComparison.Ordinal)).ToList();

        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("<ClinicalDocument xmlns:hl7fi=\"urn:hl7finland\" xmlns=\"urn:hl7-org:v3\">", text);
        Assert.Contains("<effectiveTime value=\"20250312143000\" />", text);
    }

    private static byte[][] Parts(CdaBody body) => body switch
    {
        XhtmlJsonBody b => [b.Xhtml.ToArray(), b.Json.ToArray()],
        XhtmlOnlyBody b => [b.Xhtml.ToArray()],
        PdfBody b => [b.Pdf.ToArray()],
        _ => [],
    };
}
