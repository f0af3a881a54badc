using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.CultureCard.Features.Shared;
using Vakka.Platform;
using Vakka.Platform.Data;
using Vakka.Platform.Finnish;
using Vakka.Platform.Ids;

namespace Vakka.CultureCard.Features.Demo;

/// <summary>
/// Realistic Kaikukortti data for the demo and the benchmarks, following the national statistics: about 38 % of
/// registered cards are ever used; uses are about 53 % sport, 36 % culture, 7 % science and 4 % education; child
/// tickets are about 16 % of all tickets; the number of uses per card is heavy-tailed. Deterministic for a seed.
/// </summary>
public sealed class CardDemoData(VakkaDb db, ISiteDirectory directory, TimeProvider clock)
{
    public sealed record Volume(int Cards, int Uses, int Years = 3, int SpareCodesPerArea = 300, int Seed = 2026);
    public static readonly Volume Demo = new(15_000, 50_000);

    private static readonly (UseCategory Category, double Weight)[] CategoryMix =
        [(UseCategory.Sport, 0.53), (UseCategory.Culture, 0.36), (UseCategory.Science, 0.07), (UseCategory.Education, 0.04)];

    private static readonly (int Id, double Weight)[] LifeSituationMix =
        [(1, 0.22), (2, 0.04), (3, 0.12), (4, 0.14), (5, 0.12), (6, 0.08), (7, 0.09), (8, 0.10), (9, 0.04)];

