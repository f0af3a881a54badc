using System.Diagnostics.CodeAnalysis;

namespace Vakka.Platform.Finnish;

/// <summary>
/// Finnish Business ID (Y-tunnus, FO-nummer): seven digits, a hyphen and a check digit, e.g. "0246246-0".
/// </summary>
/// <remarks>
/// The check digit is computed with the weights 7, 9, 10, 5, 8, 4, 2 (from the left) and modulo 11:
/// remainder 0 gives check digit 0, remainder 1 is never issued (invalid), otherwise the check digit is 11 − remainder.
/// Surrounding whitespace is ignored. The old six-digit form ("123456-7") is refused: no authoritative
/// source was found that documents padding it with a leading zero, and a guessed rule would silently change
/// the identifier the user typed.
/// </remarks>
public readonly record struct BusinessId : IParsable<BusinessId>
{
    /// <summary>Localisation keys of the errors <see cref="TryParse(string?, out BusinessId, out string)"/> reports.</summary>
    public static class Errors
    {
        public const string Required = "Validation.BusinessId.Required";
        public const string Format = "Validation.BusinessId.Format";
        public const string CheckDigit = "Validation.BusinessId.CheckDigit";
    }

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2];

    private readonly string? _value;

    private BusinessId(string value) => _value = value;

    /// <summary>The canonical form, "1234567-8". Empty for <c>default(BusinessId)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Parses and validates a Business ID.</summary>
    /// <param name="errorKey">A localisation key from <see cref="Errors"/>, or "" on success.</param>
    public static bool TryParse(string? input, out BusinessId value, out string errorKey)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(input))
        {
            errorKey = Errors.Required;
            return false;
        }

        var s = input.AsSpan().Trim();
        if (s.Length != 9 || s[7] != '-' || !IsAsciiDigits(s[..7]) || !char.IsAsciiDigit(s[8]))
        {
            errorKey = Errors.Format;
            return false;
        }

        var expected = ComputeCheckDigit(s[..7]);
        if (expected is null || expected.Value != s[8] - '0')
        {
            errorKey = Errors.CheckDigit;
            return false;
        }

        value = new BusinessId(s.ToString());
        errorKey = string.Empty;
        return true;
    }

    /// <inheritdoc />
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out BusinessId result)
        => TryParse(s, out result, out _);

    /// <summary>Parses a Business ID or throws <see cref="FormatException"/> whose message is the error key.</summary>
    public static BusinessId Parse(string s, IFormatProvider? provider = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        return TryParse(s, out var value, out var errorKey) ? value : throw new FormatException(errorKey);
    }

    /// <summary>The check digit (0–9) for seven digits, or null when the remainder is 1 (no valid ID exists).</summary>
    internal static int? ComputeCheckDigit(ReadOnlySpan<char> sevenDigits)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += (sevenDigits[i] - '0') * Weights[i];
        }

        var remainder = sum % 11;
        return remainder switch
        {
            0 => 0,
            1 => null,
            _ => 11 - remainder,
        };
    }

    private static bool IsAsciiDigits(ReadOnlySpan<char> s)
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

    /// <summary>The canonical form, "1234567-8".</summary>
    public override string ToString() => Value;
}
