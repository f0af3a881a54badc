using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Finnish;
using Vakka.Platform.Localisation;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;

namespace Vakka.Tests.Web;

[Collection(AppCollection.Name)]
public sealed class LanguageTests(VakkaFactory app)
{

    [Theory]
    [InlineData("fi", "fi-FI")]
    [InlineData("sv", "sv-FI")]
    [InlineData("en", "en-GB")]
    public async Task Pages_speak_the_chosen_language_and_show_Helsinki_dates_in_its_format(string language, string culture)
    {
        var admin = await TestData.PersonAsync(app, (Role.SystemAdmin, Scope.Global));
        var client = await AppClient.SignedInAsync(app, admin.UserName!, language: language);
        var page = await client.GetPageAsync($"/directory/accounts/details/{admin.Id}");
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(app.Text("Directory.Account.Roles", language), page.QuerySelector("#roles-title")!.TextContent);

        var created = await app.WithDbAsync(db => db.Set<Account>().Where(a => a.Id == admin.Id).Select(a => a.CreatedAt).SingleAsync());
        var expected = HelsinkiTime.ToLocal(created).ToString("g", new CultureInfo(culture));
        Assert.Contains(page.QuerySelectorAll("dd"), dd => dd.TextContent == expected);
    }

    [Fact]
    public async Task The_language_switch_sets_a_cookie_and_an_accounts_preferred_language_applies_at_sign_in()
    {
        var client = AppClient.For(app, "fi");
        client.Http.DefaultRequestHeaders.Remove("Cookie");
        var page = await client.GetPageAsync("/account/sign-in");
        Assert.Equal("fi", page.DocumentElement.GetAttribute("lang")); // Finnish by default
        var switched = await client.GetAsync("/settings/language/sv?returnUrl=/account/sign-in");
        Assert.Equal("/account/sign-in", switched.Headers.Location!.OriginalString);
        Assert.Contains(switched.Headers.GetValues("Set-Cookie"), c => c.Contains("sv-FI"));
        var offsite = await client.GetAsync("/settings/language/en?returnUrl=//evil.example/");
        Assert.Equal("/", offsite.Headers.Location!.OriginalString);

        var person = await TestData.PersonAsync(app);
        await app.WithDbAsync(async db =>
        {
            (await db.Set<Account>().SingleAsync(a => a.Id == person.Id)).PreferredLanguage = "sv";
            await db.SaveChangesAsync();
        });
        var response = await AppClient.For(app, "fi").PostFormAsync("/account/sign-in", new() { ["Input.UserName"] = person.UserName!, ["Input.Password"] = TestData.Password });
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.Contains("sv-FI"));
    }
}