    private static readonly Dictionary<string, string[]> PostalCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Helsinki"] = ["00100", "00170", "00530", "00550", "00630", "00700", "00800", "00930", "00940", "00980"],
        ["Espoo"] = ["02100", "02230", "02600", "02650", "02770", "02940"], ["Vantaa"] = ["01300", "01350", "01450", "01600", "01730"],
        ["Kauniainen"] = ["02700"], ["Tampere"] = ["33100", "33200", "33230", "33400", "33540", "33720", "33900"],
        ["Nokia"] = ["37100", "37120"], ["Ylöjärvi"] = ["33470"], ["Kangasala"] = ["36200"], ["Lempäälä"] = ["37500"],
        ["Pirkkala"] = ["33960"], ["Vasa"] = ["65100", "65200", "65300", "65320"], ["Korsholm"] = ["65610", "65630"],
        ["Närpes"] = ["64200"], ["Vörå"] = ["66600"], ["Korsnäs"] = ["66200"],
    };

    /// <summary>
    /// Loads the cards and uses into a database that has none, through <paramref name="writer"/> (the generator command
    /// uses PostgreSQL's binary COPY for millions of rows). False when there are cards already or no network to use.
    /// </summary>
    public async Task<bool> LoadIfEmptyAsync(Volume volume, ICardBulkWriter writer, CancellationToken ct)
    {
        if (await db.Set<Card>().AnyAsync(ct)) return false;
        var areas = (await directory.AreasAsync(ct)).Where(a => a.IsActive).ToList();
        var network = new List<(AreaInfo Area, List<SiteInfo> Distributors, List<SiteInfo> Venues)>();
        foreach (var area in areas)
        {
            var sites = (await directory.InAreaAsync(area.Id, ct)).Where(s => s.IsActive).ToList();
            var distributors = sites.Where(s => s.Type == SiteType.Distributor).ToList();
            var venues = sites.Where(s => s.Type == SiteType.Venue).ToList();
            if (distributors.Count > 0 && venues.Count > 0) network.Add((area, distributors, venues));
        }
        if (network.Count == 0) return false;
        await writer.WriteAsync(Generate(network, volume), ct);
        return true;
    }

    /// <summary>
    /// The generated rows, in chunks of about <see cref="CardDemoRows.ChunkSize"/> rows, produced lazily so that millions
    /// of rows never sit in memory at once. Every writer gets exactly these rows.
    /// </summary>
    private IEnumerable<CardDemoRows> Generate(List<(AreaInfo Area, List<SiteInfo> Distributors, List<SiteInfo> Venues)> network, Volume volume)
    {
        var random = new Random(volume.Seed);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = HelsinkiTime.Today(clock);
        var start = today.AddYears(-volume.Years);
        var areaWeights = network.Select((n, i) => (Index: i, Weight: n.Distributors.Count + n.Venues.Count + (i == 0 ? 6.0 : 0))).ToArray();
        var rows = new CardDemoRows();

        // One printed batch per area: the registered cards and some spare IDs for the demo's own registrations.
        var cardsPerArea = new int[network.Count];
        var cardArea = new int[volume.Cards];
        for (var i = 0; i < volume.Cards; i++) cardsPerArea[cardArea[i] = Pick(random, areaWeights)]++;
        var codes = new Queue<string>[network.Count];
        var used = new HashSet<string>();
        for (var a = 0; a < network.Count; a++)
        {
            var batch = new CardBatch { Id = BatchId.New(), AreaId = network[a].Area.Id, Kind = BatchKind.New, Size = cardsPerArea[a] + volume.SpareCodesPerArea, CreatedAt = now };
            rows.Batches.Add(batch);
            codes[a] = new Queue<string>();
            while (codes[a].Count < batch.Size)
            {
                var code = CardCode.NewCode();
                if (!used.Add(code)) continue;
                codes[a].Enqueue(code);
                rows.Codes.Add(new CardCodeRecord { Code = code, BatchId = batch.Id, AreaId = batch.AreaId });
            }
            if (rows.Count >= CardDemoRows.ChunkSize) { yield return rows; rows = new CardDemoRows(); }
        }

        // Uses per used card: log-normal, scaled so that the total is the requested number.
        var usedCards = (int)Math.Round(volume.Cards * 0.38);
        var raw = Enumerable.Range(0, usedCards).Select(_ => Math.Exp(1.2 + 1.1 * Normal(random))).ToArray();
        var scale = volume.Uses / raw.Sum();
        var usesOf = raw.Select(r => Math.Max(1, (int)Math.Round(r * scale))).ToArray();
        var usesTotal = usesOf.Sum();
        for (var i = 0; usesTotal != volume.Uses && i < usesOf.Length * 4; i++)
        {
            var k = i % usesOf.Length;
            if (usesTotal > volume.Uses && usesOf[k] > 1) { usesOf[k]--; usesTotal--; }
            else if (usesTotal < volume.Uses) { usesOf[k]++; usesTotal++; }
        }

        var spanDays = today.DayNumber - start.DayNumber;
        for (var i = 0; i < volume.Cards; i++)
        {
            var a = cardArea[i];
            var (area, distributors, venues) = network[a];
            // More cards in recent years, as the network has grown.
            var issuedOn = start.AddDays((int)(spanDays * Math.Sqrt(random.NextDouble())));
            var issuer = distributors[random.Next(distributors.Count)];
            var community = random.NextDouble() < 0.02;
            var municipality = area.Municipalities.Count > 0 ? area.Municipalities[random.Next(area.Municipalities.Count)] : issuer.Municipality;
            var postal = PostalCodes.TryGetValue(municipality, out var list) ? list[random.Next(list.Length)] : issuer.PostalCode;
            var card = new Card
            {
                Id = CardId.New(), Code = codes[a].Dequeue(), AreaId = area.Id, IssuingSiteId = issuer.Id, IssuedOn = issuedOn,
                ValidUntil = issuedOn.AddYears(1).AddDays(-1), Status = CardStatus.Active, CreatedAt = Earlier(At(issuedOn, 10), now),
                Type = community ? CardType.Community : CardType.Personal,
            };
            if (community) card.GroupSize = random.Next(3, 9);
            else
            {
                card.BirthYear = today.Year - AgeOf(random);
                card.PostalCode = postal;
                var c = random.NextDouble();
                card.ChildrenCount = c < 0.6 ? 0 : c < 0.75 ? 1 : c < 0.9 ? 2 : c < 0.97 ? 3 : random.Next(4, 7);
                var g = random.NextDouble();
                card.Gender = g < 0.52 ? Gender.Female : g < 0.92 ? Gender.Male : g < 0.95 ? Gender.Other : random.NextDouble() < 0.5 ? Gender.NotTold : null;
                if (random.NextDouble() < 0.85) card.LifeSituationId = Pick(random, LifeSituationMix.Select(l => (l.Id, l.Weight)).ToArray());
            }
            rows.Cards.Add(card);
            rows.History.Add(new CardEvent { Id = Guid.CreateVersion7(), CardId = card.Id, Kind = CardEventKind.Issued, At = Earlier(At(issuedOn, 10), now), BySite = issuer.Id, ValidUntil = card.ValidUntil });

            if (card.ValidUntil < today && random.NextDouble() < 0.25)
            {
                var renewedOn = card.ValidUntil.AddDays(random.Next(0, 40));
                if (renewedOn <= today)
                {
                    card.ValidUntil = renewedOn.AddYears(1).AddDays(-1);
                    rows.History.Add(new CardEvent { Id = Guid.CreateVersion7(), CardId = card.Id, Kind = CardEventKind.Extended, At = Earlier(At(renewedOn, 11), now), BySite = issuer.Id, ValidUntil = card.ValidUntil });
                }
            }
            if (random.NextDouble() < 0.02)
            {
                card.Status = CardStatus.Ended;
                card.EndReason = random.NextDouble() < 0.6 ? EndReason.Lost : EndReason.MovedAway;
                card.EndedOn = issuedOn.AddDays(random.Next(1, Math.Max(2, Math.Min(365, today.DayNumber - issuedOn.DayNumber))));
                if (card.EndedOn > today) card.EndedOn = today;
                rows.History.Add(new CardEvent { Id = Guid.CreateVersion7(), CardId = card.Id, Kind = CardEventKind.Ended, At = Earlier(At(card.EndedOn.Value, 12), now), BySite = issuer.Id, EndReason = card.EndReason });
            }

            if (i < usedCards)
            {
                var last = new[] { card.ValidUntil, card.EndedOn ?? today, today }.Min();
                var days = Math.Max(0, last.DayNumber - issuedOn.DayNumber);
                for (var u = 0; u < usesOf[i]; u++)
                {
                    var category = Pick(random, CategoryMix.Select(m => (m.Category, m.Weight)).ToArray());
                    var (venueArea, venuesHere) = random.NextDouble() < 0.05 && network.Count > 1
                        ? network[(a + 1 + random.Next(network.Count - 1)) % network.Count] is var other ? (other.Area, other.Venues) : default
                        : (area, venues);
                    var candidates = venuesHere.Where(v => CategoryOf(v.Name) == category).ToList();
                    var venue = candidates.Count > 0 ? candidates[random.Next(candidates.Count)] : venuesHere[random.Next(venuesHere.Count)];
                    var useDate = issuedOn.AddDays(random.Next(0, days + 1));
                    var children = card.Type == CardType.Community ? card.GroupSize ?? 0
                        : card.ChildrenCount > 0 && random.NextDouble() < 0.19 ? random.Next(1, card.ChildrenCount + 1) : 0;
                    var use = new CardUse
                    {
                        Id = UseId.New(), CardId = card.Id, VenueSiteId = venue.Id, VenueAreaId = venueArea.Id, DeskSiteId = venue.Id,
                        EventName = EventNameOf(category, random), Category = category, UseDate = useDate, AdultTickets = 1,
                        ChildTickets = children, AssistantTickets = random.NextDouble() < 0.02 ? 1 : 0,
                        InputMethod = random.NextDouble() < 0.7 ? InputMethod.Scanner : random.NextDouble() < 0.5 ? InputMethod.Camera : InputMethod.Typed,
                        RecordedAt = Earlier(At(useDate, 12 + random.Next(8)), now),
                        CardAreaId = card.AreaId, IssuingSiteId = card.IssuingSiteId, CardType = card.Type, BirthYear = card.BirthYear,
                        Gender = card.Gender, LifeSituationId = card.LifeSituationId, PostalArea = card.PostalCode?[..2],
                    };
                    rows.Uses.Add(use);
                    rows.History.Add(new CardEvent { Id = Guid.CreateVersion7(), CardId = card.Id, Kind = CardEventKind.Used, At = use.RecordedAt, BySite = venue.Id, UseId = use.Id });
                }
            }
            if (rows.Count >= CardDemoRows.ChunkSize) { yield return rows; rows = new CardDemoRows(); }
        }

        // Today's events at the venues, for the ticket desk.
        foreach (var (_, _, venues) in network)
            foreach (var venue in venues)
            {
                var category = CategoryOf(venue.Name);
                rows.Events.Add(new VenueEvent { Id = EventId.New(), SiteId = venue.Id, Name = EventNameOf(category, random), StartsAt = At(today, 11), Category = category, CreatedAt = now });
                rows.Events.Add(new VenueEvent { Id = EventId.New(), SiteId = venue.Id, Name = EventNameOf(category, random), StartsAt = At(today, 18), Category = category, Quota = 20, CreatedAt = now });
            }
        yield return rows;
    }

    /// <summary>The category a demo venue's name suggests (swimming halls are sport, science centres science…).</summary>
    public static UseCategory CategoryOf(string venueName)
    {
        var n = venueName.ToLowerInvariant();
        if (n.Contains("uima") || n.Contains("simhall") || n.Contains("uinti")) return UseCategory.Sport;
        if (n.Contains("heureka") || n.Contains("terranova") || n.Contains("tiede")) return UseCategory.Science;
        if (n.Contains("opisto") || n.Contains("institut")) return UseCategory.Education;
        return UseCategory.Culture;
    }

    private static string EventNameOf(UseCategory category, Random random) => category switch
    {
        UseCategory.Sport => new[] { "Uinti", "Jääkiekko-ottelu", "Kuntosali", "Jalkapallo-ottelu" }[random.Next(4)],
        UseCategory.Science => new[] { "Tiedenäyttely", "Planetaarionäytös", "Luontonäyttely" }[random.Next(3)],
        UseCategory.Education => new[] { "Kurssi: kuvataide", "Kurssi: espanja", "Kurssi: keramiikka" }[random.Next(3)],
        _ => new[] { "Näyttely", "Konsertti", "Teatteriesitys", "Tanssiesitys", "Elokuva" }[random.Next(5)],
    };

    private static DateTime At(DateOnly day, int hour) => HelsinkiTime.ToUtc(day, new TimeOnly(hour, 0));

    /// <summary>Nothing is recorded in the future: today's demo uses were recorded by now.</summary>
    private static DateTime Earlier(DateTime a, DateTime b) => a < b ? a : b;

    private static int AgeOf(Random random)
    {
        var r = random.NextDouble();
        return r < 0.15 ? random.Next(16, 25) : r < 0.45 ? random.Next(25, 45) : r < 0.75 ? random.Next(45, 65) : random.Next(65, 90);
    }

    private static T Pick<T>(Random random, (T Value, double Weight)[] choices)
    {
        var total = choices.Sum(c => c.Weight);
        var r = random.NextDouble() * total;
        foreach (var (value, weight) in choices)
            if ((r -= weight) < 0) return value;
        return choices[^1].Value;
    }

    private static int Pick(Random random, (int Index, double Weight)[] choices) => Pick<int>(random, choices);

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
