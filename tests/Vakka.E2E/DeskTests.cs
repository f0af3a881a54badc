using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using QRCoder;
using Vakka.CultureCard.Domain;
using Vakka.Directory.Domain;
using Vakka.Directory.Features;
using Vakka.Testing;

namespace Vakka.E2E;

/// <summary>
/// The ticket desk in Chromium as the demo venue (Helsingin kaupunginmuseo): a scanner types the ID and Enter, the
/// answer and the record form appear at once, the today view counts live; and the camera reads the card's QR code
/// from Chromium's fake camera. Every state visited is checked with axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DeskTests(BrowserApp app)
{
    private const string Venue = "venue.museum";

    /// <summary>A registered card of the demo area, issued by the demo distributor: two children, valid a year.</summary>
    private async Task<Card> DemoCardAsync()
    {
        var area = await app.WithDbAsync(db => db.Set<Area>().Include(a => a.Municipalities).SingleAsync(a => a.Name == "Pääkaupunkiseutu"));
        var distributor = await app.WithDbAsync(db => db.Set<Site>().SingleAsync(s => s.Name == "Kallion sosiaaliasema"));
        return await CardData.CardAsync(app, distributor, area, c => c.ChildrenCount = 2);
    }

    [Fact]
    public async Task A_scanner_types_the_ID_and_Enter_the_desk_records_one_adult_and_two_children_and_the_today_view_counts_them()
    {
        var card = await DemoCardAsync();
        var eventName = $"Näyttelykierros {Guid.CreateVersion7().ToString("N")[^6..]}";
        var page = await app.NewPageAsync();
        await page.SignInAsync(Venue, DemoData.Password);

        // The today view, open in another tab, shows the new line without being reloaded.
        var today = await page.Context.NewPageAsync();
        await today.GotoAsync("/culturecard/desk/today");
        await Assertions.Expect(today.GetByTestId("nav-CultureCard.Nav.DeskToday")).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(today.GetByTestId("nav-CultureCard.Nav.Desk")).Not.ToHaveAttributeAsync("aria-current", "page");
        await today.AssertAccessibleAsync();

        await page.GotoAsync("/culturecard/desk");
        var code = page.GetByTestId("desk-code");
        await Assertions.Expect(code).ToBeFocusedAsync();
        await page.AssertAccessibleAsync();

        // The scanner: the ID and Enter into the focused field, no click.
        await page.Keyboard.TypeAsync(card.Code);
        await page.Keyboard.PressAsync("Enter");
        var answer = page.GetByTestId("desk-answer");
        await Assertions.Expect(answer).ToHaveAttributeAsync("data-outcome", "CARD_VALID");
        await Assertions.Expect(page.GetByTestId("desk-answer-title")).ToHaveTextAsync(app.Text("CultureCard.Desk.Outcome.Valid", "fi"));
        await Assertions.Expect(page.GetByTestId("desk-status")).ToHaveAttributeAsync("role", "status");
        await Assertions.Expect(code).ToBeFocusedAsync();
        await Assertions.Expect(code).ToHaveValueAsync("");
        await page.AssertAccessibleAsync();

        // One adult (always), two children with the + button, a typed event name.
        var more = page.Locator("button.stepper-button[data-for='Record_Children'][data-step='1']");
        await more.ClickAsync();
        await more.ClickAsync();
        await Assertions.Expect(page.GetByTestId("desk-children")).ToHaveValueAsync("2");
        await Assertions.Expect(code).ToBeFocusedAsync(); // a pointer click gives the focus back for the next scan
        await page.SelectOptionAsync("#Record_EventId", "");
        await page.FillAsync("#Record_EventName", eventName);
        await page.SelectOptionAsync("#Record_Category", "Culture");
        await page.GetByTestId("desk-record").ClickAsync();

        await Assertions.Expect(answer).ToHaveAttributeAsync("data-outcome", "USE_RECORDED");
        await Assertions.Expect(page.GetByTestId("desk-answer-title")).ToHaveTextAsync(app.Text("CultureCard.Desk.Recorded", "fi"));
        await Assertions.Expect(code).ToBeFocusedAsync();
        await Assertions.Expect(code).ToHaveValueAsync("");
        await Assertions.Expect(page.GetByTestId("desk-recent")).ToContainTextAsync(eventName);
        await page.AssertAccessibleAsync();

        var use = await app.WithDbAsync(db => db.Set<CardUse>().SingleAsync(u => u.CardId == card.Id));
        Assert.Equal((1, 2, eventName), (use.AdultTickets, use.ChildTickets, use.EventName));

        var line = today.GetByTestId("today-line").Filter(new() { HasText = eventName });
        await Assertions.Expect(line.GetByTestId("today-adults")).ToHaveTextAsync("1", new() { Timeout = 15_000 });
        await Assertions.Expect(line.GetByTestId("today-children")).ToHaveTextAsync("2");
        await today.AssertAccessibleAsync();

        // The desk in Swedish and English, with an answer shown.
        foreach (var language in new[] { "sv", "en" })
        {
            await page.GotoAsync($"/settings/language/{language}?returnUrl=/culturecard/desk");
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
            await Assertions.Expect(code).ToBeFocusedAsync();
            await page.AssertAccessibleAsync();
            await page.Keyboard.TypeAsync(card.Code);
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByTestId("desk-answer-title")).ToHaveTextAsync(app.Text("CultureCard.Desk.Outcome.Valid", language));
            await page.AssertAccessibleAsync();
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_refused_card_is_said_plainly_and_the_desk_is_ready_for_the_next_one()
    {
        var card = await DemoCardAsync();
        var page = await app.NewPageAsync();
        await page.SignInAsync(Venue, DemoData.Password);
        await page.GotoAsync("/culturecard/desk");

        var typo = card.Code[..^1] + CardCode.Alphabet[(CardCode.Alphabet.IndexOf(card.Code[^1]) + 1) % CardCode.Alphabet.Length];
        await page.Keyboard.TypeAsync(typo);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("desk-answer")).ToHaveAttributeAsync("data-outcome", "CHECK_CHARACTER_INVALID");
        await Assertions.Expect(page.GetByTestId("desk-record-form")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("desk-code")).ToBeFocusedAsync();
        await page.AssertAccessibleAsync();

        await page.Keyboard.TypeAsync(card.Code);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("desk-answer")).ToHaveAttributeAsync("data-outcome", "CARD_VALID");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_venue_adds_an_event_with_a_quota_and_the_desk_offers_it_with_the_tickets_left()
    {
        var name = $"Iltanäytös {Guid.CreateVersion7().ToString("N")[^6..]}";
        var page = await app.NewPageAsync();
        await page.SignInAsync(Venue, DemoData.Password);
        await page.VisitAsync("/culturecard/desk/events");
        await page.GetByTestId("new-event").ClickAsync();
        await page.AssertAccessibleAsync();

        // Without a name and with a negative quota: the errors are announced and shown at the fields.
        await page.FillAsync("#Input_Quota", "-1");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToHaveAttributeAsync("role", "alert");
        await Assertions.Expect(page.Locator("#Input_Name-error")).ToHaveTextAsync(app.Text("CultureCard.Events.NameRequired", "fi"));
        await page.AssertAccessibleAsync();

        await page.FillAsync("#Input_Name", name);
        await page.FillAsync("#Input_Date", Vakka.Platform.Finnish.HelsinkiTime.Today(TimeProvider.System).ToString("yyyy-MM-dd"));
        await page.FillAsync("#Input_Time", "23:45");
        await page.SelectOptionAsync("#Input_Category", "Culture");
        await page.FillAsync("#Input_Quota", "12");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("events")).ToContainTextAsync(name);
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/culturecard/desk");
        var option = page.Locator("#desk-event option").Filter(new() { HasText = name });
        await Assertions.Expect(option).ToContainTextAsync(app.Text("CultureCard.Desk.QuotaLeft", "fi").Replace("{0}", "12"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_camera_reads_the_QR_code_of_the_card()
    {
        Assert.SkipWhen(BrowserApp.ChromiumMissing, BrowserApp.SkipReason);
        var card = await DemoCardAsync();
        var video = Path.Combine(Path.GetTempPath(), $"vakka-qr-{Guid.CreateVersion7():N}.y4m");
        var png = new PngByteQRCode(new QRCodeGenerator().CreateQrCode(card.Code, QRCodeGenerator.ECCLevel.M)).GetGraphic(12);
        FakeCamera.WriteY4m(video, FakeCamera.ReadPngLuma(png), width: 640, height: 480, frames: 10);
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = BrowserApp.ChromiumPath,
                Headless = true,
                Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                        $"--use-file-for-fake-video-capture={video}"],
            });
            var context = await browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString(), Locale = "fi-FI", Permissions = ["camera"] });
            var page = await context.NewPageAsync();
            var errors = new List<string>();
            page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
            await page.SignInAsync(Venue, DemoData.Password);
            await page.GotoAsync("/culturecard/desk");

            var camera = page.GetByTestId("desk-camera");
            await Assertions.Expect(camera).ToBeVisibleAsync();
            await camera.ClickAsync();
            await Assertions.Expect(page.GetByTestId("desk-answer")).ToHaveAttributeAsync("data-outcome", "CARD_VALID", new() { Timeout = 30_000 });
            Assert.Contains(CardCode.Display(card.Code), await page.Locator(".answer-code").TextContentAsync());
            await Assertions.Expect(page.Locator("#Record_Method")).ToHaveValueAsync("Camera");
            await Assertions.Expect(page.Locator("#desk-camera-view")).ToBeHiddenAsync();
            await Assertions.Expect(page.GetByTestId("desk-code")).ToBeFocusedAsync();
            Assert.True(errors.Count == 0, "console errors: " + string.Join("; ", errors));
            await context.CloseAsync();
        }
        finally
        {
            File.Delete(video);
        }
    }
}

