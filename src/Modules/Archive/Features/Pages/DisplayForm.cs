using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using Microsoft.AspNetCore.Http;

namespace Vakka.Archive.Features.Pages;

/// <summary>
/// The archived display form (XHTML) as a page of its own for a sandboxed frame, and the structured form (JSON) as
/// readable text. First layer: HtmlSanitizer keeps markup and inline styles and drops scripts, event handlers,
/// <c>javascript:</c> and other non-http links, forms, frames, objects and remote resources. Second layer (not here): the
/// frame is <c>&lt;iframe sandbox&gt;</c> without <c>allow-scripts</c> or <c>allow-same-origin</c>, and the response
/// carries <c>Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox</c>, so
/// that even markup the sanitiser missed cannot run script or reach anything.
/// </summary>
public static class DisplayForm
{
    private static readonly string[] Removed = ["form", "input", "button", "select", "option", "textarea", "iframe", "frame", "frameset",
        "object", "embed", "applet", "base", "link", "meta", "svg", "math", "template", "portal"];

    /// <summary>The display form's address, /archive/documents/{guid}/display: the host gives it its own security headers.</summary>
    public static bool IsPath(PathString path) =>
        path.Value is { } p && p.StartsWith("/archive/documents/", StringComparison.OrdinalIgnoreCase)
        && p.Split('/') is [_, _, _, var id, var handler] && Guid.TryParse(id, out _) && handler.Equals("display", StringComparison.OrdinalIgnoreCase);

    /// <summary>A new sanitiser per call: HtmlSanitizer's settings are mutable, so an instance is never shared.</summary>
    private static HtmlSanitizer Sanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        foreach (var tag in Removed) sanitizer.AllowedTags.Remove(tag);
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowDataAttributes = false;
        sanitizer.AllowedAttributes.Remove("action");
        sanitizer.AllowedAttributes.Remove("formaction");
        sanitizer.AllowedAtRules.Clear();
        return sanitizer;
    }

    /// <summary>The body of the XHTML, sanitised, in a complete HTML document with the document's language and title.</summary>
    public static string Html(ReadOnlyMemory<byte> xhtml, string language, string title)
    {
        var parsed = new HtmlParser().ParseDocument(Encoding.UTF8.GetString(xhtml.Span));
        var body = Sanitizer().Sanitize(parsed.Body?.InnerHtml ?? "");
        return string.Concat("<!DOCTYPE html>\n<html lang=\"", WebUtility.HtmlEncode(language), "\"><head><meta charset=\"utf-8\"><title>",
            WebUtility.HtmlEncode(title), "</title></head><body>", body, "</body></html>\n");
    }

    /// <summary>The structured form indented for reading (the stored text as it is when it is not valid JSON). Shown escaped.</summary>
    public static string Json(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, Indented);
        }
        catch (JsonException)
        {
            return Encoding.UTF8.GetString(json.Span);
        }
    }

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
