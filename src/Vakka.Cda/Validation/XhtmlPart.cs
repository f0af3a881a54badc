using System.Xml;

namespace Vakka.Cda;

/// <summary>The display form must be well-formed XHTML without a DTD, root {http://www.w3.org/1999/xhtml}html (design §b stage D).</summary>
internal static class XhtmlPart
{
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>Returns null when the part is acceptable, otherwise the reason.</summary>
    public static string? Check(ReadOnlyMemory<byte> xhtml)
    {
        try
        {
            using var stream = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(xhtml, out var segment) && segment.Array is not null
                ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
                : new MemoryStream(xhtml.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            var rootSeen = false;
            while (reader.Read())
            {
                if (!rootSeen && reader.NodeType == XmlNodeType.Element)
                {
                    rootSeen = true;
                    if (reader.LocalName != "html" || reader.NamespaceURI != XhtmlNamespace)
                    {
                        return $"The display form's root must be html in namespace {XhtmlNamespace}.";
                    }
                }
            }

            return rootSeen ? null : "The display form has no root element.";
        }
        catch (XmlException e)
        {
            return $"The display form is not well-formed XHTML without a DTD ({e.LineNumber}:{e.LinePosition}).";
        }
    }
}
