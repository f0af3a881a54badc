using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Vakka.Platform.Web;

/// <summary>
/// A table for people who used Excel before (statistics of any module): a header row and rows of cells, as CSV
/// (semicolon-separated UTF-8 with a BOM and CRLF, as Finnish Excel expects) or as an Excel workbook (MiniExcel).
/// Numbers are written as numbers (invariant culture in CSV); text is quoted when needed, and text that a spreadsheet
/// would run as a formula (a leading =, +, - or @) gets a leading apostrophe in CSV. Header names must be distinct.
/// </summary>
public static class TableExport
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Csv(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(';', header.Select(Quote)).Append("\r\n");
        foreach (var row in rows) sb.AppendJoin(';', row.Select(Cell)).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    public static byte[] Xlsx(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows, string sheetName = "Vakka")
    {
        var lines = rows.Select(row =>
        {
            var line = new Dictionary<string, object?>(header.Count);
            for (var i = 0; i < header.Count; i++) line[header[i]] = i < row.Count ? row[i] : null;
            return line;
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(lines, sheetName: sheetName);
        return stream.ToArray();
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        string text => Quote(text),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => Quote(value.ToString() ?? ""),
    };

    private static string Quote(string s)
    {
        if (s.Length > 0 && s[0] is '=' or '+' or '-' or '@') s = "'" + s; // never a formula in the reader's spreadsheet
        return s.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{s.Replace("\"", "\"\"")}\"" : s;
    }
}
