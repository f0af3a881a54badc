using Vakka.Platform.Finnish;

namespace Vakka.Tests.Platform;

public class EmailAddressTests
{
    [Theory]
    [InlineData("matti.meikalainen@example.fi", "matti.meikalainen@example.fi")]
    [InlineData("kirjaamo@hel.fi", "kirjaamo@hel.fi")]
    [InlineData("Matti.Meikalainen@Example.FI", "Matti.Meikalainen@example.fi")] // domain lower-cased, local part kept
    [InlineData("  kirjaamo@hel.fi  ", "kirjaamo@hel.fi")]
    [InlineData("first+tag@sub.example.co.uk", "first+tag@sub.example.co.uk")]
    [InlineData("o'brien@example.ie", "o'brien@example.ie")]
    [InlineData("a_b-c@my-domain.fi", "a_b-c@my-domain.fi")]
    [InlineData("x@a.io", "x@a.io")]
    [InlineData("123@456.fi", "123@456.fi")]
    [InlineData("posti@ääkköset.fi", "posti@ääkköset.fi")] // internationalised domain
    [InlineData("posti@ÄÄKKÖSET.FI", "posti@ääkköset.fi")]
    public void Accepts_ordinary_addresses(string input, string normalised)
    {
        Assert.True(EmailAddress.TryParse(input, out var email, out var errorKey), errorKey);
        Assert.Equal("", errorKey);
        Assert.Equal(normalised, email.Value);
        Assert.Equal(normalised, email.ToString());
    }

    [Fact]
    public void Exposes_local_part_and_domain()
    {
        var email = EmailAddress.Parse("Matti.M@Hel.Fi");
        Assert.Equal("Matti.M", email.LocalPart);
        Assert.Equal("hel.fi", email.Domain);
    }

    [Theory]
    [InlineData("matti")]                         // no @
    [InlineData("@example.fi")]                   // empty local part
    [InlineData("matti@@example.fi")]             // two @
    [InlineData("matti@kirjaamo@example.fi")]
    [InlineData("Matti Meikäläinen <matti@example.fi>")] // display-name form
    [InlineData("<matti@example.fi>")]
    [InlineData("matti @example.fi")]             // whitespace inside
    [InlineData("mat ti@example.fi")]
    [InlineData("matti@exam ple.fi")]
    [InlineData("matti\t@example.fi")]
    [InlineData("\"matti meikalainen\"@example.fi")] // quoted local part
    [InlineData("\"matti\"@example.fi")]
    [InlineData("matti(comment)@example.fi")]
    [InlineData("matti@example.fi, maija@example.fi")] // list
    [InlineData("matti@example.fi;maija@example.fi")]
    [InlineData(".matti@example.fi")]
    [InlineData("matti.@example.fi")]
    [InlineData("matti..meikalainen@example.fi")]
    [InlineData("matti@[192.0.2.1]")]             // domain literal
    public void Refuses_malformed_addresses(string input)
    {
        Assert.False(EmailAddress.TryParse(input, out _, out var errorKey));
        Assert.Equal(EmailAddress.Errors.Format, errorKey);
    }

    [Theory]
    [InlineData("matti@example")]        // no dot
    [InlineData("matti@localhost")]
    [InlineData("matti@")]
    [InlineData("matti@.example.fi")]
    [InlineData("matti@example.fi.")]
    [InlineData("matti@example..fi")]
    [InlineData("matti@-example.fi")]
    [InlineData("matti@example-.fi")]
    [InlineData("matti@exa_mple.fi")]
    [InlineData("matti@example.f")]      // one-letter top-level label
    [InlineData("matti@192.0.2.1")]      // bare IP address
    [InlineData("matti@example.123")]
    public void Refuses_bad_domains(string input)
    {
        Assert.False(EmailAddress.TryParse(input, out _, out var errorKey));
        Assert.Equal(EmailAddress.Errors.Domain, errorKey);
    }

    [Fact]
    public void Length_limits()
    {
        var local64 = new string('a', 64);
        Assert.True(EmailAddress.TryParse(local64 + "@example.fi", out _, out _));
        Assert.False(EmailAddress.TryParse(local64 + "a@example.fi", out _, out var localError));
        Assert.Equal(EmailAddress.Errors.TooLong, localError);

        // 254 characters in total: 64 + "@" + 189 (three 61-character labels, three dots and "fin").
        var label = new string('b', 61);
        var max = $"{local64}@{label}.{label}.{label}.fin";
        Assert.Equal(254, max.Length);
        Assert.True(EmailAddress.TryParse(max, out var longest, out var maxError), maxError);
        Assert.Equal(max, longest.Value);

        var over = $"{local64}@{label}.{label}.{label}.finn";
        Assert.Equal(255, over.Length);
        Assert.False(EmailAddress.TryParse(over, out _, out var overError));
        Assert.Equal(EmailAddress.Errors.TooLong, overError);

        var longLabel = "x@" + new string('c', 64) + ".fi";
        Assert.False(EmailAddress.TryParse(longLabel, out _, out var labelError));
        Assert.Equal(EmailAddress.Errors.Domain, labelError);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Refuses_missing_value(string? input)
    {
        Assert.False(EmailAddress.TryParse(input, out _, out var errorKey));
        Assert.Equal(EmailAddress.Errors.Required, errorKey);
    }

    [Fact]
    public void Equality_uses_the_normalised_form()
    {
        Assert.Equal(EmailAddress.Parse("kirjaamo@HEL.FI"), EmailAddress.Parse("kirjaamo@hel.fi"));
        Assert.NotEqual(EmailAddress.Parse("Kirjaamo@hel.fi"), EmailAddress.Parse("kirjaamo@hel.fi"));
    }

    [Fact]
    public void Parse_and_IParsable()
    {
        var ex = Assert.Throws<FormatException>(() => EmailAddress.Parse("matti@example"));
        Assert.Equal(EmailAddress.Errors.Domain, ex.Message);
        Assert.True(EmailAddress.TryParse("kirjaamo@hel.fi", null, out var viaIParsable));
        Assert.Equal("kirjaamo@hel.fi", viaIParsable.Value);
        Assert.False(EmailAddress.TryParse("kirjaamo", null, out _));
    }

    [Fact]
    public void Default_value_is_empty()
    {
        Assert.Equal("", default(EmailAddress).Value);
        Assert.Equal("", default(EmailAddress).LocalPart);
        Assert.Equal("", default(EmailAddress).Domain);
    }

    [Fact]
    public void Every_error_key_has_texts() => ValidationTexts.AssertHasTexts(typeof(EmailAddress.Errors));
}
