using System.Security.Cryptography;

namespace Vakka.CultureCard.Domain;

/// <summary>
/// The ID printed on a Kaikukortti: seven characters and a check character (Luhn mod 32) from an alphabet without the
/// look-alikes 0/O and 1/I, shown as "ABCD EFGH". A single mistyped character or two swapped neighbours are caught at
/// once. The QR code holds the ID only; Code 39 encodes it without the space. Older local card series are imported
/// as legacy IDs without a check character.
/// </summary>
public static class CardCode
{
    public const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public const int Length = 8;
    public const int LegacyMaxLength = 20;

    public enum Check { Valid, Format, CheckCharacter }

    /// <summary>Upper case, spaces and hyphens removed: what a scanner, the camera and a typist all become.</summary>
    public static string Normalise(string? input) =>
        new((input ?? "").Trim().ToUpperInvariant().Where(c => c is not (' ' or '-' or '\t')).ToArray());

    /// <summary>Checks a normalised new-style code.</summary>
    public static Check Verify(string code)
    {
        if (code.Length != Length || code.Any(c => !Alphabet.Contains(c))) return Check.Format;
        return CheckCharacter(code[..^1]) == code[^1] ? Check.Valid : Check.CheckCharacter;
    }

    /// <summary>A legacy code: letters, digits and hyphens as printed by a local series (no check character).</summary>
    public static bool IsLegacyFormat(string code) =>
        code.Length is >= 3 and <= LegacyMaxLength && code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));

    public static char CheckCharacter(string data)
    {
        const int n = 32;
        var factor = 2;
        var sum = 0;
        for (var i = data.Length - 1; i >= 0; i--)
        {
            var addend = factor * Alphabet.IndexOf(data[i]);
            factor = factor == 2 ? 1 : 2;
            sum += addend / n + addend % n;
        }
        return Alphabet[(n - sum % n) % n];
    }

    /// <summary>
    /// A new random code with its check character. Luhn mod N misses exactly one kind of swap: the first and the last
    /// character of the alphabet ("2" and "Z") next to each other. New codes never hold that pair, so every swap of two
    /// neighbours in a new code is caught.
    /// </summary>
    public static string NewCode()
    {
        Span<char> data = stackalloc char[Length - 1];
        while (true)
        {
            for (var i = 0; i < data.Length; i++) data[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            var text = new string(data);
            var code = text + CheckCharacter(text);
            if (!HasBlindPair(code)) return code;
        }
    }

    /// <summary>Whether "2" and "Z" stand next to each other: swapping them keeps the Luhn mod 32 sum.</summary>
    public static bool HasBlindPair(string code)
    {
        for (var i = 0; i + 1 < code.Length; i++)
            if ((code[i], code[i + 1]) is (var a, var b) && a != b
                && (a == Alphabet[0] || a == Alphabet[^1]) && (b == Alphabet[0] || b == Alphabet[^1]))
                return true;
        return false;
    }

    /// <summary>"ABCDEFGH" → "ABCD EFGH" for people; legacy codes are shown as they are.</summary>
    public static string Display(string code) => Verify(code) == Check.Valid ? $"{code[..4]} {code[4..]}" : code;
}
