using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.Platform;
using Vakka.Platform.Data;

namespace Vakka.CultureCard.Features.Statistics;

/// <summary>
/// The yearly national table with exactly the columns of the public Kaikukortti statistics page: cards registered,
/// cards taken into use (first used that year), uses by adults and by children in culture, education, science and
/// sport, total uses, and the number of municipalities in the network.
/// </summary>
public sealed class NationalYearlyTable(VakkaDb db, ISiteDirectory sites, ReadUseBreakdowns breakdowns, ReadCardRegistrations registrations)
{
    public static readonly string[] Columns =
    [
        "CultureCard.Yearly.Registered", "CultureCard.Yearly.TakenIntoUse",
        "CultureCard.Yearly.AdultCulture", "CultureCard.Yearly.AdultEducation", "CultureCard.Yearly.AdultScience", "CultureCard.Yearly.AdultSport",
        "CultureCard.Yearly.ChildCulture", "CultureCard.Yearly.ChildEducation", "CultureCard.Yearly.ChildScience", "CultureCard.Yearly.ChildSport",
        "CultureCard.Yearly.Total", "CultureCard.Yearly.Municipalities",
    ];

    public async Task<StatTable> HandleAsync(CancellationToken ct)
    {
        var byYearAndArea = await registrations.NationalByYearAndAreaAsync(ct);
        var registered = byYearAndArea.GroupBy(x => x.Key.Year).Select(g => new { Year = g.Key, Count = g.Sum(x => x.Value) }).ToList();
        var firstUse = await db.Set<Card>().Where(c => c.FirstUsedOn != null).GroupBy(c => c.FirstUsedOn!.Value.Year)
            .Select(g => new { Year = g.Key, Count = g.Count() }).ToListAsync(ct);
        var uses = (await breakdowns.NationalByMonthAsync(Dim.Rolled.Single(d => d.Name == Dim.Category), ct))
            .GroupBy(x => (x.Key.Month.Year, Category: Enum.Parse<UseCategory>(x.Key.Key)))
            .Select(g => new { g.Key.Year, g.Key.Category, Adults = g.Sum(x => x.Value.Adults), Children = g.Sum(x => x.Value.Children) }).ToList();
        var areasByYear = byYearAndArea.Where(x => x.Value > 0).Select(x => new { x.Key.Year, AreaId = x.Key.Area }).ToList();
        var municipalities = (await sites.AreasAsync(ct)).ToDictionary(a => a.Id, a => a.Municipalities);

        var years = registered.Select(r => r.Year).Concat(uses.Select(u => u.Year)).Distinct().Order().ToList();
        var rows = years.Select(year =>
        {
            long Use(UseCategory c, bool adults) => uses.Where(u => u.Year == year && u.Category == c).Sum(u => adults ? u.Adults : u.Children);
            var adult = Enum.GetValues<UseCategory>().ToDictionary(c => c, c => Use(c, true));
            var child = Enum.GetValues<UseCategory>().ToDictionary(c => c, c => Use(c, false));
            var municipalityCount = areasByYear.Where(a => a.Year == year)
                .SelectMany(a => municipalities.GetValueOrDefault(a.AreaId) ?? []).Distinct(StringComparer.OrdinalIgnoreCase).Count();
            return new StatRow(year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [
                registered.FirstOrDefault(r => r.Year == year)?.Count ?? 0, firstUse.FirstOrDefault(f => f.Year == year)?.Count ?? 0,
                adult[UseCategory.Culture], adult[UseCategory.Education], adult[UseCategory.Science], adult[UseCategory.Sport],
                child[UseCategory.Culture], child[UseCategory.Education], child[UseCategory.Science], child[UseCategory.Sport],
                adult.Values.Sum() + child.Values.Sum(), municipalityCount,
            ]);
        }).ToList();
        return new StatTable("CultureCard.Yearly.Title", Columns, rows);
    }
}
