using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Vakka.CultureCard.Domain;
using Vakka.Directory.Domain;
using Vakka.Directory.Features;

namespace Vakka.E2E;

/// <summary>
/// A card's journey in Chromium: a distributor scans a printed ID into the registration form, a venue's desk reads it
/// and records a use, and the area coordinator's dashboard counts it at once. axe checks the pages in fi, sv and en.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CardJourneyTests(BrowserApp app)
{
    private static long Digits(string text) => long.Parse(new string(text.Where(char.IsAsciiDigit).ToArray()));

    [Fact]
    public async Task A_distributor_registers_a_card_a_venue_records_its_use_and_the_dashboard_counts_it()
    {
        var capital = await app.WithDbAsync(db => db.Set<Area>().SingleAsync(a => a.Name == "Pääkaupunkiseutu"));
        var code = await app.WithDbAsync(db => db.Set<CardCodeRecord>()
            .Where(c => c.AreaId == capital.Id && !c.IsLegacy && !db.Set<Card>().Any(card => card.Code == c.Code))
            .Select(c => c.Code).FirstAsync());

        // The area coordinator's numbers before.
        var coordinator = await app.NewPageAsync();
        await coordinator.SignInAsync("area.helsinki", DemoData.Password);
        await coordinator.GotoAsync($"/culturecard/statistics?scope=area:{capital.Id}");
        var usesBefore = Digits(await coordinator.GetByTestId("summary-Uses").Locator(".stat-value").InnerTextAsync());
        var registeredBefore = Digits(await coordinator.GetByTestId("summary-CardsRegistered").Locator(".stat-value").InnerTextAsync());
        await coordinator.AssertAccessibleAsync();

        // The distributor scans the card into the focused ID field and fills in the statistics fields.
        var distributor = await app.NewPageAsync();
        await distributor.SignInAsync("distributor.kallio", DemoData.Password);
        foreach (var language in new[] { "sv", "en", "fi" })
        {
            await distributor.GotoAsync($"/settings/language/{language}?returnUrl=/culturecard/cards/register");
            await Assertions.Expect(distributor.Locator("html")).ToHaveAttributeAsync("lang", language);
            await distributor.AssertAccessibleAsync();
        }
        await Assertions.Expect(distributor.Locator("#Input_Code")).ToBeFocusedAsync();
        await distributor.Keyboard.TypeAsync(CardCode.Display(code).ToLowerInvariant());
        await distributor.FillAsync("#Input_BirthYear", "1975");
        await distributor.FillAsync("#Input_PostalCode", "00530");
        await distributor.FillAsync("#Input_ChildrenCount", "1");
        await distributor.SelectOptionAsync("#Input_Gender", "Female");
        await distributor.SelectOptionAsync("#Input_LifeSituationId", "1");
        await distributor.GetByTestId("save").ClickAsync();
        await Assertions.Expect(distributor.GetByTestId("card-state")).ToContainTextAsync(app.Text("CultureCard.CardState.Valid", "fi"));
        await Assertions.Expect(distributor.GetByTestId("children")).ToHaveTextAsync("1");
        await distributor.AssertAccessibleAsync();

        // The venue's desk: the scanner types the ID and Enter; one adult and the one child.
        var venue = await app.NewPageAsync();
        await venue.SignInAsync("venue.museum", DemoData.Password);
        await venue.GotoAsync("/culturecard/desk");
        await Assertions.Expect(venue.GetByTestId("desk-code")).ToBeFocusedAsync();
        await venue.Keyboard.TypeAsync(code);
        await venue.Keyboard.PressAsync("Enter");
        await Assertions.Expect(venue.GetByTestId("desk-answer")).ToHaveAttributeAsync("data-outcome", "CARD_VALID");
        await venue.Locator("button.stepper-button[data-for='Record_Children'][data-step='1']").ClickAsync();
        await venue.SelectOptionAsync("#Record_EventId", "");
        await venue.FillAsync("#Record_EventName", "Kaupunkikierros");
        await venue.SelectOptionAsync("#Record_Category", "Culture");
        await venue.GetByTestId("desk-record").ClickAsync();
        await Assertions.Expect(venue.GetByTestId("desk-answer")).ToHaveAttributeAsync("data-outcome", "USE_RECORDED");

        // The dashboard counts it at once: one more card, two more tickets.
        await coordinator.ReloadAsync();
        Assert.Equal(usesBefore + 2, Digits(await coordinator.GetByTestId("summary-Uses").Locator(".stat-value").InnerTextAsync()));
        Assert.Equal(registeredBefore + 1, Digits(await coordinator.GetByTestId("summary-CardsRegistered").Locator(".stat-value").InnerTextAsync()));

        // The card's page shows the use in its history.
        await distributor.ReloadAsync();
        await Assertions.Expect(distributor.GetByTestId("timeline")).ToContainTextAsync("Kaupunkikierros");
        foreach (var p in new[] { coordinator, distributor, venue }) await p.Context.CloseAsync();
    }
}
