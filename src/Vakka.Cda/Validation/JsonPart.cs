using System.Text.Json;

namespace Vakka.Cda;

/// <summary>
/// The structured form must be UTF-8 JSON whose root is an object with exactly one property (Sosmeta: the snake_case
/// structure name, SWA §4; design §b stage D).
/// </summary>
internal static class JsonPart
{
    /// <summary>Returns null when the part is acceptable, otherwise the code and reason.</summary>
    public static (string Code, string Reason)? Check(ReadOnlyMemory<byte> json, out string? rootProperty)
    {
        rootProperty = null;
        if (!System.Text.Unicode.Utf8.IsValid(json.Span))
        {
            return (CdaIssueCodes.BodyJsonInvalid, "The structured form is not valid UTF-8."); // JsonDocument checks string bytes only when read
        }

        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || root.EnumerateObject().Count() != 1)
            {
                return (CdaIssueCodes.BodyJsonRootInvalid, "The structured form must be a JSON object with exactly one property (the structure name).");
            }

            rootProperty = root.EnumerateObject().First().Name;
            return null;
        }
        catch (JsonException)
        {
            return (CdaIssueCodes.BodyJsonInvalid, "The structured form is not valid UTF-8 JSON.");
        }
    }
}
