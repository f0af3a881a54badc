using System.Text.Json;
using Microsoft.Playwright;
using Vakka.Directory.Features;

namespace Vakka.E2E;

/// <summary>
/// The national coordinator creates a card batch in the browser and opens its print sheet; the first card's QR code
/// and Code 39 barcode are decoded in Chromium with the ZXing library the app serves, proving the codes are real.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BatchPrintTests(BrowserApp app)
{
    [Fact]
    public async Task National_coordinator_creates_a_batch_and_its_printed_QR_code_and_barcode_decode_to_the_ID()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("national", DemoData.Password);

        await page.GetByTestId("nav-CultureCard.Nav.Batches").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(app.Text("CultureCard.Batches.Title", "fi"));
        await page.AssertAccessibleAsync();
        await page.GetByTestId("new-batch").ClickAsync();
        await page.AssertAccessibleAsync();

        // A wrong count first: the message is announced and the field keeps what was typed.
        await page.SelectOptionAsync("#Input_AreaId", new SelectOptionValue { Label = "Pirkanmaa" });
        await page.FillAsync("#Input_Count", "5001");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.Locator("#Input_Count-error")).ToHaveTextAsync(string.Format(app.Text("CultureCard.Batches.Count.Range", "fi"), 1, 5000));
        await Assertions.Expect(page.Locator("#Input_Count")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#Input_Count")).ToHaveValueAsync("5001");
        await page.AssertAccessibleAsync();

        await page.FillAsync("#Input_Count", "12");
        await page.GetByTestId("save").ClickAsync();
        await page.ExpectAtAsync("/culturecard/batches/print/");
        await Assertions.Expect(page.Locator(".print-card")).ToHaveCountAsync(12);
        await page.AssertAccessibleAsync();

        var first = page.Locator(".print-card").First;
        var code = await first.GetAttributeAsync("data-code");
        Assert.NotNull(code);
        var shown = (await first.GetByTestId("card-id").TextContentAsync())!.Trim();
        Assert.Equal(code, shown.Replace(" ", ""));

        // The decoder comes from the app itself (wwwroot/lib/zxing), not from a CDN. Every card of the sheet is decoded.
        // The images are the exact generated symbols, so the QR code is read with ZXing's PURE_BARCODE hint: without it
        // ZXing's finder-pattern search misses about one perfectly crisp synthetic symbol in a hundred (measured: 6/400
        // of ZXing's own level-M codes at 6 px per module), which a camera's blurred frame never shows.
        await page.AddScriptTagAsync(new() { Url = "/lib/zxing/zxing-library.min.js" });
        await page.AddScriptTagAsync(new() { Url = "/lib/zxing/zxing-browser.min.js" });
        var decoded = await page.EvaluateAsync<JsonElement>(@"async () => {
            const hints = new Map([[ZXing.DecodeHintType.PURE_BARCODE, true]]);
            const read = async (img) => {
                await img.decode();
                try {
                    const result = await new ZXingBrowser.BrowserMultiFormatReader(hints).decodeFromImageElement(img);
                    return { text: result.getText(), format: ZXing.BarcodeFormat[result.getBarcodeFormat()] };
                } catch (e) { return { text: 'unreadable: ' + e, format: '' }; }
            };
            const cards = [];
            for (const card of document.querySelectorAll('.print-card'))
                cards.push({ code: card.getAttribute('data-code'), qr: await read(card.querySelector('img[data-testid=qr]')),
                    barcode: await read(card.querySelector('img[data-testid=barcode]')) });
            return cards;
        }");

        Assert.Equal(code, decoded[0].GetProperty("code").GetString());
        Assert.Equal(12, decoded.GetArrayLength());
        foreach (var card in decoded.EnumerateArray())
        {
            var id = card.GetProperty("code").GetString();
            Assert.Equal((id, "QR_CODE"), (card.GetProperty("qr").GetProperty("text").GetString(), card.GetProperty("qr").GetProperty("format").GetString()));
            Assert.Equal((id, "CODE_39"), (card.GetProperty("barcode").GetProperty("text").GetString(), card.GetProperty("barcode").GetProperty("format").GetString()));
        }

        // On paper: only the cards, each at ID-1 size (85.6 × 54 mm at 96 px per inch), ten to an A4 page (12 cards: 2 pages).
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".site-header")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".print-controls")).ToBeHiddenAsync();
        var size = await first.BoundingBoxAsync();
        Assert.NotNull(size);
        Assert.InRange(size.Width, 85.6 / 25.4 * 96 - 1, 85.6 / 25.4 * 96 + 1);
        Assert.InRange(size.Height, 54 / 25.4 * 96 - 1, 54 / 25.4 * 96 + 1);
        Assert.Equal(2, await page.Locator(".card-sheet").CountAsync());
        var pdf = await page.PdfAsync(new() { Format = "A4", PreferCSSPageSize = true });
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Legacy_import_life_situation_and_area_rule_pages_are_accessible_with_and_without_errors()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("national", DemoData.Password);

        await page.VisitAsync("/culturecard/batches/legacy");
        await page.SelectOptionAsync("#Input_AreaId", new SelectOptionValue { Label = "Pääkaupunkiseutu" });
        var prefix = "E" + Guid.CreateVersion7().ToString("N")[^8..].ToUpperInvariant();
        await page.FillAsync("#Input_Codes", $"{prefix}-1\n{prefix}-2\nX\n{prefix}1");
        await page.GetByTestId("check").ClickAsync();
        await Assertions.Expect(page.GetByTestId("report-summary")).ToHaveTextAsync(string.Format(app.Text("CultureCard.Batches.Legacy.Checked", "fi"), 2, 2));
        await page.AssertAccessibleAsync();
        await page.GetByTestId("import").ClickAsync();
        await Assertions.Expect(page.GetByTestId("print-legacy")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("refused").Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#Input_Codes")).ToHaveValueAsync($"X\n{prefix}1");
        await page.AssertAccessibleAsync();
        await page.GetByTestId("print-legacy").ClickAsync();
        await Assertions.Expect(page.Locator(".print-card")).ToHaveCountAsync(2);
        await page.AssertAccessibleAsync();

        await page.GetByTestId("nav-CultureCard.Nav.LifeSituations").ClickAsync();
        await Assertions.Expect(page.GetByTestId("life-situations").Locator("tbody tr[data-code=student]")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.VisitAsync("/culturecard/lifesituations/create");
        await page.FillAsync("#Input_Code", "Ei kelpaa");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.Locator("#Input_Code-error")).ToHaveTextAsync(app.Text("CultureCard.LifeSituations.Code.Format", "fi"));
        await page.AssertAccessibleAsync();
        await page.VisitAsync("/culturecard/lifesituations/edit/1");

        await page.GetByTestId("nav-CultureCard.Nav.AreaRules").ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Pirkanmaa" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.FillAsync("#Input_ValidityMonths", "40");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToHaveAttributeAsync("role", "alert");
        await Assertions.Expect(page.Locator("#Input_ValidityMonths")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.AssertAccessibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Area_coordinator_finds_only_their_own_areas_rules_and_no_batches()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("area.pirkanmaa", DemoData.Password);
        await Assertions.Expect(page.GetByTestId("nav-CultureCard.Nav.Batches")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("nav-CultureCard.Nav.LifeSituations")).ToHaveCountAsync(0);
        await page.GetByTestId("nav-CultureCard.Nav.AreaRules").ClickAsync();
        await Assertions.Expect(page.GetByTestId("area-rules").Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("area-rules")).ToContainTextAsync("Pirkanmaa");
        await page.AssertAccessibleAsync();
        Assert.Equal(403, (await page.GotoAsync("/culturecard/batches"))!.Status);
        await page.Context.CloseAsync();
    }
}
