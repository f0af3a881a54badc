using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Vakka.CultureCard.Features.Batches;
using Vakka.Platform.Results;

namespace Vakka.CultureCard.Features.LifeSituations;

/// <summary>An entry of the life-situation list: a stable code (kebab-case, never changed), names in three languages, order, active.</summary>
public sealed partial class LifeSituationForm
{
    public const int MaxOrder = 10000;

    [Required(ErrorMessage = "Validation.Required"), Display(Name = "CultureCard.LifeSituations.Code")]
    public string? Code { get; set; }

    [Required(ErrorMessage = "Validation.Required"), StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "CultureCard.LifeSituations.NameFi")]
    public string? NameFi { get; set; }

    [Required(ErrorMessage = "Validation.Required"), StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "CultureCard.LifeSituations.NameSv")]
    public string? NameSv { get; set; }

    [Required(ErrorMessage = "Validation.Required"), StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "CultureCard.LifeSituations.NameEn")]
    public string? NameEn { get; set; }

    [Required(ErrorMessage = "Validation.Required"), Display(Name = "CultureCard.LifeSituations.Order")]
    public string? Order { get; set; }

    [Display(Name = "CultureCard.LifeSituations.IsActive")]
    public bool IsActive { get; set; } = true;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    public static bool IsKebabCase(string code) => code.Length <= 40 && KebabCase().IsMatch(code);

    /// <summary>The checks of the names and the order (the code is checked only when an entry is added).</summary>
    internal Validation Validate(out int order)
    {
        var v = new Validation();
        foreach (var (field, value) in new[] { (nameof(NameFi), NameFi), (nameof(NameSv), NameSv), (nameof(NameEn), NameEn) })
        {
            if (string.IsNullOrWhiteSpace(value)) v.Add(field, "Validation.Required");
            else if (value.Trim().Length > 100) v.Add(field, "Validation.TooLong", $"CultureCard.LifeSituations.{field}", 100);
        }
        var parsed = BatchForm.WholeNumber(Order, 0, MaxOrder);
        if (string.IsNullOrWhiteSpace(Order)) v.Add(nameof(Order), "Validation.Required");
        else if (parsed is null) v.Add(nameof(Order), "CultureCard.LifeSituations.Order.Range", 0, MaxOrder);
        order = parsed ?? 0;
        return v;
    }
}

public sealed record LifeSituationRow(int Id, string Code, string NameFi, string NameSv, string NameEn, int Order, bool IsActive);
