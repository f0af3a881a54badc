using Microsoft.Extensions.Localization;
using Vakka.Platform.Web;

namespace Vakka.CultureCard.Features.Statistics;

/// <summary>Any statistics table as CSV or as an Excel workbook (<see cref="TableExport"/>); a hidden cell reads "&lt;5".</summary>
public static class ExportTable
{
    public static string Label(StatRow row, IStringLocalizer texts, Func<string, string?> name) =>
        row.LabelIsKey ? texts[row.Label] : name(row.Label) ?? row.Label;

    public static byte[] Csv(StatTable table, IStringLocalizer texts, Func<string, string?> name) =>
        TableExport.Csv(Header(table, texts), Rows(table, texts, name));

    public static byte[] Xlsx(StatTable table, IStringLocalizer texts, Func<string, string?> name) =>
        TableExport.Xlsx(Header(table, texts), Rows(table, texts, name));

    private static string[] Header(StatTable table, IStringLocalizer texts) =>
        [texts[table.Key].Value, .. table.Columns.Select(c => texts[c].Value)];

    private static IEnumerable<object?[]> Rows(StatTable table, IStringLocalizer texts, Func<string, string?> name) =>
        table.Rows.Select(row => (object?[])[Label(row, texts, name), .. row.Values.Select(v => v is { } n ? (object)n : "<5")]);
}
