using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.CultureCard.Features.Desk;
using Vakka.CultureCard.Features.Shared;
using Vakka.Platform.Data;
using Vakka.Platform.Finnish;
using Vakka.Platform.Results;

namespace Vakka.CultureCard.Features.Events;

/// <summary>An event of the venue as the form shows it: date and time in Finnish time.</summary>
public sealed class EventForm
{
    [Display(Name = "CultureCard.Events.Name")] public string? Name { get; set; }
    [Display(Name = "CultureCard.Events.Date")] public DateOnly? Date { get; set; }
    [Display(Name = "CultureCard.Events.Time")] public TimeOnly? Time { get; set; }
    [Display(Name = "CultureCard.Events.Category")] public UseCategory? Category { get; set; }
    [Display(Name = "CultureCard.Events.Quota")] public int? Quota { get; set; }

    internal static EventForm From(VenueEvent e)
    {
        var local = HelsinkiTime.ToLocal(e.StartsAt);
        return new() { Name = e.Name, Date = DateOnly.FromDateTime(local), Time = TimeOnly.FromDateTime(local), Category = e.Category, Quota = e.Quota };
    }
}

/// <summary>Adds or changes an event of the desk's venue. A quota cannot go below the tickets already recorded for it.</summary>
public sealed class SaveEvent(VakkaDb db, CardClock clock)
{
    public const int MaxQuota = 100_000;

    /// <summary>The form of one of the desk's events that is not cancelled, or null.</summary>
    public async Task<EventForm?> FormAsync(DeskSite desk, EventId id, CancellationToken ct) =>
        await db.Set<VenueEvent>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.SiteId == desk.Id && !e.IsCancelled, ct) is { } e
            ? EventForm.From(e) : null;

    public async Task<Result<EventId>> HandleAsync(DeskSite desk, EventId? id, EventForm form, CancellationToken ct)
    {
        VenueEvent? existing = null;
        if (id is { } eventId)
        {
            existing = await db.Set<VenueEvent>().FirstOrDefaultAsync(e => e.Id == eventId && e.SiteId == desk.Id, ct);
            if (existing is null) return Result<EventId>.From(Result.NotFound());
            if (existing.IsCancelled) return Result<EventId>.From(Result.Invalid("", "CultureCard.Events.IsCancelled"));
        }

        var v = new Validation();
        var name = form.Name?.Trim() ?? "";
        if (name.Length == 0) v.Add(nameof(form.Name), "CultureCard.Events.NameRequired");
        else if (name.Length > RecordUse.EventNameMax) v.Add(nameof(form.Name), "Validation.TooLong", "CultureCard.Events.Name", RecordUse.EventNameMax);
        var today = clock.Today;
        if (form.Date is not { } date) v.Add(nameof(form.Date), "CultureCard.Events.DateRequired");
        else if (date < today.AddYears(-1) || date > today.AddYears(2)) v.Add(nameof(form.Date), "CultureCard.Events.DateOutOfRange");
        if (form.Time is null) v.Add(nameof(form.Time), "CultureCard.Events.TimeRequired");
        if (form.Category is null) v.Add(nameof(form.Category), "CultureCard.Events.CategoryRequired");
        if (form.Quota is { } quota)
        {
            if (quota is < 1 or > MaxQuota) v.Add(nameof(form.Quota), "CultureCard.Events.QuotaRange", MaxQuota);
            else if (existing is not null)
            {
                var taken = (await OpenDesk.TakenAsync(db, [existing.Id], ct)).GetValueOrDefault(existing.Id);
                if (quota < taken) v.Add(nameof(form.Quota), "CultureCard.Events.QuotaBelowTaken", taken);
            }
        }
        if (!v.IsValid) return Result<EventId>.From(v.ToResult());

        var venueEvent = existing ?? new VenueEvent { Id = EventId.New(), SiteId = desk.Id, CreatedAt = clock.UtcNow };
        venueEvent.Name = name;
        venueEvent.StartsAt = HelsinkiTime.ToUtc(form.Date!.Value, form.Time!.Value);
        venueEvent.Category = form.Category!.Value;
        venueEvent.Quota = form.Quota;
        if (existing is null) db.Add(venueEvent);
        await db.SaveChangesAsync(ct);
        return venueEvent.Id;
    }
}
