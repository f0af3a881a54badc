using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Vakka.Directory.Domain;
using Vakka.Platform.Data;
using Vakka.Platform.Finnish;
using Vakka.Platform.Results;

namespace Vakka.Directory.Features.Accounts;

/// <summary>Fields every account has. The user name is the sign-in name and never changes.</summary>
public class AccountForm
{
    [Required(ErrorMessage = "Validation.Required"), StringLength(200, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Directory.Account.DisplayName")]
    public string? DisplayName { get; set; }

    [Required(ErrorMessage = "Validation.Required"), Display(Name = "Directory.Account.Email")]
    public string? Email { get; set; }

    [Display(Name = "Directory.Account.PreferredLanguage")]
    public string? PreferredLanguage { get; set; }

    internal Validation Validate(out EmailAddress email)
    {
        var v = new Validation();
        if (!EmailAddress.TryParse(Email, out email, out var emailError)) v.Add(nameof(Email), emailError);
        if (PreferredLanguage is { Length: > 0 } lang && !Platform.Localisation.TextCatalog.Languages.Contains(lang))
            v.Add(nameof(PreferredLanguage), "Directory.Account.LanguageInvalid");
        return v;
    }
}

public sealed class NewAccountForm : AccountForm
{
    [Required(ErrorMessage = "Validation.Required"), Display(Name = "Directory.Account.UserName")]
    public string? UserName { get; set; }

    internal static bool IsValidUserName(string name) =>
        name.Length is >= 3 and <= 100 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@');

    internal async Task<Validation> ValidateNewAsync(VakkaDb db, ILookupNormalizer normalizer, CancellationToken ct)
    {
        var v = Validate(out _);
        var name = UserName?.Trim() ?? "";
        if (!IsValidUserName(name)) v.Add(nameof(UserName), "Directory.Account.UserNameFormat");
        else
        {
            var normalized = normalizer.NormalizeName(name);
            if (await db.Set<Account>().AnyAsync(a => a.NormalizedUserName == normalized, ct))
                v.Add(nameof(UserName), "Directory.Account.UserNameTaken");
        }
        return v;
    }
}

public sealed class EditAccountForm : AccountForm
{
    public string? ConcurrencyStamp { get; set; }
}
