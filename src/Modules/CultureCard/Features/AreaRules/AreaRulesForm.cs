using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Vakka.CultureCard.Features.Batches;
using Vakka.Platform.Results;
using Vakka.CultureCard.Domain;

// The namespace is not "AreaRules": that would hide the Domain type AreaRules from every file under Features.
namespace Vakka.CultureCard.Features.AreaRuleSettings;

/// <summary>
/// An area's Kaikukortti rules as the form shows them. Numbers and the date are kept as typed, so that a refused value
/// comes back as it was with a message that gives the allowed range.
/// </summary>
public sealed class AreaRulesForm
{
    public static readonly (int Min, int Max) ValidityMonthsRange = (1, 36);
    public static readonly (int Min, int Max) IssueBackdateRange = (0, 60);
    public static readonly (int Min, int Max) UseBackdateRange = (0, 365);
    public static readonly (int Min, int Max) GroupMaxRange = (1, 50);

    [Required(ErrorMessage = "Validation.Required"), Display(Name = "CultureCard.AreaRules.ValidityMonths")]
    public string? ValidityMonths { get; set; }

    [Display(Name = "CultureCard.AreaRules.PilotEndsOn")]
    public string? PilotEndsOn { get; set; }

    [Required(ErrorMessage = "Validation.Required"), Display(Name = "CultureCard.AreaRules.IssueBackdateDays")]
    public string? IssueBackdateDays { get; set; }

    [Required(ErrorMessage = "Validation.Required"), Display(Name = "CultureCard.AreaRules.UseBackdateDays")]
    public string? UseBackdateDays { get; set; }

    [Required(ErrorMessage = "Validation.Required"), Display(Name = "CultureCard.AreaRules.CommunityGroupMax")]
    public string? CommunityGroupMax { get; set; }

    [Display(Name = "CultureCard.AreaRules.LocalOnly")]
    public bool LocalOnly { get; set; }

    public int Version { get; set; }

    public static AreaRulesForm From(AreaRules rules) => new()
    {
        ValidityMonths = Text(rules.ValidityMonths),
        PilotEndsOn = rules.PilotEndsOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IssueBackdateDays = Text(rules.IssueBackdateDays),
        UseBackdateDays = Text(rules.UseBackdateDays),
        CommunityGroupMax = Text(rules.CommunityGroupMax),
        LocalOnly = rules.LocalOnly,
        Version = rules.Version,
    };

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Checks every field and, when all are fine, writes them onto <paramref name="rules"/>.</summary>
    internal Validation ApplyTo(AreaRules rules)
    {
        var v = new Validation();
        int? Whole(string field, string? text, (int Min, int Max) range)
        {
            var n = BatchForm.WholeNumber(text, range.Min, range.Max);
            if (string.IsNullOrWhiteSpace(text)) v.Add(field, "Validation.Required");
            else if (n is null) v.Add(field, "CultureCard.AreaRules.Range", $"CultureCard.AreaRules.{field}", range.Min, range.Max);
            return n;
        }

        var months = Whole(nameof(ValidityMonths), ValidityMonths, ValidityMonthsRange);
        var issue = Whole(nameof(IssueBackdateDays), IssueBackdateDays, IssueBackdateRange);
        var use = Whole(nameof(UseBackdateDays), UseBackdateDays, UseBackdateRange);
        var group = Whole(nameof(CommunityGroupMax), CommunityGroupMax, GroupMaxRange);
        DateOnly? pilot = null;
        if (!string.IsNullOrWhiteSpace(PilotEndsOn))
        {
            if (DateOnly.TryParseExact(PilotEndsOn.Trim(), ["yyyy-MM-dd", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                && day.Year is >= 2000 and <= 2100)
                pilot = day;
            else v.Add(nameof(PilotEndsOn), "CultureCard.AreaRules.PilotEndsOn.Format");
        }
        if (!v.IsValid) return v;

        rules.ValidityMonths = months!.Value;
        rules.PilotEndsOn = pilot;
        rules.IssueBackdateDays = issue!.Value;
        rules.UseBackdateDays = use!.Value;
        rules.CommunityGroupMax = group!.Value;
        rules.LocalOnly = LocalOnly;
        return v;
    }
}
