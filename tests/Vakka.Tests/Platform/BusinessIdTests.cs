using System.Reflection;
using System.Text.Json;
using Vakka.Platform.Finnish;

namespace Vakka.Tests.Platform;

public class BusinessIdTests
{
    [Theory]
    [InlineData("0246246-0")] // Kansaneläkelaitos (Kela)
    [InlineData("0201256-6")] // Helsingin kaupunki
    [InlineData("0112038-9")] // Nokia Oyj
    [InlineData("0101263-6")] // Espoon kaupunki
    [InlineData("1572860-0")] // remainder 0 → check digit 0
    public void Accepts_published_business_ids(string input)
    {
        Assert.True(BusinessId.TryParse(input, out var id, out var errorKey));
        Assert.Equal("", errorKey);
        Assert.Equal(input, id.Value);
        Assert.Equal(input, id.ToString());
    }

    [Theory]
    [InlineData("  0246246-0 ", "0246246-0")]
    [InlineData("\t0201256-6\n", "0201256-6")]
    public void Trims_surrounding_whitespace(string input, string canonical)
    {
        Assert.True(BusinessId.TryParse(input, out var id, out _));
        Assert.Equal(canonical, id.Value);
    }

    [Theory]
    [InlineData("0246246-1")] // Kela, wrong check digit
    [InlineData("0201256-5")] // Helsinki, wrong check digit
    [InlineData("0112038-8")] // Nokia, wrong check digit
    [InlineData("0101263-0")] // Espoo, wrong check digit
    [InlineData("0246264-0")] // Kela with two digits transposed
    [InlineData("1234567-8")] // commonly used placeholder; the real check digit would be 1
    [InlineData("1000008-0")] // weighted sum ≡ 1 (mod 11): no check digit is valid
    [InlineData("1000008-1")]
    public void Refuses_wrong_check_digit(string input)
    {
        Assert.False(BusinessId.TryParse(input, out var id, out var errorKey));
        Assert.Equal(BusinessId.Errors.CheckDigit, errorKey);
        Assert.Equal(default, id);
    }

    [Fact]
    public void Remainder_one_is_never_valid_for_any_check_digit()
    {
        for (var digit = 0; digit <= 9; digit++)
        {
            Assert.False(BusinessId.TryParse($"1000008-{digit}", out _, out var errorKey));
            Assert.Equal(BusinessId.Errors.CheckDigit, errorKey);
        }
    }

    [Theory]
    [InlineData("02462460")]      // hyphen missing
    [InlineData("0246246 0")]     // space instead of hyphen
    [InlineData("0246246–0")]     // en dash instead of hyphen
    [InlineData("246246-0")]      // old six-digit form is not padded (no documented rule)
    [InlineData("123456-7")]
    [InlineData("00246246-0")]    // too many digits
    [InlineData("0246246-")]
    [InlineData("0246246-00")]
    [InlineData("O246246-0")]     // letter O
    [InlineData("FI02462460")]    // VAT number is a different identifier
    [InlineData("０２４６２４６-０")] // full-width digits
    [InlineData("0246 246-0")]
    public void Refuses_wrong_format(string input)
    {
        Assert.False(BusinessId.TryParse(input, out _, out var errorKey));
        Assert.Equal(BusinessId.Errors.Format, errorKey);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Refuses_missing_value(string? input)
    {
        Assert.False(BusinessId.TryParse(input, out _, out var errorKey));
        Assert.Equal(BusinessId.Errors.Required, errorKey);
    }

    [Fact]
    public void Parse_returns_value_and_throws_format_exception_with_error_key()
    {
        Assert.Equal("0246246-0", BusinessId.Parse("0246246-0").Value);
        var ex = Assert.Throws<FormatException>(() => BusinessId.Parse("0246246-1"));
        Assert.Equal(BusinessId.Errors.CheckDigit, ex.Message);
        Assert.Throws<ArgumentNullException>(() => BusinessId.Parse(null!));
    }

    [Fact]
    public void Implements_IParsable()
    {
        Assert.True(ParseGeneric<BusinessId>("0112038-9", out var id));
        Assert.Equal("0112038-9", id.ToString());
        Assert.False(ParseGeneric<BusinessId>("0112038-8", out _));
    }

    [Fact]
    public void Equality_is_by_value()
    {
        Assert.Equal(BusinessId.Parse("0246246-0"), BusinessId.Parse(" 0246246-0"));
        Assert.NotEqual(BusinessId.Parse("0246246-0"), BusinessId.Parse("0201256-6"));
        Assert.Equal("", default(BusinessId).Value);
    }

    [Fact]
    public void Every_error_key_has_texts() => ValidationTexts.AssertHasTexts(typeof(BusinessId.Errors));

    private static bool ParseGeneric<T>(string s, out T result) where T : IParsable<T>
        => T.TryParse(s, null, out result!);
}

public class ValidationTextsTests
{
    [Fact]
    public void Contains_only_keys_that_the_finnish_types_produce()
    {
        var known = new[]
            {
                typeof(BusinessId.Errors), typeof(Oid.Errors), typeof(PersonalIdentityCode.Errors),
                typeof(PostalCode.Errors), typeof(EmailAddress.Errors), typeof(FinnishCalendar.Keys),
            }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet();
        var unknown = ValidationTexts.All.Keys.Except(known).ToList();
        Assert.True(unknown.Count == 0, "Unknown keys: " + string.Join(", ", unknown));
        Assert.Equal(known.Count, ValidationTexts.All.Count);
    }
}

/// <summary>Reads the embedded Resources/validation.texts.json of Vakka.Platform.</summary>
internal static class ValidationTexts
{
    private static readonly Lazy<Dictionary<string, Dictionary<string, string>>> Texts = new(Load);

    public static IReadOnlyDictionary<string, Dictionary<string, string>> All => Texts.Value;

    public static void AssertHasTexts(Type constantsClass)
    {
        var keys = constantsClass
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            AssertHasText(key);
        }
    }

    public static void AssertHasText(string key)
    {
        Assert.True(Texts.Value.TryGetValue(key, out var texts), $"validation.texts.json has no entry for {key}");
        foreach (var language in new[] { "fi", "sv", "en" })
        {
            Assert.True(texts!.TryGetValue(language, out var text) && !string.IsNullOrWhiteSpace(text), $"{key} has no '{language}' text");
        }
    }

    private static Dictionary<string, Dictionary<string, string>> Load()
    {
        var assembly = typeof(BusinessId).Assembly;
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(".validation.texts.json", StringComparison.Ordinal));
        Assert.True(name is not null, "validation.texts.json is not embedded in Vakka.Platform");
        using var stream = assembly.GetManifestResourceStream(name)!;
        return JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)!;
    }
}
