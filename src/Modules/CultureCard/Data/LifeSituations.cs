using Vakka.CultureCard.Domain;

namespace Vakka.CultureCard.Data;

/// <summary>The life-situation list the registry starts with; the national coordinator maintains it from then on.</summary>
internal static class LifeSituations
{
    public static readonly LifeSituation[] Seed =
    [
        new() { Id = 1, Code = "unemployed", NameFi = "Työtön", NameSv = "Arbetslös", NameEn = "Unemployed", Order = 10 },
        new() { Id = 2, Code = "laid-off", NameFi = "Lomautettu", NameSv = "Permitterad", NameEn = "Laid off", Order = 20 },
        new() { Id = 3, Code = "student", NameFi = "Opiskelija", NameSv = "Studerande", NameEn = "Student", Order = 30 },
        new() { Id = 4, Code = "disability-pension", NameFi = "Työkyvyttömyyseläkkeellä", NameSv = "Sjukpensionär", NameEn = "Disability pension", Order = 40 },
        new() { Id = 5, Code = "old-age-pension", NameFi = "Vanhuuseläkkeellä", NameSv = "Ålderspensionär", NameEn = "Old-age pension", Order = 50 },
        new() { Id = 6, Code = "long-term-illness", NameFi = "Pitkäaikaissairas", NameSv = "Långvarigt sjuk", NameEn = "Long-term illness", Order = 60 },
        new() { Id = 7, Code = "family-leave", NameFi = "Perhevapaalla tai kotihoidon tuella", NameSv = "Familjeledig eller med hemvårdsstöd", NameEn = "Family leave or home-care allowance", Order = 70 },
        new() { Id = 8, Code = "low-income-worker", NameFi = "Pienituloinen työssäkäyvä", NameSv = "Förvärvsarbetande med låg inkomst", NameEn = "Low-income worker", Order = 80 },
        new() { Id = 9, Code = "other", NameFi = "Muu", NameSv = "Annat", NameEn = "Other", Order = 90 },
    ];
}
