using Vakka.Platform.Finnish;

namespace Vakka.Tests.Platform;

public class PostalCodeTests
{
    [Theory]
    [InlineData("00100", "00", false)] // Helsinki
    [InlineData("00002", "00", false)] // Helsinki, a special-purpose code
    [InlineData("02100", "02", false)] // Espoo
    [InlineData("33100", "33", false)] // Tampere
    [InlineData("90100", "90", false)] // Oulu
    [InlineData("99999", "99", false)] // Korvatunturi
    [InlineData("22100", "22", true)]  // Mariehamn, Åland
    [InlineData("22930", "22", true)]  // Kökar, Åland
    public void Accepts_five_digit_codes(string input, string area, bool aland)
    {
        Assert.True(PostalCode.TryParse(input, out var code, out var errorKey));
        Assert.Equal("", errorKey);
        Assert.Equal(input, code.Value);
        Assert.Equal(input, code.ToString());
        Assert.Equal(area, code.Area);
        Assert.Equal(aland, code.IsAland);
    }

    [Fact]
    public void Trims_surrounding_whitespace()
    {
        Assert.Equal("00100", PostalCode.Parse(" 00100\t").Value);
    }

    [Theory]
    [InlineData("0010")]
    [InlineData("001000")]
    [InlineData("00 100")]
    [InlineData("FI-00100")]
    [InlineData("AX-22100")]
    [InlineData("0010O")]   // letter O
    [InlineData("-0100")]
    [InlineData("+0100")]
    [InlineData("００１００")]  // full-width digits
    [InlineData("00100 HELSINKI")]
    public void Refuses_wrong_format(string input)
    {
        Assert.False(PostalCode.TryParse(input, out _, out var errorKey));
        Assert.Equal(PostalCode.Errors.Format, errorKey);
    }

    [Fact]
    public void Refuses_all_zeros()
    {
        Assert.False(PostalCode.TryParse("00000", out _, out var errorKey));
        Assert.Equal(PostalCode.Errors.Invalid, errorKey);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("     ")]
    public void Refuses_missing_value(string? input)
    {
        Assert.False(PostalCode.TryParse(input, out _, out var errorKey));
        Assert.Equal(PostalCode.Errors.Required, errorKey);
    }

    [Fact]
    public void Parse_and_IParsable()
    {
        Assert.Equal(PostalCode.Parse("33100"), PostalCode.Parse(" 33100 "));
        var ex = Assert.Throws<FormatException>(() => PostalCode.Parse("3310"));
        Assert.Equal(PostalCode.Errors.Format, ex.Message);
        Assert.True(PostalCode.TryParse("90100", null, out var viaIParsable));
        Assert.Equal("90100", viaIParsable.Value);
        Assert.False(PostalCode.TryParse("00000", null, out _));
    }

    [Fact]
    public void Default_value_is_empty()
    {
        Assert.Equal("", default(PostalCode).Value);
        Assert.Equal("", default(PostalCode).Area);
        Assert.False(default(PostalCode).IsAland);
    }

    [Fact]
    public void Every_error_key_has_texts() => ValidationTexts.AssertHasTexts(typeof(PostalCode.Errors));
}
