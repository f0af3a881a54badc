using System.ComponentModel.DataAnnotations;

namespace Vakka.Directory.Areas.Directory.Pages.Account;

/// <summary>A new password typed twice (setting a password from a link, changing one's own).</summary>
public class NewPasswordFields
{
    [Required(ErrorMessage = "Validation.Required"), Display(Name = "Password.New")]
    public string? NewPassword { get; set; }

    [Required(ErrorMessage = "Validation.Required"), Display(Name = "Password.Confirm")]
    [Compare(nameof(NewPassword), ErrorMessage = "Password.Mismatch")]
    public string? ConfirmPassword { get; set; }
}
