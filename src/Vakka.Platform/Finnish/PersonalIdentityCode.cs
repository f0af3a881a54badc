using System.Diagnostics.CodeAnalysis;

namespace Vakka.Platform.Finnish;

/// <summary>
/// Finnish personal identity code (henkilötunnus, personbeteckning): DDMMYY, century sign, individual number NNN and
/// a check character, e.g. "131052-308T".
/// </summary>
/// <remarks>
/// Century signs (including the 2023 reform): '+' 1800s; '-', 'Y', 'X', 'W', 'V', 'U' 1900s;
/// 'A', 'B', 'C', 'D', 'E', 'F' 2000s. Individual numbers 002–899 are normal, 900–999 temporary (test or
/// temporary codes, see <see cref="IsTemporary"/>); 000 and 001 are never issued. The check character is
/// the nine-digit number DDMMYYNNN modulo 31 indexed into "0123456789ABCDEFHJKLMNPRSTUVWXY".
/// The standard form is upper case; lower-case letters and surrounding whitespace are accepted and normalised.
/// <para>Privacy: <see cref="ToString"/> returns the full code (needed for documents). Use <see cref="Masked"/> in UIs
/// and never log the value.</para>
/// </remarks>
public readonly record struct PersonalIdentityCode : IParsable<PersonalIdentityCode>
{
    /// <summary>Localisation keys of the errors <see cref="TryParse(string?, out PersonalIdentityCode, out string)"/> reports.</summary>
    public static class Errors
    {
        public const string Required = "Validation.PersonalIdentityCode.Required";
        public const string Format = "Validation.PersonalIdentityCode.Format";
        public const string Date = "Validation.PersonalIdentityCode.Date";
        public const string IndividualNumber = "Validation.PersonalIdentityCode.IndividualNumber";
        public const string CheckCharacter = "Validation.PersonalIdentityCode.CheckCharacter";
    }

    private const string CheckCharacters = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    private readonly string? _value;

    private PersonalIdentityCode(string value, DateOnly birthDate, bool isTemporary)
    {
        _value = value;
        BirthDate = birthDate;
        IsTemporary = isTemporary;
    }

    /// <summary>The canonical (upper-case) code. Empty for <c>default(PersonalIdentityCode)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The date of birth encoded in the code.</summary>
    public DateOnly BirthDate { get; }

    /// <summary>True for individual numbers 900–999 (temporary or test codes, not in the Population Information System).</summary>
    public bool IsTemporary { get; }

    /// <summary>The code with the individual part hidden for display, e.g. "010181-****". Empty for the default value.</summary>
    public string Masked => _value is null ? string.Empty : string.Concat(_value.AsSpan(0, 7), "****");

    /// <summary>Parses and validates a personal identity code.</summary>
    /// <param name="errorKey">A localisation key from <see cref="Errors"/>, or "" on success.</param>
    public static bool TryParse(string? input, out PersonalIdentityCode value, out string errorKey)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(input))
        {
            errorKey = Errors.Required;
            return false;
        }

        var trimmed = input.AsSpan().Trim();
        if (trimmed.Length != 11)
        {
            errorKey = Errors.Format;
            return false;
        }

        // Only ASCII letters are case-folded, so no culture rules or non-ASCII look-alikes get involved.
        Span<char> buffer = stackalloc char[11];
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = char.IsAsciiLetterLower(trimmed[i]) ? (char)(trimmed[i] - ('a' - 'A')) : trimmed[i];
        }

        var s = buffer.ToString();
        if (!AllDigits(s.AsSpan(0, 6)) || !AllDigits(s.AsSpan(7, 3)) || !char.IsAsciiLetterOrDigit(s[10]))
        {
            errorKey = Errors.Format;
            return false;
        }

        int? century = s[6] switch
        {
            '+' => 1800,
            '-' or 'Y' or 'X' or 'W' or 'V' or 'U' => 1900,
            'A' or 'B' or 'C' or 'D' or 'E' or 'F' => 2000,
            _ => null,
        };
        if (century is null)
        {
            errorKey = Errors.Format;
            return false;
        }

        var day = Number(s, 0, 2);
        var month = Number(s, 2, 2);
        var year = century.Value + Number(s, 4, 2);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            errorKey = Errors.Date;
            return false;
        }

        var individual = Number(s, 7, 3);
        if (individual < 2)
        {
            errorKey = Errors.IndividualNumber;
            return false;
        }

        var nine = (Number(s, 0, 6) * 1000) + individual;
        if (CheckCharacters[nine % 31] != s[10])
        {
            errorKey = Errors.CheckCharacter;
            return false;
        }

        value = new PersonalIdentityCode(s, new DateOnly(year, month, day), individual >= 900);
        errorKey = string.Empty;
        return true;
    }

    /// <inheritdoc />
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out PersonalIdentityCode result)
        => TryParse(s, out result, out _);

    /// <summary>Parses a code or throws <see cref="FormatException"/> whose message is the error key (never the input).</summary>
    public static PersonalIdentityCode Parse(string s, IFormatProvider? provider = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        return TryParse(s, out var value, out var errorKey) ? value : throw new FormatException(errorKey);
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int Number(string s, int start, int length)
    {
        var n = 0;
        for (var i = start; i < start + length; i++)
        {
            n = (n * 10) + (s[i] - '0');
        }

        return n;
    }

    /// <summary>The full canonical code (for documents). Use <see cref="Masked"/> for display.</summary>
    public override string ToString() => Value;
}
