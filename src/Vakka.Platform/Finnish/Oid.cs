using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Vakka.Platform.Finnish;

/// <summary>
/// An ISO/ITU-T object identifier in dotted decimal notation, e.g. "1.2.246.562" (1.2.246 = Finland's ISO member body).
/// </summary>
/// <remarks>
/// Rules (ITU-T X.660 / RFC 3061 style): at least two arcs separated by '.', ASCII digits only, no leading zeros in
/// an arc (except "0" itself), first arc 0, 1 or 2, second arc at most 39 when the first arc is 0 or 1, and at most
/// 128 characters in total. Arcs are not limited in size (e.g. the UUID arcs under 2.25 exceed 64 bits), so they are
/// kept as text. Surrounding whitespace is ignored.
/// </remarks>
public readonly record struct Oid : IParsable<Oid>
{
    /// <summary>Maximum length of the dotted form.</summary>
    public const int MaxLength = 128;

    /// <summary>Localisation keys of the errors <see cref="TryParse(string?, out Oid, out string)"/> reports.</summary>
    public static class Errors
    {
        public const string Required = "Validation.Oid.Required";
        public const string Format = "Validation.Oid.Format";
        public const string TooLong = "Validation.Oid.TooLong";
        public const string LeadingZero = "Validation.Oid.LeadingZero";
        public const string FirstArc = "Validation.Oid.FirstArc";
        public const string SecondArc = "Validation.Oid.SecondArc";
    }

    private readonly string? _value;

    private Oid(string value) => _value = value;

    /// <summary>The dotted decimal form. Empty for <c>default(Oid)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Number of arcs (0 for <c>default(Oid)</c>).</summary>
    public int ArcCount => _value is null ? 0 : _value.AsSpan().Count('.') + 1;

    /// <summary>Parses and validates an OID.</summary>
    /// <param name="errorKey">A localisation key from <see cref="Errors"/>, or "" on success.</param>
    public static bool TryParse(string? input, out Oid value, out string errorKey)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(input))
        {
            errorKey = Errors.Required;
            return false;
        }

        var s = input.AsSpan().Trim();
        errorKey = Validate(s);
        if (errorKey.Length != 0)
        {
            return false;
        }

        value = new Oid(s.ToString());
        return true;
    }

    /// <inheritdoc />
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out Oid result)
        => TryParse(s, out result, out _);

    /// <summary>Parses an OID or throws <see cref="FormatException"/> whose message is the error key.</summary>
    public static Oid Parse(string s, IFormatProvider? provider = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        return TryParse(s, out var value, out var errorKey) ? value : throw new FormatException(errorKey);
    }

    /// <summary>True when this OID is a strict descendant of <paramref name="parent"/> (equal OIDs are not).</summary>
    public bool IsUnder(Oid parent)
    {
        var self = Value;
        var p = parent.Value;
        return p.Length != 0
            && self.Length > p.Length + 1
            && self[p.Length] == '.'
            && self.StartsWith(p, StringComparison.Ordinal);
    }

    /// <summary>Returns a child OID with the given arcs appended, e.g. <c>Parse("1.2.246").Append(562, 10)</c>.</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(Oid)</c>.</exception>
    /// <exception cref="ArgumentException">No arcs, a negative arc, or the result would exceed <see cref="MaxLength"/>.</exception>
    public Oid Append(params long[] arcs)
    {
        ArgumentNullException.ThrowIfNull(arcs);
        if (_value is null)
        {
            throw new InvalidOperationException("Cannot append to an empty OID.");
        }

        if (arcs.Length == 0)
        {
            throw new ArgumentException("At least one arc is required.", nameof(arcs));
        }

        var sb = new StringBuilder(_value);
        foreach (var arc in arcs)
        {
            if (arc < 0)
            {
                throw new ArgumentException("Arcs must not be negative.", nameof(arcs));
            }

            sb.Append('.').Append(arc.ToString(CultureInfo.InvariantCulture));
        }

        if (sb.Length > MaxLength)
        {
            throw new ArgumentException($"The resulting OID would be longer than {MaxLength} characters.", nameof(arcs));
        }

        return new Oid(sb.ToString());
    }

    private static string Validate(ReadOnlySpan<char> s)
    {
        if (s.Length > MaxLength)
        {
            return Errors.TooLong;
        }

        foreach (var c in s)
        {
            if (c != '.' && !char.IsAsciiDigit(c))
            {
                return Errors.Format;
            }
        }

        var arcIndex = 0;
        var firstArc = -1;
        foreach (var range in s.Split('.'))
        {
            var arc = s[range];
            if (arc.Length == 0)
            {
                return Errors.Format; // empty arc: leading, trailing or doubled dot
            }

            if (arc.Length > 1 && arc[0] == '0')
            {
                return Errors.LeadingZero;
            }

            if (arcIndex == 0)
            {
                if (arc.Length != 1 || arc[0] > '2')
                {
                    return Errors.FirstArc;
                }

                firstArc = arc[0] - '0';
            }
            else if (arcIndex == 1 && firstArc < 2 && (arc.Length > 2 || int.Parse(arc, CultureInfo.InvariantCulture) > 39))
            {
                return Errors.SecondArc;
            }

            arcIndex++;
        }

        return arcIndex < 2 ? Errors.Format : string.Empty;
    }

    /// <summary>The dotted decimal form.</summary>
    public override string ToString() => Value;
}
