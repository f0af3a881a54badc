using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Xml;

namespace Vakka.Cda;

/// <summary>
/// Reads a client document in one forward pass with <see cref="XmlReader"/> (no DOM): DTDs are prohibited and no
/// resolver is used, so no external entity is ever fetched. Never throws on bad input: size, XML and root errors are
/// fatal issues (header null); value syntax errors are issues next to a partly filled header.
/// </summary>
public static class CdaReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    /// <summary>Reads <paramref name="document"/> (the exact bytes received).</summary>
    public static CdaReadResult Read(ReadOnlyMemory<byte> document, CdaReadOptions? options = null)
    {
        options ??= CdaReadOptions.Default;
        if (document.IsEmpty)
        {
            return Fatal(CdaIssueCodes.DocumentEmpty, "/", "The document is empty.");
        }

        if (document.Length > options.MaxDocumentBytes)
        {
            return Fatal(CdaIssueCodes.DocumentTooLarge, "/", $"The document is larger than {options.MaxDocumentBytes} bytes.");
        }

        var header = new CdaHeaderCollector();
        var body = new CdaBodyCollector(options);
        try
        {
            CdaIssue? fatal;
            try
            {
                fatal = ReadOnce(document, header, body, streamBase64: true);
            }
            catch (XmlException)
            {
                // The fast path decodes Base64 inside the reader and cannot go on after a bad part: read again the
                // plain way, which reports the bad part (or the XML error) exactly and checks the rest of the document.
                header = new CdaHeaderCollector();
                body = new CdaBodyCollector(options);
                fatal = ReadOnce(document, header, body, streamBase64: false);
            }

            if (fatal is not null)
            {
                return new CdaReadResult(null, new CdaBodyRef(CdaBodyKind.None, null), [fatal]);
            }
        }
        catch (XmlException e)
        {
            var at = $"{e.LineNumber}:{e.LinePosition}";
            return document.Span.IndexOf("<!DOCTYPE"u8) >= 0
                ? Fatal(CdaIssueCodes.XmlDtdForbidden, at, "A DOCTYPE (DTD) is not allowed.")
                : Fatal(CdaIssueCodes.XmlNotWellFormed, at, "The document is not well-formed XML: " + e.Message);
        }

        var issues = new List<CdaIssue>();
        var result = header.Complete(issues);
        var bodyRef = body.Complete(issues);
        return new CdaReadResult(result, bodyRef, issues);
    }

    private static CdaIssue? ReadOnce(ReadOnlyMemory<byte> document, CdaHeaderCollector header, CdaBodyCollector body, bool streamBase64)
    {
        using var stream = AsStream(document);
        using var xml = XmlReader.Create(stream, Settings);
        return ReadAll(xml, header, body, streamBase64);
    }

    private static CdaIssue? ReadAll(XmlReader xml, CdaHeaderCollector header, CdaBodyCollector body, bool streamBase64)
    {
        var stack = new List<string>();
        var rootSeen = false;
        while (xml.Read())
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.XmlDeclaration:
                    var encoding = xml.GetAttribute("encoding");
                    if (encoding is not null && !encoding.Equals("UTF-8", StringComparison.OrdinalIgnoreCase))
                    {
                        return new CdaIssue(CdaIssueCodes.XmlEncodingUnsupported, "/", $"The declared encoding is {encoding}; only UTF-8 is accepted.");
                    }

                    break;
                case XmlNodeType.Element:
                    var path = (stack.Count == 0 ? string.Empty : stack[^1]) + "/" + Prefix(xml.NamespaceURI) + xml.LocalName;
                    if (!rootSeen)
                    {
                        rootSeen = true;
                        if (path != CdaPaths.Root)
                        {
                            return new CdaIssue(CdaIssueCodes.XmlRootInvalid, path, "The root element must be ClinicalDocument in namespace urn:hl7-org:v3.");
                        }
                    }

                    var isEmpty = xml.IsEmptyElement;
                    header.OnElement(path, xml);
                    body.OnElement(path, xml);
                    if (isEmpty)
                    {
                        break;
                    }

                    if (streamBase64 && body.WantsText(path) && !header.WantsText(path))
                    {
                        body.OnBase64(path, ReadBase64(xml, body.MaxPartBytes));
                        break;
                    }

                    if (header.WantsText(path) || body.WantsText(path))
                    {
                        var text = ReadText(xml);
                        header.OnText(path, text);
                        body.OnText(path, text);
                        break;
                    }

                    stack.Add(path);
                    break;
                case XmlNodeType.EndElement:
                    stack.RemoveAt(stack.Count - 1);
                    break;
            }
        }

        return null;
    }

    /// <summary>
    /// Decodes the current element's Base64 text inside the reader (no string of the whole part, no second copy) and
    /// stops on its end tag. A part of more than <paramref name="maxBytes"/> is read to the end and dropped (null). Throws
    /// <see cref="XmlException"/> on bad Base64 or an element inside the text; the caller then reads the plain way.
    /// </summary>
    private static byte[]? ReadBase64(XmlReader xml, long maxBytes)
    {
        var depth = xml.Depth;
        var tooLarge = false;
        xml.Read();
        if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth)
        {
            return [];
        }

        if (xml.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace))
        {
            throw new XmlException("A body part holds markup, not only Base64 text.");
        }

        var output = new ArrayBufferWriter<byte>(4096);
        int read;
        while ((read = xml.ReadContentAsBase64(Chunk ??= new byte[8192], 0, Chunk.Length)) > 0)
        {
            tooLarge |= output.WrittenCount + (long)read > maxBytes;
            if (!tooLarge)
            {
                output.Write(Chunk.AsSpan(0, read));
            }
        }

        if (xml.NodeType != XmlNodeType.EndElement || xml.Depth != depth)
        {
            throw new XmlException("A body part holds markup, not only Base64 text.");
        }

        return tooLarge ? null : output.WrittenSpan.ToArray();
    }

    [ThreadStatic]
    private static byte[]? Chunk;

    /// <summary>Reads the text content up to and including the current element's end tag.</summary>
    private static string ReadText(XmlReader xml)
    {
        var depth = xml.Depth;
        var text = new StringBuilder();
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth)
            {
                break;
            }

            if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
            {
                text.Append(xml.Value);
            }
        }

        return text.ToString();
    }

    private static string Prefix(string ns) => ns switch
    {
        CdaPaths.Hl7Namespace => "h:",
        CdaPaths.FinnishNamespace => "hl7fi:",
        "" => string.Empty,
        _ => "{" + ns + "}",
    };

    private static MemoryStream AsStream(ReadOnlyMemory<byte> document) =>
        MemoryMarshal.TryGetArray(document, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(document.ToArray(), writable: false);

    private static CdaReadResult Fatal(string code, string path, string reason) =>
        new(null, new CdaBodyRef(CdaBodyKind.None, null), [new CdaIssue(code, path, reason)]);
}
