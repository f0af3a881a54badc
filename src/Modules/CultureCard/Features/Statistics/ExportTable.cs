using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Microsoft.Extensions.Localization;

namespace Vakka.CultureCard.Features.Statistics;

/// <summary>Any statistics table as CSV (semicolon-separated UTF-8, as Finnish Excel expects) or as an Excel workbook.</summary>
public static class ExportTable
{
    public static string Label(StatRow row, IStringLocalizer texts, Func<string, string?> name) =>
        row.LabelIsKey ? texts[row.Label] : name(row.Label) ?? row.Label;

    public static byte[] Csv(StatTable table, IStringLocalizer texts, Func<string, string?> name)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(';', new[] { texts[table.Key].Value }.Concat(table.Columns.Select(c => texts[c].Value)).Select(Quote)).Append("\r\n");
        foreach (var row in table.Rows)
            sb.AppendJoin(';', new[] { Quote(Label(row, texts, name)) }.Concat(row.Values.Select(v => v?.ToString(CultureInfo.InvariantCulture) ?? Quote("<5")))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    public static byte[] Xlsx(StatTable table, IStringLocalizer texts, Func<string, string?> name)
    {
        var rows = table.Rows.Select(row =>
        {
            var line = new Dictionary<string, object?> { [texts[table.Key].Value] = Label(row, texts, name) };
            for (var i = 0; i < table.Columns.Count; i++) line[texts[table.Columns[i]].Value] = row.Values[i] is { } v ? v : "<5";
            return line;
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: "Vakka");
        return stream.ToArray();
    }

    private static string Quote(string s)
    {
        if (s.Length > 0 && s[0] is '=' or '+' or '-' or '@') s = "'" + s; // never a formula in the reader's spreadsheet
        return s.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{s.Replace("\"", "\"\"")}\"" : s;
    }
}
