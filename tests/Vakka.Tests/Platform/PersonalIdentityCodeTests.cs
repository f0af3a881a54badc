using Vakka.Platform.Finnish;

namespace Vakka.Tests.Platform;

public class PersonalIdentityCodeTests
{
    // Published fictional / test identity codes (DVV, Kanta) and hand-computed codes for every century sign.
    [Theory]
    [InlineData("131052-308T", 1952, 10, 13, false)] // classic textbook example
    [InlineData("010181-900C", 1981, 1, 1, true)]    // Kanta test person
    [InlineData("311298+1261", 1898, 12, 31, false)] // '+': 1800s (Kielikello example)
    [InlineData("010677-530E", 1977, 6, 1, false)]   // '-': 1900s (Kielikello example)
    [InlineData("010594Y9032", 1994, 5, 1, true)]    // DVV 2023 reform test codes
    [InlineData("010594Y9021", 1994, 5, 1, true)]
    [InlineData("020594X903P", 1994, 5, 2, true)]
    [InlineData("020594X902N", 1994, 5, 2, true)]
    [InlineData("030594W903B", 1994, 5, 3, true)]
    [InlineData("030694W9024", 1994, 6, 3, true)]
    [InlineData("040594V9030", 1994, 5, 4, true)]
    [InlineData("040594V902Y", 1994, 5, 4, true)]
    [InlineData("050594U903M", 1994, 5, 5, true)]
    [InlineData("050594U902L", 1994, 5, 5, true)]
    [InlineData("020504A902E", 2004, 5, 2, true)]
    [InlineData("020502A902X", 2002, 5, 2, true)]
    [InlineData("010516B903X", 2016, 5, 1, true)]
    [InlineData("010516B902W", 2016, 5, 1, true)]
    [InlineData("020504B904H", 2004, 5, 2, true)]
    [InlineData("020516C903K", 2016, 5, 2, true)]
    [InlineData("020516C902J", 2016, 5, 2, true)]
    [InlineData("030516D9037", 2016, 5, 3, true)]
    [InlineData("030516D9026", 2016, 5, 3, true)]
    [InlineData("010501E9032", 2001, 5, 1, true)]
    [InlineData("020502E902X", 2002, 5, 2, true)]
    [InlineData("020503F9037", 2003, 5, 2, true)]
    [InlineData("311299U7779", 1999, 12, 31, false)]
    [InlineData("150690V345V", 1990, 6, 15, false)]
    [InlineData("010100F500K", 2000, 1, 1, false)]
    [InlineData("311299F500B", 2099, 12, 31, false)]
    [InlineData("010101+002S", 1801, 1, 1, false)]
    public void Accepts_valid_codes(string input, int year, int month, int day, bool temporary)
    {
        Assert.True(PersonalIdentityCode.TryParse(input, out var code, out var errorKey));
        Assert.Equal("", errorKey);
        Assert.Equal(input, code.Value);
        Assert.Equal(input, code.ToString());
        Assert.Equal(new DateOnly(year, month, day), code.BirthDate);
        Assert.Equal(temporary, code.IsTemporary);
    }

    [Theory]
    [InlineData('-', 1900)]
    [InlineData('Y', 1900)]
    [InlineData('X', 1900)]
    [InlineData('W', 1900)]
    [InlineData('V', 1900)]
    [InlineData('U', 1900)]
    [InlineData('A', 2000)]
    [InlineData('B', 2000)]
    [InlineData('C', 2000)]
    [InlineData('D', 2000)]
    [InlineData('E', 2000)]
    [InlineData('F', 2000)]
    [InlineData('+', 1800)]
    public void Century_sign_sets_the_century_and_does_not_affect_the_check_character(char sign, int century)
    {
        // 131052 308 → check character T, whatever the century sign.
        var code = PersonalIdentityCode.Parse($"131052{sign}308T");
        Assert.Equal(new DateOnly(century + 52, 10, 13), code.BirthDate);
    }

    [Theory]
    [InlineData("131052G308T")] // not a century sign
    [InlineData("131052Z308T")]
    [InlineData("131052*308T")]
    [InlineData("131052 308T")]
    [InlineData("131052–308T")] // en dash
    public void Refuses_unknown_century_sign(string input)
    {
        Assert.False(PersonalIdentityCode.TryParse(input, out _, out var errorKey));
        Assert.Equal(PersonalIdentityCode.Errors.Format, errorKey);
    }

    [Theory]
    [InlineData("131052-308t", "131052-308T")]
    [InlineData("010594y9032", "010594Y9032")]
    [InlineData("020502e902x", "020502E902X")]
    [InlineData("  131052-308T  ", "131052-308T")]
    public void Normalises_case_and_whitespace(string input, string canonical)
    {
        Assert.True(PersonalIdentityCode.TryParse(input, out var code, out _));
        Assert.Equal(canonical, code.Value);
        Assert.Equal(PersonalIdentityCode.Parse(canonical), code);
    }

