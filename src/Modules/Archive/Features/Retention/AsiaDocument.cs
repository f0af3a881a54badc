using System.Globalization;
using System.Text.Json;

namespace Vakka.Archive.Features.Retention;

/// <summary>The case facts an Asia-asiakirja (1505:2) carries in its structured JSON: <c>asian_tiedot.{avauspaiva, paattymispaiva, palvelutehtava}</c> (SWA §4).</summary>
public sealed record AsiaFacts(DateOnly? OpenedOn, DateOnly? ClosedOn, string? ServiceTaskCode)
{
    /// <summary>
    /// Reads the first <c>asian_tiedot</c> object at any depth (the root property's name depends on the structure).
    /// Dates are ISO dates or date-times (the date part is taken); the service task is a code string or a coded object
    /// with <c>code</c> or <c>koodi</c>. Null when the JSON is not readable or has no <c>asian_tiedot</c>.
    /// </summary>
    public static AsiaFacts? Read(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (Find(document.RootElement, 0) is not { } asia) return null;
            return new AsiaFacts(DateOf(asia, "avauspaiva"), DateOf(asia, "paattymispaiva"), CodeOf(asia, "palvelutehtava"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private const int MaxDepth = 8;

    private static JsonElement? Find(JsonElement element, int depth)
    {
        if (depth > MaxDepth) return null;
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.NameEquals("asian_tiedot") && property.Value.ValueKind == JsonValueKind.Object) return property.Value;
                if (Find(property.Value, depth + 1) is { } found) return found;
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
                if (Find(item, depth + 1) is { } found) return found;
        }
        return null;
    }

    private static DateOnly? DateOf(JsonElement asia, string name) =>
        asia.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: >= 10 } text &&
        DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string? CodeOf(JsonElement asia, string name)
    {
        if (!asia.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        if (value.ValueKind != JsonValueKind.Object) return null;
        foreach (var key in (string[])["code", "koodi"])
            if (value.TryGetProperty(key, out var code) && code.ValueKind == JsonValueKind.String) return code.GetString();
        return null;
    }
}
