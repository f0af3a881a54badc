using System.Diagnostics.CodeAnalysis;

namespace Vakka.Platform.Finnish;

/// <summary>
/// Finnish postal code (postinumero): exactly five digits, e.g. "00100" (Åland's 22xxx codes included).
/// "00000" is not a postal code. Surrounding whitespace is ignored; a country prefix ("FI-") is not accepted.
/// </summary>
public readonly record struct PostalCode : IParsable<PostalCode>
{
    /// <summary>Localisation keys of the errors <see cref="TryParse(string?, out PostalCode, out string)"/> reports.</summary>
    public static class Errors
    {
        public const string Required = "Validation.PostalCode.Required";
        public const string Format = "Validation.PostalCode.Format";
        public const string Invalid = "Validation.PostalCode.Invalid";
    }

    private readonly string? _value;

    private PostalCode(string value) => _value = value;

    /// <summary>The five digits. Empty for <c>default(PostalCode)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The postal area: the first two digits (e.g. "00" Helsinki, "22" Åland).</summary>
    public string Area => _value is null ? string.Empty : _value[..2];

    /// <summary>True for Åland postal codes (22000–22999).</summary>
    public bool IsAland => Area == "22";

    /// <summary>Parses and validates a postal code.</summary>
    /// <param name="errorKey">A localisation key from <see cref="Errors"/>, or "" on success.</param>
    public static bool TryParse(string? input, out PostalCode value, out string errorKey)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(input))
        {
            errorKey = Errors.Required;
            return false;
        }

        var s = input.AsSpan().Trim();
        if (s.Length != 5 || s.ContainsAnyExceptInRange('0', '9'))
        {
            errorKey = Errors.Format;
            return false;
        }

        if (s.SequenceEqual("00000"))
        {
            errorKey = Errors.Invalid;
            return false;
        }

        value = new PostalCode(s.ToString());
        errorKey = string.Empty;
        return true;
    }

    /// <inheritdoc />
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out PostalCode result)
        => TryParse(s, out result, out _);

    /// <summary>Parses a postal code or throws <see cref="FormatException"/> whose message is the error key.</summary>
    public static PostalCode Parse(string s, IFormatProvider? provider = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        return TryParse(s, out var value, out var errorKey) ? value : throw new FormatException(errorKey);
    }

    /// <summary>The five digits.</summary>
    public override string ToString() => Value;
}
