using System.Xml;

namespace Vakka.Cda;

/// <summary>Writes the body: structuredBody with one section per part, or nonXMLBody for PDF (design §a #35).</summary>
internal static class CdaBodyWriter
{
    private const string H = CdaPaths.Hl7Namespace;

    public static void Write(XmlWriter w, CdaBody body)
    {
        w.WriteStartElement("component", H);
        switch (body)
        {
            case XhtmlJsonBody b:
                w.WriteStartElement("structuredBody", H);
                Section(w, "Näyttömuoto", CdaConstants.MediaXhtml, b.Xhtml);
                Section(w, "Rakenteinen muoto", CdaConstants.MediaJson, b.Json);
                w.WriteEndElement();
                break;
            case XhtmlOnlyBody b:
                w.WriteStartElement("structuredBody", H);
                Section(w, "Näyttömuoto", CdaConstants.MediaXhtml, b.Xhtml);
                w.WriteEndElement();
                break;
            case PdfBody b:
                w.WriteStartElement("nonXMLBody", H);
                w.WriteStartElement("text", H);
                w.WriteAttributeString("mediaType", CdaConstants.MediaPdf);
                w.WriteAttributeString("representation", "B64");
                Base64(w, b.Pdf);
                w.WriteEndElement();
                w.WriteEndElement();
                break;
            default:
                throw new ArgumentException($"Unsupported body {body.GetType().Name}.", nameof(body));
        }

        w.WriteEndElement();
    }

    private static void Section(XmlWriter w, string title, string mediaType, ReadOnlyMemory<byte> content)
    {
        w.WriteStartElement("component", H);
        w.WriteStartElement("section", H);
        w.WriteElementString("title", H, title);
        w.WriteStartElement("entry", H);
        w.WriteStartElement("observationMedia", H);
        w.WriteAttributeString("classCode", "OBS");
        w.WriteAttributeString("moodCode", "EVN");
        w.WriteStartElement("value", H);
        w.WriteAttributeString("mediaType", mediaType);
        w.WriteAttributeString("representation", "B64");
        Base64(w, content);
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Base64(XmlWriter w, ReadOnlyMemory<byte> content) =>
        w.WriteString(Convert.ToBase64String(content.Span));
}
