using System.Globalization;
using System.Xml.Linq;
using Vakka.CultureCard.Domain;

namespace Vakka.Tests.CultureCard;

/// <summary>
/// The Code 39 renderer, checked by reading its SVG back as a scanner does: bar and space widths from the rectangles,
/// narrow/wide from the widths, characters from a table built here from the standard's structure (not copied from
/// the renderer), start/stop, gaps and quiet zones.
/// </summary>
public sealed class Code39Tests
{
    [Theory]
    [InlineData("ABCDEFGH")]
    [InlineData("0123456789")]
    [InlineData("KLMNOPQRSTUVWXYZ")]
    [InlineData("-. $/+%")]
    [InlineData("ESP00123")]
    public void The_rendered_svg_decodes_back_to_the_text(string text) =>
        Assert.Equal(text, Decode(Code39.Svg(text)));

    [Fact]
    public void New_card_ids_decode_back()
    {
        foreach (var code in Enumerable.Range(0, 200).Select(_ => CardCode.NewCode()))
            Assert.Equal(code, Decode(Code39.Svg(code)));
    }

    [Theory]
    [InlineData("abc")] // lower case is not Code 39 (the full-ASCII extension is not used)
    [InlineData("A*B")] // * is the start/stop character
    [InlineData("ÄÖ")]
    [InlineData("A_B")]
    [InlineData("")]
    public void A_character_outside_Code_39_is_refused(string text)
    {
        Assert.False(Code39.CanEncode(text));
        Assert.Throws<ArgumentException>(() => Code39.Svg(text));
    }

    [Fact]
    public void Wide_is_three_narrow_with_a_narrow_gap_and_ten_narrow_quiet_zones()
    {
        var (elements, width) = Elements(Code39.Svg("A1"));
        Assert.Equal([1, 3], elements.Where(e => e.Width is not (>= 10)).Select(e => e.Width).Distinct().Order());
        Assert.Equal(10, elements[0].Width); // leading quiet zone, before the first bar
        Assert.False(elements[0].IsBar);
        Assert.Equal(10, elements[^1].Width);
        Assert.False(elements[^1].IsBar);
        // *A1*: four characters of 9 elements (3 wide) = 4 × 15 narrow widths, three 1-wide gaps, two quiet zones
        Assert.Equal(4 * 15 + 3 + 2 * 10, width);
    }

    // ---- an independent decoder ----

    private sealed record Element(bool IsBar, int Width);

    /// <summary>Reads the black rectangles (x, width) and turns them into alternating spaces and bars in narrow widths.</summary>
    private static (List<Element> Elements, int Width) Elements(string svg)
    {
        var doc = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        var viewBox = doc.Root!.Attribute("viewBox")!.Value.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var total = viewBox[2];
        var bars = doc.Root.Elements(ns + "rect")
            .Where(r => (string?)r.Attribute("fill") is not ("#fff" or "#ffffff" or "white"))
            .Select(r => (X: double.Parse(r.Attribute("x")!.Value, CultureInfo.InvariantCulture), W: double.Parse(r.Attribute("width")!.Value, CultureInfo.InvariantCulture)))
            .OrderBy(b => b.X).ToList();
        Assert.NotEmpty(bars);
        var narrow = bars.Min(b => b.W);
        var elements = new List<Element>();
        var at = 0.0;
        foreach (var (x, w) in bars)
        {
            elements.Add(new Element(false, (int)Math.Round((x - at) / narrow)));
            elements.Add(new Element(true, (int)Math.Round(w / narrow)));
            at = x + w;
        }
        elements.Add(new Element(false, (int)Math.Round((total - at) / narrow)));
        return (elements, (int)Math.Round(total / narrow));
    }

    /// <summary>Reads a Code 39 SVG back to its text (used by the print-page tests too).</summary>
    internal static string Decode(string svg)
    {
        var (elements, _) = Elements(svg);
        Assert.True(elements[0].Width >= 10, "quiet zone before the code");
        Assert.True(elements[^1].Width >= 10, "quiet zone after the code");
        var inner = elements.Skip(1).Take(elements.Count - 2).ToList(); // bar first, bar last
        Assert.Equal(0, (inner.Count + 1) % 10); // 9 elements a character, 1 gap between characters
        var chars = new List<char>();
        for (var start = 0; start < inner.Count; start += 10)
        {
            var symbol = inner.Skip(start).Take(9).ToList();
            Assert.All(symbol, e => Assert.Contains(e.Width, new[] { 1, 3 }));
            Assert.Equal(3, symbol.Count(e => e.Width == 3));
            if (start + 9 < inner.Count) Assert.Equal(new Element(false, 1), inner[start + 9]); // the narrow gap
            var bars = string.Concat(symbol.Where(e => e.IsBar).Select(e => e.Width == 3 ? 'W' : 'n'));
            var spaces = string.Concat(symbol.Where(e => !e.IsBar).Select(e => e.Width == 3 ? 'W' : 'n'));
            Assert.True(Table.TryGetValue((bars, spaces), out var c), $"unknown symbol {bars}/{spaces}");
            chars.Add(c);
        }
        Assert.Equal('*', chars[0]);
        Assert.Equal('*', chars[^1]);
        return new string(chars.ToArray()[1..^1]);
    }

    /// <summary>
    /// The Code 39 table from its structure (ISO/IEC 16388; the layout every reference table shows): 40 characters in
    /// the order 1–9, 0, A–Z, "-", ".", space, "*" take the ten two-of-five bar patterns in turn, and each run of ten
    /// has one of four one-wide space patterns; $ / + % have all-narrow bars and three wide spaces.
    /// </summary>
    private static readonly Dictionary<(string Bars, string Spaces), char> Table = BuildTable();

    private static Dictionary<(string, string), char> BuildTable()
    {
        string[] barPatterns = ["WnnnW", "nWnnW", "WWnnn", "nnWnW", "WnWnn", "nWWnn", "nnnWW", "WnnWn", "nWnWn", "nnWWn"];
        string[] spacePatterns = ["nWnn", "nnWn", "nnnW", "Wnnn"];
        const string order = "1234567890ABCDEFGHIJKLMNOPQRSTUVWXYZ-. *";
        var table = new Dictionary<(string, string), char>();
        for (var i = 0; i < order.Length; i++) table.Add((barPatterns[i % 10], spacePatterns[i / 10]), order[i]);
        table.Add(("nnnnn", "WWWn"), '$');
        table.Add(("nnnnn", "WWnW"), '/');
        table.Add(("nnnnn", "WnWW"), '+');
        table.Add(("nnnnn", "nWWW"), '%');
        return table;
    }
}