    [Theory]
    [InlineData("310223A123H")] // 31.2.2023
    [InlineData("290223A1237")] // 29.2.2023: not a leap year
    [InlineData("290200-1239")] // 29.2.1900: not a leap year
    [InlineData("290200+1239")] // 29.2.1800: not a leap year
    [InlineData("000181-123N")] // day 0
    [InlineData("011381-1230")] // month 13
    [InlineData("310481-1233")] // 31.4.
    [InlineData("320181-123A")] // day 32
    public void Refuses_dates_that_do_not_exist(string input)
    {
        Assert.False(PersonalIdentityCode.TryParse(input, out _, out var errorKey));
        Assert.Equal(PersonalIdentityCode.Errors.Date, errorKey);
    }

    [Theory]
    [InlineData("290200A1239", 2000)] // 2000 is a leap year
    [InlineData("290224C2342", 2024)]
    [InlineData("290296-1232", 1996)]
    public void Accepts_leap_days(string input, int year)
    {
        Assert.Equal(new DateOnly(year, 2, 29), PersonalIdentityCode.Parse(input).BirthDate);
    }

    [Theory]
    [InlineData("010181-000B")] // check character is right, individual number 000 is not issued
    [InlineData("010181-001C")]
    [InlineData("300121D001L")] // 30.1.2021
    public void Refuses_individual_numbers_000_and_001(string input)
    {
        Assert.False(PersonalIdentityCode.TryParse(input, out _, out var errorKey));
        Assert.Equal(PersonalIdentityCode.Errors.IndividualNumber, errorKey);
    }

    [Theory]
    [InlineData("010181-002D", false)]
    [InlineData("010181-899B", false)]
    [InlineData("010181-900C", true)]
    [InlineData("010181-999K", true)]
    public void Individual_number_range_boundaries(string input, bool temporary)
    {
        Assert.Equal(temporary, PersonalIdentityCode.Parse(input).IsTemporary);
    }

    [Theory]
    [InlineData("131052-308U")]
    [InlineData("131052-308S")]
    [InlineData("131052-309T")]
    [InlineData("131025-308T")] // birth date digits transposed
    [InlineData("010181-900D")]
    [InlineData("010594Y9031")]
    [InlineData("020502E902Y")]
    [InlineData("131052-308G")] // G, I, O, Q, Z never appear as check characters
    [InlineData("131052-308I")]
    [InlineData("131052-308O")]
    [InlineData("131052-308Q")]
    [InlineData("131052-308Z")]
    public void Refuses_wrong_check_character(string input)
    {
        Assert.False(PersonalIdentityCode.TryParse(input, out _, out var errorKey));
        Assert.Equal(PersonalIdentityCode.Errors.CheckCharacter, errorKey);
    }

    [Theory]
    [InlineData("131052-308")]    // check character missing
    [InlineData("131052-308TT")]
    [InlineData("1310523-308T")]
    [InlineData("13105-2308T")]
    [InlineData("131052-3O8T")]   // letter O
    [InlineData("131052-308-")]
    [InlineData("13.10.52-308T")]
    [InlineData("131052308T")]
    [InlineData("131052-308ı")]   // dotless i must not be upper-cased into I
    public void Refuses_wrong_format(string input)
    {
        Assert.False(PersonalIdentityCode.TryParse(input, out _, out var errorKey));
        Assert.Equal(PersonalIdentityCode.Errors.Format, errorKey);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Refuses_missing_value(string? input)
    {
        Assert.False(PersonalIdentityCode.TryParse(input, out _, out var errorKey));
        Assert.Equal(PersonalIdentityCode.Errors.Required, errorKey);
    }

    [Theory]
    [InlineData("010181-900C", "010181-****")]
    [InlineData("010594Y9032", "010594Y****")]
    [InlineData("131052-308t", "131052-****")]
    public void Masked_hides_the_individual_part(string input, string masked)
    {
        var code = PersonalIdentityCode.Parse(input);
        Assert.Equal(masked, code.Masked);
        Assert.DoesNotContain(code.Value[7..], code.Masked);
    }

    [Fact]
    public void Default_value_is_empty()
    {
        Assert.Equal("", default(PersonalIdentityCode).Value);
        Assert.Equal("", default(PersonalIdentityCode).Masked);
    }

    [Fact]
    public void Parse_error_message_is_the_key_and_never_contains_the_input()
    {
        var ex = Assert.Throws<FormatException>(() => PersonalIdentityCode.Parse("131052-308U"));
        Assert.Equal(PersonalIdentityCode.Errors.CheckCharacter, ex.Message);
        Assert.DoesNotContain("131052", ex.Message);
    }

    [Fact]
    public void Implements_IParsable()
    {
        Assert.True(PersonalIdentityCode.TryParse("131052-308T", null, out var code));
        Assert.Equal("131052-308T", code.Value);
        Assert.False(PersonalIdentityCode.TryParse("131052-308U", null, out _));
    }

    [Fact]
    public void Every_error_key_has_texts() => ValidationTexts.AssertHasTexts(typeof(PersonalIdentityCode.Errors));
}
