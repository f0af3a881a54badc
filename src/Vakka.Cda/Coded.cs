namespace Vakka.Cda;

/// <summary>
/// An HL7 v3 coded value (CD/CE/CV): a code of a code system, or a nullFlavor when no code is given.
/// <paramref name="CodeSystem"/> is kept as text because it may carry a version suffix (e.g. "1.2.246.537.6.1277.201701").
/// </summary>
public sealed record Coded(string? Code, string? CodeSystem, string? DisplayName = null, string? NullFlavor = null)
{
    /// <summary>A value without a code, e.g. <c>Coded.Null("UNK", "1.2.246.537.6.1277")</c>.</summary>
    public static Coded Null(string nullFlavor, string? codeSystem = null, string? displayName = null) =>
        new(null, codeSystem, displayName, nullFlavor);

    /// <summary>True when a non-blank code is present.</summary>
    public bool HasCode => !string.IsNullOrWhiteSpace(Code);
}
