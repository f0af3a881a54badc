using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;

namespace Vakka.Platform.Finnish;

/// <summary>
/// A pragmatically validated e-mail address ("matti.meikalainen@example.fi").
/// </summary>
/// <remarks>
/// Requirements: a plain address (no display name, comments or angle brackets), exactly one '@', no whitespace or
/// control characters, no quoted local part, a local part of at most 64 characters, at most 254 characters in total,
/// and a domain of dot-separated labels (letters, digits and inner hyphens, 1–63 characters each) with at least one
/// dot and a top-level label that is not all digits. Domain literals ("[192.0.2.1]") are refused. The address must also
/// be accepted by <see cref="MailAddress"/> unchanged. Surrounding whitespace is ignored; the domain is normalised to
/// lower case, the local part is kept as typed.
/// </remarks>
public readonly record struct EmailAddress : IParsable<EmailAddress>
{
    /// <summary>Maximum total length (RFC 5321 path limit minus the angle brackets).</summary>
    public const int MaxLength = 254;

    /// <summary>Maximum length of the part before '@' (RFC 5321).</summary>
    public const int MaxLocalPartLength = 64;

    /// <summary>Localisation keys of the errors <see cref="TryParse(string?, out EmailAddress, out string)"/> reports.</summary>
    public static class Errors
    {
        public const string Required = "Validation.EmailAddress.Required";
        public const string TooLong = "Validation.EmailAddress.TooLong";
        public const string Format = "Validation.EmailAddress.Format";
        public const string Domain = "Validation.EmailAddress.Domain";
    }

    private readonly string? _value;

    private EmailAddress(string value) => _value = value;

    /// <summary>The normalised address. Empty for <c>default(EmailAddress)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The part before '@', as typed.</summary>
    public string LocalPart => _value is null ? string.Empty : _value[.._value.IndexOf('@')];

    /// <summary>The domain, in lower case.</summary>
    public string Domain => _value is null ? string.Empty : _value[(_value.IndexOf('@') + 1)..];

    /// <summary>Parses and validates an e-mail address.</summary>
    /// <param name="errorKey">A localisation key from <see cref="Errors"/>, or "" on success.</param>
    public static bool TryParse(string? input, out EmailAddress value, out string errorKey)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(input))
        {
            errorKey = Errors.Required;
            return false;
        }

        var s = input.Trim();
        if (s.Length > MaxLength)
        {
            errorKey = Errors.TooLong;
            return false;
        }

        var at = s.IndexOf('@');
        if (at <= 0 || at != s.LastIndexOf('@') || HasForbiddenCharacter(s))
        {
            errorKey = Errors.Format;
            return false;
        }

        var local = s[..at];
        if (local.Length > MaxLocalPartLength)
        {
            errorKey = Errors.TooLong;
            return false;
        }

        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            errorKey = Errors.Format;
            return false;
        }

        var domain = s[(at + 1)..].ToLowerInvariant();
        if (!IsValidDomain(domain))
        {
            errorKey = Errors.Domain;
            return false;
        }

        var normalised = string.Concat(local, "@", domain);
        if (!MailAddress.TryCreate(normalised, out var parsed)
            || parsed.DisplayName.Length != 0
            || !string.Equals(parsed.Address, normalised, StringComparison.Ordinal))
        {
            errorKey = Errors.Format;
            return false;
        }

        value = new EmailAddress(normalised);
        errorKey = string.Empty;
        return true;
    }

    /// <inheritdoc />
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out EmailAddress result)
        => TryParse(s, out result, out _);

    /// <summary>Parses an address or throws <see cref="FormatException"/> whose message is the error key.</summary>
    public static EmailAddress Parse(string s, IFormatProvider? provider = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        return TryParse(s, out var value, out var errorKey) ? value : throw new FormatException(errorKey);
    }

    private static bool HasForbiddenCharacter(string s)
    {
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '(' or ')' or '<' or '>' or ',' or ';' or ':' or '[' or ']' or '\\')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsValidDomain(string domain)
    {
        if (domain.Length == 0 || !domain.Contains('.'))
        {
            return false;
        }

        var labels = domain.Split('.');
        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!char.IsLetterOrDigit(c) && c != '-')
                {
                    return false;
                }
            }
        }

        var tld = labels[^1];
        return tld.Length >= 2 && !tld.All(char.IsAsciiDigit);
    }

    /// <summary>The normalised address.</summary>
    public override string ToString() => Value;
}