/// <summary>
/// Chromium's fake camera plays a Y4M file. This turns the PNG QRCoder makes into such a file: the PNG is decoded (the
/// few kinds QRCoder writes: greyscale or palette, 1 or 8 bits, no interlace) and centred on a white 4:2:0 frame.
/// </summary>
internal static class FakeCamera
{
    public sealed record Luma(int Width, int Height, byte[] Pixels);

    public static Luma ReadPngLuma(byte[] png)
    {
        var pos = 8;
        int width = 0, height = 0, depth = 0, colour = 0;
        var palette = Array.Empty<byte>();
        using var idat = new MemoryStream();
        while (pos < png.Length)
        {
            var length = (png[pos] << 24) | (png[pos + 1] << 16) | (png[pos + 2] << 8) | png[pos + 3];
            var type = Encoding.ASCII.GetString(png, pos + 4, 4);
            var data = png.AsSpan(pos + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = (data[0] << 24) | (data[1] << 16) | (data[2] << 8) | data[3];
                    height = (data[4] << 24) | (data[5] << 16) | (data[6] << 8) | data[7];
                    depth = data[8];
                    colour = data[9];
                    if (data[12] != 0) throw new NotSupportedException("interlaced PNG");
                    break;
                case "PLTE": palette = data.ToArray(); break;
                case "IDAT": idat.Write(data); break;
            }
            pos += 12 + length;
        }
        var channels = colour switch { 0 or 3 => 1, 2 => 3, 4 => 2, 6 => 4, _ => throw new NotSupportedException($"PNG colour type {colour}") };
        var bitsPerPixel = channels * depth;
        var stride = (width * bitsPerPixel + 7) / 8;
        var bpp = Math.Max(1, bitsPerPixel / 8);
        idat.Position = 0;
        using var inflater = new ZLibStream(idat, CompressionMode.Decompress);
        var raw = new byte[(stride + 1) * height];
        inflater.ReadExactly(raw);

        var previous = new byte[stride];
        var row = new byte[stride];
        var pixels = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            Array.Copy(raw, y * (stride + 1) + 1, row, 0, stride);
            for (var i = 0; i < stride; i++)
            {
                int a = i >= bpp ? row[i - bpp] : 0, b = previous[i], c = i >= bpp ? previous[i - bpp] : 0;
                row[i] = (byte)(row[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new NotSupportedException($"PNG filter {filter}"),
                });
            }
            for (var x = 0; x < width; x++)
            {
                int sample = depth == 8 ? row[x * channels] : (row[x * depth / 8] >> (8 - depth - x * depth % 8)) & ((1 << depth) - 1);
                pixels[y * width + x] = colour switch
                {
                    3 => (byte)((palette[sample * 3] * 299 + palette[sample * 3 + 1] * 587 + palette[sample * 3 + 2] * 114) / 1000),
                    0 => (byte)(sample * 255 / ((1 << depth) - 1)),
                    _ => (byte)((row[x * channels] * 299 + row[x * channels + 1] * 587 + row[x * channels + 2] * 114) / 1000),
                };
            }
            (previous, row) = (row, previous);
        }
        return new Luma(width, height, pixels);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <summary>
    /// Writes <paramref name="frames"/> frames of the image on white, each at another size (as a hand-held camera moves)
    /// and sampled 4 × 4 per pixel, so that edges are soft as a lens makes them: ZXing's finder-pattern search misses
    /// about one in a hundred perfectly crisp synthetic QR codes, which a real camera never shows.
    /// </summary>
    public static void WriteY4m(string path, Luma image, int width, int height, int frames)
    {
        var chroma = new byte[width / 2 * (height / 2)];
        Array.Fill(chroma, (byte)128);
        using var file = File.Create(path);
        file.Write(Encoding.ASCII.GetBytes($"YUV4MPEG2 W{width} H{height} F10:1 Ip A1:1 C420jpeg\n"));
        for (var f = 0; f < frames; f++)
        {
            var size = Math.Min(width, height) * (55 + f * 30 / Math.Max(1, frames - 1)) / 100;
            var left = (width - size) / 2 + f % 3;
            var top = (height - size) / 2 + f % 2;
            var y = new byte[width * height];
            Array.Fill(y, (byte)235);
            for (var row = 0; row < size; row++)
            for (var col = 0; col < size; col++)
            {
                var sum = 0;
                for (var sy = 0; sy < 4; sy++)
                for (var sx = 0; sx < 4; sx++)
                    sum += image.Pixels[(row * 4 + sy) * image.Height / (size * 4) * image.Width + (col * 4 + sx) * image.Width / (size * 4)];
                y[(top + row) * width + left + col] = (byte)(16 + sum / 16 * 219 / 255); // studio range, as video is
            }
            file.Write("FRAME\n"u8);
            file.Write(y);
            file.Write(chroma);
            file.Write(chroma);
        }
    }
}
