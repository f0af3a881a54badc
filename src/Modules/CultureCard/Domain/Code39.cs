using System.Globalization;
using System.Text;

namespace Vakka.CultureCard.Domain;

/// <summary>
/// Code 39 (ISO/IEC 16388, also AIM USS-39) as an SVG image: the start/stop character <c>*</c> around the data, each
/// character five bars and four spaces of which three are wide, wide = 3 × narrow, one narrow space between
/// characters and a quiet zone of ten narrow widths on both sides. No check character (the card ID carries its own).
/// A keyboard-wedge scanner reading it types the ID and Enter into the focused field.
/// </summary>
public static class Code39
{
    /// <summary>Wide elements are this many narrow widths (the standard allows 2–3; 3 reads most reliably).</summary>
    public const int WideRatio = 3;
    /// <summary>Blank space before the start and after the stop character, in narrow widths (the standard asks for at least 10).</summary>
    public const int QuietZone = 10;
    /// <summary>Bar height in narrow widths when the image is shown at its natural size.</summary>
    public const int Height = 40;

    /// <summary>
    /// The symbol table of ISO/IEC 16388 §4.2 (Table 1): for each character its nine elements from left to right —
    /// bar, space, bar, space, bar, space, bar, space, bar — with 1 for a wide and 0 for a narrow element.
    /// </summary>
    private static readonly Dictionary<char, string> Patterns = new()
    {
        ['0'] = "000110100", ['1'] = "100100001", ['2'] = "001100001", ['3'] = "101100000", ['4'] = "000110001",
        ['5'] = "100110000", ['6'] = "001110000", ['7'] = "000100101", ['8'] = "100100100", ['9'] = "001100100",
        ['A'] = "100001001", ['B'] = "001001001", ['C'] = "101001000", ['D'] = "000011001", ['E'] = "100011000",
        ['F'] = "001011000", ['G'] = "000001101", ['H'] = "100001100", ['I'] = "001001100", ['J'] = "000011100",
        ['K'] = "100000011", ['L'] = "001000011", ['M'] = "101000010", ['N'] = "000010011", ['O'] = "100010010",
        ['P'] = "001010010", ['Q'] = "000000111", ['R'] = "100000110", ['S'] = "001000110", ['T'] = "000010110",
        ['U'] = "110000001", ['V'] = "011000001", ['W'] = "111000000", ['X'] = "010010001", ['Y'] = "110010000",
        ['Z'] = "011010000", ['-'] = "010000101", ['.'] = "110000100", [' '] = "011000100", ['$'] = "010101000",
        ['/'] = "010100010", ['+'] = "010001010", ['%'] = "000101010", ['*'] = "010010100",
    };

    /// <summary>Whether every character can be written in Code 39 (<c>*</c> is reserved for start and stop).</summary>
    public static bool CanEncode(string text) => text.Length > 0 && text.All(c => c != '*' && Patterns.ContainsKey(c));

    /// <summary>
    /// The widths of the elements from the start of the quiet zone to its end, in narrow widths, alternating space and
    /// bar (the first element is the leading quiet zone, a space).
    /// </summary>
    public static IReadOnlyList<int> Elements(string text)
    {
        if (!CanEncode(text))
            throw new ArgumentException("Code 39 has only A–Z, 0–9, space and - . $ / + %.", nameof(text));
        var elements = new List<int> { QuietZone };
        var symbol = "*" + text + "*";
        for (var i = 0; i < symbol.Length; i++)
        {
            if (i > 0) elements.Add(1); // the inter-character gap: one narrow space
            foreach (var e in Patterns[symbol[i]]) elements.Add(e == '1' ? WideRatio : 1);
        }
        elements.Add(QuietZone);
        return elements;
    }

    /// <summary>
    /// The barcode as an SVG document: black rectangles on a white background, one unit per narrow width, drawn
    /// <paramref name="pixelsPerModule"/> pixels wide at natural size and stretched by CSS to any print size.
    /// </summary>
    public static string Svg(string text, int pixelsPerModule = 3)
    {
        var elements = Elements(text);
        var width = elements.Sum();
        var svg = new StringBuilder(64 * elements.Count);
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {Height}\" width=\"{width * pixelsPerModule}\" height=\"{Height * pixelsPerModule}\" preserveAspectRatio=\"none\" shape-rendering=\"crispEdges\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{Height}\" fill=\"#fff\"/>");
        var x = 0;
        for (var i = 0; i < elements.Count; i++)
        {
            var isBar = i % 2 == 1;
            if (isBar) svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"0\" width=\"{elements[i]}\" height=\"{Height}\" fill=\"#000\"/>");
            x += elements[i];
        }
        svg.Append("</svg>");
        return svg.ToString();
    }
}
