using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.XPath;
using Vakka.Cda;
using Vakka.Platform.Finnish;

namespace Vakka.Tests.Cda;

/// <summary>A valid document (the sample's values) and helpers to damage it.</summary>
internal static class CdaTestData
{
    public static readonly byte[] Xhtml = Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"fi\"><head><title>Merkintä</title></head><body><p>Tapaaminen.</p></body></html>\n");

    public static readonly byte[] Json = Encoding.UTF8.GetBytes(
        "{\"merkinta_tapaamisesta_tai_yhteydenotosta\":{\"paivamaara\":\"2025-03-12\"}}");

    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% fixture, not a real PDF/A\n<x:xmpmeta><rdf:Description pdfaid:part=\"2\" pdfaid:conformance=\"B\"/></x:xmpmeta>\n%%EOF\n");

    private static readonly TimeSpan Eet = TimeSpan.FromHours(2);

    public static CdaHeader Header(string hetu = "010181-900C") => new()
    {
        TemplateIds = [Oid.Parse("1.2.246.537.6.1506.19005.2022.1.10")],
        Id = new InstanceId(Oid.Parse("1.2.246.10.2012566.10.0.90.2025.1")),
        DocumentType = new Coded("19005", CdaConstants.DocumentTypeSystem, "Merkintä tapaamisesta tai yhteydenotosta"),
        Title = "Merkintä tapaamisesta tai yhteydenotosta",
        EffectiveTime = new DateTimeOffset(2025, 3, 12, 14, 30, 0, Eet),
        Confidentiality = new Coded("5", CdaConstants.ConfidentialitySystem),
        LanguageCode = "fi",
        SetId = Oid.Parse("1.2.246.10.2012566.10.0.90.2025.1"),
        VersionNumber = 1,
        Client = PersonalIdentityCode.Parse(hetu),
        Author = new CdaAuthor(
            new Coded("KIR", CdaConstants.AuthorRoleSystem, "kirjaaja"),
            new DateTimeOffset(2025, 3, 12, 14, 30, 0, Eet),
            null,
            Oid.Parse("1.2.246.10.2012566.10.3")),
        Registrar = Oid.Parse("1.2.246.10.2012566"),
        CaseId = new InstanceId(Oid.Parse("1.2.246.10.2012566.10.0.92"), "2025-17"),
        ServiceUnit = Oid.Parse("1.2.246.10.2012566.10.3"),
        ServiceTask = new Coded("15", CdaConstants.ServiceTaskSystem, "Päihdehuolto"),
        ProcessPhase = Coded.Null("UNK", CdaConstants.ProcessPhaseSystem),
        CompletionTime = new DateTimeOffset(2025, 3, 12, 15, 0, 0, Eet),
        RetentionClass = Coded.Null("UNK"),
        RecordStatus = Coded.Null("UNK"),
        GeneralType = "Asiakaskertomusmerkintä",
    };

    public static CdaDocument Document(CdaHeader? header = null, CdaBody? body = null) =>
        new(header ?? Header(), body ?? new XhtmlJsonBody(Xhtml, Json));

    public static byte[] Bytes(CdaHeader? header = null, CdaBody? body = null) => CdaWriter.Write(Document(header, body));

    public static IReadOnlyList<CdaIssue> Validate(byte[] document, ICodeLists? lists = null, CdaValidationOptions? options = null) =>
        CdaValidator.Validate(document, lists ?? CodeLists.Instance, options);

    public static IReadOnlyList<CdaIssue> Errors(IEnumerable<CdaIssue> issues) =>
        issues.Where(i => i.Severity == CdaSeverity.Error).ToList();

    public static string Describe(IEnumerable<CdaIssue> issues) => string.Join("\n", issues);

    /// <summary>Applies <paramref name="change"/> to the document's XML (XPath prefixes h and hl7fi) and returns the new bytes.</summary>
    public static byte[] Edit(byte[] document, Action<XElement, IXmlNamespaceResolver> change)
    {
        var xml = XDocument.Parse(Encoding.UTF8.GetString(document));
        var ns = new XmlNamespaceManager(new NameTable());
        ns.AddNamespace("h", CdaPaths.Hl7Namespace);
        ns.AddNamespace("hl7fi", CdaPaths.FinnishNamespace);
        change(xml.Root!, ns);
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            xml.Save(writer);
        }

        return stream.ToArray();
    }

    public static XElement Select(XElement root, IXmlNamespaceResolver ns, string xpath) =>
        root.XPathSelectElement(xpath, ns) ?? throw new InvalidOperationException($"{xpath} not found in the fixture.");

    public static byte[] Sample() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Cda", "archive-sample.xml"));
}
