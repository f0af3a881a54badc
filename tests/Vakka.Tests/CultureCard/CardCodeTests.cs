using Vakka.CultureCard.Domain;

namespace Vakka.Tests.CultureCard;

/// <summary>The card ID: seven random characters and a Luhn mod 32 check character, typed, scanned and shown.</summary>
public sealed class CardCodeTests
{
    private static readonly string[] Samples = [.. Enumerable.Range(0, 300).Select(_ => CardCode.NewCode())];

    public static TheoryData<string> SomeCodes => new(Samples.Take(40));

    [Fact]
    public void New_codes_always_verify_and_have_the_format()
    {
        foreach (var code in Enumerable.Range(0, 5000).Select(_ => CardCode.NewCode()))
        {
            Assert.Equal(CardCode.Length, code.Length);
            Assert.All(code, c => Assert.Contains(c, CardCode.Alphabet));
            Assert.Equal(CardCode.Check.Valid, CardCode.Verify(code));
        }
    }

    [Fact]
    public void The_alphabet_has_32_distinct_characters_without_the_look_alikes()
    {
        Assert.Equal(32, CardCode.Alphabet.Distinct().Count());
        Assert.DoesNotContain('0', CardCode.Alphabet);
        Assert.DoesNotContain('O', CardCode.Alphabet);
        Assert.DoesNotContain('1', CardCode.Alphabet);
        Assert.DoesNotContain('I', CardCode.Alphabet);
    }

    [Theory]
    [MemberData(nameof(SomeCodes))]
    public void Every_single_character_substitution_is_refused(string code)
    {
        for (var i = 0; i < code.Length; i++)
        foreach (var c in CardCode.Alphabet.Where(c => c != code[i]))
        {
            var typo = code[..i] + c + code[(i + 1)..];
            Assert.True(CardCode.Verify(typo) == CardCode.Check.CheckCharacter, $"{code} → {typo} was not caught");
        }
    }

    [Theory]
    [MemberData(nameof(SomeCodes))]
    public void Every_swap_of_two_different_neighbours_in_a_new_code_is_refused(string code)
    {
        for (var i = 0; i + 1 < code.Length; i++)
        {
            if (code[i] == code[i + 1]) continue;
            var swapped = code[..i] + code[i + 1] + code[i] + code[(i + 2)..];
            Assert.True(CardCode.Verify(swapped) == CardCode.Check.CheckCharacter, $"{code} → {swapped} was not caught");
        }
    }

    [Fact]
    public void Every_swap_of_neighbours_is_caught_over_many_new_codes()
    {
        var missed = new List<string>();
        foreach (var code in Enumerable.Range(0, 20000).Select(_ => CardCode.NewCode()))
        for (var i = 0; i + 1 < code.Length; i++)
        {
            if (code[i] == code[i + 1]) continue;
            var swapped = code[..i] + code[i + 1] + code[i] + code[(i + 2)..];
            if (CardCode.Verify(swapped) == CardCode.Check.Valid) missed.Add($"{code}→{swapped}");
        }
        Assert.Empty(missed);
    }

    /// <summary>
    /// Luhn mod N has one blind spot, the same as the 09↔90 of the credit-card Luhn: swapping the first and the last
    /// character of the alphabet. This is why <see cref="CardCode.NewCode"/> never puts "2" and "Z" side by side.
    /// </summary>
    [Fact]
    public void The_only_swap_Luhn_mod_32_misses_is_2_and_Z_which_new_codes_never_hold_side_by_side()
    {
        var blind = new HashSet<(char, char)>();
        foreach (var a in CardCode.Alphabet)
        foreach (var b in CardCode.Alphabet.Where(b => b != a))
        for (var i = 0; i < CardCode.Length - 1; i++) // i = 6 swaps the last data character with the check character
        {
            var code = CodeWith(i, a, b);
            var swapped = code[..i] + code[i + 1] + code[i] + code[(i + 2)..];
            if (CardCode.Verify(swapped) == CardCode.Check.Valid) blind.Add(a < b ? (a, b) : (b, a));
        }
        Assert.Equal(new HashSet<(char, char)> { ('2', 'Z') }, blind);

        Assert.True(CardCode.HasBlindPair("ABC2ZDEF"));
        Assert.True(CardCode.HasBlindPair("ABCZ2DEF"));
        Assert.False(CardCode.HasBlindPair("AB2CZDEF"));
        Assert.DoesNotContain(Enumerable.Range(0, 20000).Select(_ => CardCode.NewCode()), CardCode.HasBlindPair);
    }

