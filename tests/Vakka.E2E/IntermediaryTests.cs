using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Vakka.CultureCard.Domain;
using Vakka.Directory.Domain;
using Vakka.Directory.Features;
using Vakka.Testing;

namespace Vakka.E2E;

/// <summary>
/// The demo ticket intermediary (Lipunmyynti Oy) in Chromium: it chooses one of the venues it serves, scans a card
/// there and records a use that the venue owns; the area coordinator sees which venues it serves. Checked with axe
/// in Finnish, Swedish and English.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class IntermediaryTests(BrowserApp app)
{
    [Fact]
    public async Task The_intermediary_chooses_a_venue_it_serves_and_records_a_use_for_it()
    {
        var area = await app.WithDbAsync(db => db.Set<Area>().Include(a => a.Municipalities).SingleAsync(a => a.Name == "Pääkaupunkiseutu"));
        var distributor = await app.WithDbAsync(db => db.Set<Site>().SingleAsync(s => s.Name == "Kallion sosiaaliasema"));
        var stoa = await app.WithDbAsync(db => db.Set<Site>().SingleAsync(s => s.Name == "Kulttuurikeskus Stoa"));
        var card = await CardData.CardAsync(app, distributor, area, c => c.ChildrenCount = 1);

        var page = await app.NewPageAsync();
        await page.SignInAsync("intermediary", DemoData.Password);
        foreach (var language in new[] { "sv", "en", "fi" })
        {
            await page.GotoAsync($"/settings/language/{language}?returnUrl=/culturecard/desk");
            await page.ExpectAtAsync("/culturecard/desk/venues");
            await Assertions.Expect(page.GetByTestId("desk-venues")).ToContainTextAsync("Kulttuurikeskus Stoa");
            await page.AssertAccessibleAsync();
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Kulttuurikeskus Stoa", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("desk-via")).ToContainTextAsync("Lipunmyynti Oy");
        await Assertions.Expect(page.GetByTestId("desk-code")).ToBeFocusedAsync();
        await page.AssertAccessibleAsync();

        await page.Keyboard.TypeAsync(card.Code);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("desk-answer")).ToHaveAttributeAsync("data-outcome", "CARD_VALID");
        await page.SelectOptionAsync("#Record_EventId", "");
        await page.FillAsync("#Record_EventName", "Tanssiesitys");
        await page.SelectOptionAsync("#Record_Category", "Culture");
        await page.GetByTestId("desk-record").ClickAsync();
        await Assertions.Expect(page.GetByTestId("desk-answer")).ToHaveAttributeAsync("data-outcome", "USE_RECORDED");
        await page.AssertAccessibleAsync();

        var use = await app.WithDbAsync(db => db.Set<CardUse>().AsNoTracking().SingleAsync(u => u.CardId == card.Id));
        var intermediary = await app.WithDbAsync(db => db.Set<Site>().SingleAsync(s => s.Name == "Lipunmyynti Oy, asiakaspalvelu"));
        Assert.Equal((stoa.Id, intermediary.Id), (use.VenueSiteId, use.DeskSiteId));
        await page.Context.CloseAsync();

        var coordinator = await app.NewPageAsync();
        await coordinator.SignInAsync("area.helsinki", DemoData.Password);
        await coordinator.VisitAsync($"/culturecard/network?areaId={area.Id}");
        await Assertions.Expect(coordinator.GetByTestId("serves").First).ToContainTextAsync("Kulttuurikeskus Stoa");
        await Assertions.Expect(coordinator.GetByTestId("serve-form")).ToBeVisibleAsync();
        await coordinator.Context.CloseAsync();
    }
}
