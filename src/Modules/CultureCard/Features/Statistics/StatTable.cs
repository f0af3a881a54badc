namespace Vakka.CultureCard.Features.Statistics;

/// <summary>
/// A table of the statistics as people read it (and export it): rows with a label and numbers. A null number is a
/// hidden cell (fewer than five cardholders behind it, for viewers outside the coordinators).
/// </summary>
public sealed record StatTable(string Key, IReadOnlyList<string> Columns, IReadOnlyList<StatRow> Rows, string? ChartKind = null);

/// <summary>A row: its label is either a text key (<see cref="LabelIsKey"/>) or a name as it is (a venue, a postal area).</summary>
public sealed record StatRow(string Label, IReadOnlyList<long?> Values, bool LabelIsKey = false);

public static class Privacy
{
    /// <summary>The smallest number of cardholders a cell may describe when the viewer is not a coordinator.</summary>
    public const int MinimumCardholders = 5;
}