    /// <summary>A valid code with <paramref name="a"/> at position i and <paramref name="b"/> right after it.</summary>
    private static string CodeWith(int i, char a, char b)
    {
        foreach (var free in CardCode.Alphabet)
        {
            var data = new string('A', CardCode.Length - 1).ToCharArray();
            data[0] = free; // steers the check character when b has to be it
            data[i] = a;
            if (i + 1 < data.Length) data[i + 1] = b;
            var text = new string(data);
            var code = text + CardCode.CheckCharacter(text);
            if (code[i] == a && code[i + 1] == b) return code;
        }
        throw new InvalidOperationException($"no code with {a}{b} at {i}");
    }

    [Theory]
    [InlineData("abcd efgh", "ABCDEFGH")]
    [InlineData("  ABCD-EFGH ", "ABCDEFGH")]
    [InlineData("ab-cd ef\tgh", "ABCDEFGH")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Normalise_upper_cases_and_removes_spaces_hyphens_and_tabs(string? input, string expected) =>
        Assert.Equal(expected, CardCode.Normalise(input));

    [Fact]
    public void A_code_typed_in_lower_case_with_a_space_verifies_after_normalising()
    {
        var code = Samples[0];
        var typed = CardCode.Display(code).ToLowerInvariant();
        Assert.Equal(CardCode.Check.Valid, CardCode.Verify(CardCode.Normalise(typed)));
    }

    [Theory]
    [InlineData("ABCDEFG")] // too short
    [InlineData("ABCDEFGHJ")] // too long
    [InlineData("ABCDEFG0")] // 0 is not in the alphabet
    [InlineData("ABCDEFGO")] // nor O
    [InlineData("ABCDEFG1")] // nor 1
    [InlineData("abcdefgh")] // not normalised
    public void Wrong_format_is_refused_as_format_not_as_check_character(string code) =>
        Assert.Equal(CardCode.Check.Format, CardCode.Verify(code));

    [Theory]
    [InlineData("ESP00123", true)]
    [InlineData("A12", true)]
    [InlineData("12345678901234567890", true)]
    [InlineData("123456789012345678901", false)] // over 20
    [InlineData("AB", false)] // under 3
    [InlineData("ESP-00123", false)] // hyphen: normalise first
    [InlineData("esp00123", false)] // lower case: normalise first
    [InlineData("ÄÖ123", false)] // not A–Z
    [InlineData("AB 12", false)]
    public void Legacy_format_is_3_to_20_upper_case_letters_and_digits(string code, bool expected) =>
        Assert.Equal(expected, CardCode.IsLegacyFormat(code));

    [Fact]
    public void Legacy_codes_are_read_after_normalising()
    {
        Assert.True(CardCode.IsLegacyFormat(CardCode.Normalise(" esp-00123 ")));
        Assert.Equal("ESP00123", CardCode.Normalise(" esp-00123 "));
    }

    [Fact]
    public void Display_splits_a_new_code_in_two_groups_and_leaves_legacy_codes_as_they_are()
    {
        var code = CardCode.NewCode();
        Assert.Equal($"{code[..4]} {code[4..]}", CardCode.Display(code));
        Assert.Equal("ESP00123", CardCode.Display("ESP00123")); // an 8-character legacy ID has no check character: shown as is
        Assert.Equal("TRE123456", CardCode.Display("TRE123456"));
        Assert.Equal("A12", CardCode.Display("A12"));
        Assert.Equal(CardCode.Normalise(CardCode.Display(Samples[1])), Samples[1]);
    }
}
