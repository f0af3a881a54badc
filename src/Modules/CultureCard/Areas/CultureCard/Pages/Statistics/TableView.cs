using Vakka.CultureCard.Features.Statistics;

namespace Vakka.CultureCard.Areas.CultureCard.Pages.Statistics;

/// <summary>What the table partial needs: the table, how to name its rows, and where its exports are.</summary>
public sealed record TableView(StatTable Table, Func<StatRow, string> Label, string? ExportBase, string FirstColumn = "CultureCard.Stats.Group")
{
    /// <summary>The columns drawn: all but the cardholder count, which is for reading only.</summary>
    public IEnumerable<int> ChartColumns => Enumerable.Range(0, Table.Columns.Count)
        .Where(i => Table.Columns[i] != "CultureCard.Stats.Cardholders" && !(Table.Columns.Count > 2 && Table.Columns[i] == "CultureCard.Stats.Uses"));
}
