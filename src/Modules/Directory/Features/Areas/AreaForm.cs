using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Vakka.Directory.Domain;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;
using Vakka.Platform.Results;

namespace Vakka.Directory.Features.Areas;

/// <summary>A Kaikukortti area: a name and its municipalities (one per line or separated by commas).</summary>
public sealed class AreaForm
{
    [Required(ErrorMessage = "Validation.Required"), StringLength(200, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Directory.Area.Name")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Validation.Required"), Display(Name = "Directory.Area.Municipalities")]
    public string? Municipalities { get; set; }

    public int Version { get; set; }

    public static IReadOnlyList<string> SplitMunicipalities(string? text) =>
        (text ?? "").Split(['\n', '\r', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.CurrentCultureIgnoreCase).ToList();

    internal async Task<(Validation, IReadOnlyList<string>)> ValidateAsync(VakkaDb db, AreaId? self, CancellationToken ct)
    {
        var v = new Validation();
        var name = Name?.Trim() ?? "";
        if (await db.Set<Area>().AnyAsync(a => a.Name == name && (self == null || a.Id != self), ct))
            v.Add(nameof(Name), "Directory.Area.NameTaken");

        var municipalities = SplitMunicipalities(Municipalities);
        if (municipalities.Count == 0) v.Add(nameof(Municipalities), "Validation.Required");
        foreach (var m in municipalities.Where(m => m.Length > 100 || m.Any(char.IsDigit)))
            v.Add(nameof(Municipalities), "Directory.Area.MunicipalityInvalid", m);

        var taken = await (from am in db.Set<AreaMunicipality>()
                           join a in db.Set<Area>() on am.AreaId equals a.Id
                           where a.IsActive && (self == null || a.Id != self)
                           select new { am.Name, Area = a.Name }).ToListAsync(ct);
        foreach (var clash in taken.Where(t => municipalities.Contains(t.Name, StringComparer.CurrentCultureIgnoreCase)))
            v.Add(nameof(Municipalities), "Directory.Area.MunicipalityTaken", clash.Name, clash.Area);
        return (v, municipalities);
    }
}

public sealed record AreaRow(AreaId Id, string Name, IReadOnlyList<string> Municipalities, IReadOnlyList<string> Coordinators,
    int SiteCount, bool IsActive);
