using Vakka.Platform.Finnish;

namespace Vakka.Tests.Platform;

public class OidTests
{
    [Theory]
    [InlineData("1.2.246")]                        // ISO member body: Finland
    [InlineData("1.2.246.562")]                    // Finnish National Agency for Education (Opetushallitus)
    [InlineData("1.2.246.537.6.12.2002")]          // a deeper arc under Finland
    [InlineData("2.16.840.1.113883")]              // HL7
    [InlineData("1.3.6.1.4.1")]                    // IANA private enterprises
    [InlineData("2.5.4.3")]                        // X.520 commonName
    [InlineData("0.9.2342.19200300.100.1.1")]      // RFC 4519 uid
    [InlineData("0.0")]
    [InlineData("1.39")]                           // largest second arc under 0 and 1
    [InlineData("2.999")]                          // second arc unlimited under 2
    [InlineData("1.0.8571")]                       // "0" as an arc is fine
    [InlineData("2.25.329800735698586629295641978511506172918")] // UUID arc: larger than 64 bits
    public void Accepts_valid_oids(string input)
    {
        Assert.True(Oid.TryParse(input, out var oid, out var errorKey));
        Assert.Equal("", errorKey);
        Assert.Equal(input, oid.Value);
        Assert.Equal(input, oid.ToString());
    }

    [Fact]
    public void Trims_surrounding_whitespace()
    {
        Assert.Equal("1.2.246", Oid.Parse("  1.2.246\n").Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    public void Refuses_missing_value(string? input)
    {
        Assert.False(Oid.TryParse(input, out _, out var errorKey));
        Assert.Equal(Oid.Errors.Required, errorKey);
    }

    [Theory]
    [InlineData("1")]          // one arc only
    [InlineData("2")]
    [InlineData("1.")]         // empty arc
    [InlineData(".1.2")]
    [InlineData("1..2")]
    [InlineData("1.2.")]
    [InlineData("1.2.a")]
    [InlineData("1.2.-3")]
    [InlineData("1.2 .3")]
    [InlineData("1,2,246")]
    [InlineData("urn:oid:1.2.246")]
    [InlineData("1.2.٣")]      // Arabic-Indic digit three
    public void Refuses_wrong_format(string input)
    {
        Assert.False(Oid.TryParse(input, out _, out var errorKey));
        Assert.Equal(Oid.Errors.Format, errorKey);
    }

    [Theory]
    [InlineData("01.2")]
    [InlineData("1.02")]
    [InlineData("1.2.0246")]
    [InlineData("2.00")]
    // Opintopolku organisation OIDs (e.g. 1.2.246.562.10.00000000001) break X.660 with zero-padded arcs; refused as specified.
    [InlineData("1.2.246.562.10.00000000001")]
    public void Refuses_leading_zeros(string input)
    {
        Assert.False(Oid.TryParse(input, out _, out var errorKey));
        Assert.Equal(Oid.Errors.LeadingZero, errorKey);
    }

    [Theory]
    [InlineData("3.1")]
    [InlineData("9.2.246")]
    [InlineData("10.1")]
    public void Refuses_first_arc_above_two(string input)
    {
        Assert.False(Oid.TryParse(input, out _, out var errorKey));
        Assert.Equal(Oid.Errors.FirstArc, errorKey);
    }

    [Theory]
    [InlineData("0.40")]
    [InlineData("1.40.1")]
    [InlineData("1.100")]
    [InlineData("1.99999999999999999999999")]
    public void Refuses_second_arc_above_39_under_0_and_1(string input)
    {
        Assert.False(Oid.TryParse(input, out _, out var errorKey));
        Assert.Equal(Oid.Errors.SecondArc, errorKey);
    }

    [Fact]
    public void Length_limit_is_128_characters()
    {
        var ok = "1.2." + new string('9', 124);
        Assert.Equal(128, ok.Length);
        Assert.True(Oid.TryParse(ok, out _, out _));

        var tooLong = "1.2." + new string('9', 125);
        Assert.False(Oid.TryParse(tooLong, out _, out var errorKey));
        Assert.Equal(Oid.Errors.TooLong, errorKey);
    }

    [Theory]
    [InlineData("1.2.246.562", "1.2.246", true)]
    [InlineData("1.2.246.562.10.1", "1.2.246", true)]
    [InlineData("1.2.246.562", "1.2", true)]
    [InlineData("1.2.246", "1.2.246", false)]      // not strict
    [InlineData("1.2.246", "1.2.246.562", false)]  // ancestor, not descendant
    [InlineData("1.2.2460", "1.2.246", false)]     // textual prefix but a different arc
    [InlineData("1.2.24", "1.2.246", false)]
    [InlineData("2.16.840", "1.2.246", false)]
    public void IsUnder_is_strict_descendant(string child, string parent, bool expected)
    {
        Assert.Equal(expected, Oid.Parse(child).IsUnder(Oid.Parse(parent)));
    }

    [Fact]
    public void IsUnder_default_parent_is_false()
    {
        Assert.False(Oid.Parse("1.2.246").IsUnder(default));
        Assert.False(default(Oid).IsUnder(Oid.Parse("1.2")));
    }

    [Fact]
    public void Append_adds_arcs()
    {
        var finland = Oid.Parse("1.2.246");
        var child = finland.Append(562, 10, 0);
        Assert.Equal("1.2.246.562.10.0", child.Value);
        Assert.True(child.IsUnder(finland));
        Assert.Equal(6, child.ArcCount);
        Assert.Equal(child, Oid.Parse("1.2.246.562.10.0"));
        Assert.Equal("1.2.246.9223372036854775807", finland.Append(long.MaxValue).Value);
    }

    [Fact]
    public void Append_refuses_invalid_input()
    {
        var oid = Oid.Parse("1.2.246");
        Assert.Throws<ArgumentException>(() => oid.Append());
        Assert.Throws<ArgumentException>(() => oid.Append(-1));
        Assert.Throws<ArgumentException>(() => Oid.Parse("1.2." + new string('9', 120)).Append(12345));
        Assert.Throws<InvalidOperationException>(() => default(Oid).Append(1));
    }

    [Fact]
    public void Parse_throws_format_exception_with_error_key()
    {
        var ex = Assert.Throws<FormatException>(() => Oid.Parse("3.1"));
        Assert.Equal(Oid.Errors.FirstArc, ex.Message);
        Assert.True(Oid.TryParse("1.2.246", null, out var viaIParsable));
        Assert.Equal("1.2.246", viaIParsable.Value);
        Assert.False(Oid.TryParse("1..2", null, out _));
    }

    [Fact]
    public void Every_error_key_has_texts() => ValidationTexts.AssertHasTexts(typeof(Oid.Errors));
}
