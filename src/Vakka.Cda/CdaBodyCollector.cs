using System.Xml;

namespace Vakka.Cda;

/// <summary>Collects the body while <see cref="CdaReader"/> walks the document (design §a #35).</summary>
internal sealed class CdaBodyCollector(CdaReadOptions options)
{
    private readonly List<CdaIssue> _issues = [];
    private bool _structured;
    private bool _nonXml;
    private string? _mediaType;
    private bool _xhtmlSeen;
    private bool _jsonSeen;
    private bool _pdfSeen;
    private byte[]? _xhtml;
    private byte[]? _json;
    private byte[]? _pdf;

    public void OnElement(string path, XmlReader xml)
    {
        switch (path)
        {
            case CdaPaths.StructuredBody:
                _structured = true;
                break;
            case CdaPaths.NonXmlBody:
                _nonXml = true;
                break;
            case CdaPaths.SectionMedia:
                _mediaType = xml.GetAttribute("mediaType");
                if (_mediaType == CdaConstants.MediaXhtml && !_xhtmlSeen)
                {
                    _xhtmlSeen = true;
                }
                else if (_mediaType == CdaConstants.MediaJson && !_jsonSeen)
                {
                    _jsonSeen = true;
                }
                else
                {
                    _issues.Add(new CdaIssue(CdaIssueCodes.BodyKindInvalid, CdaPaths.Attribute(path, "mediaType"),
                        $"A section part must be one {CdaConstants.MediaXhtml} and one {CdaConstants.MediaJson}; found '{_mediaType}'."));
                    _mediaType = null;
                }

                RequireBase64(path, xml);
                break;
            case CdaPaths.NonXmlText:
                _mediaType = xml.GetAttribute("mediaType");
                if (_mediaType != CdaConstants.MediaPdf)
                {
                    _issues.Add(new CdaIssue(CdaIssueCodes.BodyKindInvalid, CdaPaths.Attribute(path, "mediaType"),
                        $"nonXMLBody must carry {CdaConstants.MediaPdf}; found '{_mediaType}'."));
                    _mediaType = null;
                }
                else
                {
                    _pdfSeen = true;
                }

                RequireBase64(path, xml);
                break;
        }
    }

    public bool WantsText(string path) => options.DecodeBody && path is CdaPaths.SectionMedia or CdaPaths.NonXmlText;

    public void OnText(string path, string text)
    {
        if (!WantsText(path) || _mediaType is null)
        {
            return;
        }

        Store(Decode(path, text));
    }

    public long MaxPartBytes => options.MaxPartBytes;

    /// <summary>A part the reader decoded itself; null when it was larger than <see cref="MaxPartBytes"/>.</summary>
    public void OnBase64(string path, byte[]? decoded)
    {
        if (!WantsText(path) || _mediaType is null)
        {
            return;
        }

        if (decoded is null)
        {
            _issues.Add(TooLarge(path));
        }

        Store(decoded);
    }

    private void Store(byte[]? decoded)
    {
        switch (_mediaType)
        {
            case CdaConstants.MediaXhtml: _xhtml = decoded; break;
            case CdaConstants.MediaJson: _json = decoded; break;
            case CdaConstants.MediaPdf: _pdf = decoded; break;
        }
    }

    public CdaBodyRef Complete(List<CdaIssue> issues)
    {
        issues.AddRange(_issues);
        if (_structured && _nonXml)
        {
            issues.Add(new CdaIssue(CdaIssueCodes.BodyKindInvalid, CdaPaths.Body, "The body must be either structuredBody or nonXMLBody, not both."));
            return new CdaBodyRef(CdaBodyKind.None, null);
        }

        if (_nonXml)
        {
            return _pdfSeen
                ? new CdaBodyRef(CdaBodyKind.Pdf, _pdf is null ? null : new PdfBody(_pdf))
                : new CdaBodyRef(CdaBodyKind.None, null);
        }

        if (!_structured)
        {
            return new CdaBodyRef(CdaBodyKind.None, null);
        }

        if (!_xhtmlSeen)
        {
            issues.Add(new CdaIssue(CdaIssueCodes.BodyXhtmlMissing, CdaPaths.StructuredBody, $"The structured body has no {CdaConstants.MediaXhtml} part (the display form)."));
            return new CdaBodyRef(CdaBodyKind.None, null);
        }

        return _jsonSeen
            ? new CdaBodyRef(CdaBodyKind.XhtmlJson, _xhtml is null || _json is null ? null : new XhtmlJsonBody(_xhtml, _json))
            : new CdaBodyRef(CdaBodyKind.XhtmlOnly, _xhtml is null ? null : new XhtmlOnlyBody(_xhtml));
    }

    private void RequireBase64(string path, XmlReader xml)
    {
        if (xml.GetAttribute("representation") != "B64")
        {
            _issues.Add(new CdaIssue(CdaIssueCodes.BodyBase64Invalid, CdaPaths.Attribute(path, "representation"), "A body part must have representation=\"B64\"."));
        }
    }

    private CdaIssue TooLarge(string path) =>
        new(CdaIssueCodes.BodyPartTooLarge, path, $"A body part is larger than {options.MaxPartBytes} bytes.");

    private byte[]? Decode(string path, string text)
    {
        if ((long)text.Length * 3 / 4 > options.MaxPartBytes)
        {
            _issues.Add(TooLarge(path));
            return null;
        }

        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            _issues.Add(new CdaIssue(CdaIssueCodes.BodyBase64Invalid, path, "The body part is not valid Base64."));
            return null;
        }
    }
}
