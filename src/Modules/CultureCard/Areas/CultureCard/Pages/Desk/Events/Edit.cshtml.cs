using Microsoft.AspNetCore.Mvc;
using Vakka.CultureCard.Access;
using Vakka.CultureCard.Audit;
using Vakka.CultureCard.Domain;
using Vakka.CultureCard.Features.Desk;
using Vakka.CultureCard.Features.Events;
using Vakka.Platform.Web;

namespace Vakka.CultureCard.Areas.CultureCard.Pages.Desk.Events;

/// <summary>Adds an event (no id) or changes or cancels one of the desk's own events.</summary>
public sealed class EditModel(SaveEvent save, CancelEvent cancel) : DeskPageModel
{
    public DeskSite Desk { get; private set; } = default!;

    [BindProperty] public EventForm Input { get; set; } = new();
    public EventId? Id { get; private set; }

    [Requires(CultureCardAction.ManageEvents), Audited(CultureCardAudit.EventList)]
    public async Task<IActionResult> OnGetAsync(EventId? id, CancellationToken ct)
    {
        if (await OwnDeskAsync(ct) is not { } desk) return refusal!;
        Id = id;
        if (id is null) return Page();
        if (await save.FormAsync(desk, id.Value, ct) is not { } form) return NotFound();
        Input = form;
        return Page();
    }

    [Requires(CultureCardAction.ManageEvents), Audited(CultureCardAudit.EventSave)]
    public async Task<IActionResult> OnPostAsync(EventId? id, CancellationToken ct)
    {
        if (await OwnDeskAsync(ct) is not { } desk) return refusal!;
        Id = id;
        if (!ModelState.IsValid) return Page();
        var saved = await save.HandleAsync(desk, id, Input, ct);
        if (Failure(saved) is { } failed) return failed;
        Audit.Target(saved.Value.Value);
        Flash = "Common.Saved";
        return Redirect(DeskLink(desk, "/culturecard/desk/events"));
    }

    [Requires(CultureCardAction.ManageEvents), Audited(CultureCardAudit.EventSave)]
    public async Task<IActionResult> OnPostCancelAsync(EventId id, CancellationToken ct)
    {
        if (await OwnDeskAsync(ct) is not { } desk) return refusal!;
        var cancelled = await cancel.HandleAsync(desk, id, ct);
        if (!cancelled.IsOk && Failure(cancelled) is { } failed and not Microsoft.AspNetCore.Mvc.RazorPages.PageResult) return failed;
        Flash = cancelled.IsOk ? "CultureCard.Events.CancelledFlash" : "CultureCard.Events.IsCancelled";
        return Redirect(DeskLink(desk, "/culturecard/desk/events"));
    }

    private IActionResult? refusal;

    private async Task<DeskSite?> OwnDeskAsync(CancellationToken ct)
    {
        (var desk, refusal) = await DeskAsync(CultureCardAction.ManageEvents, ct);
        if (desk is not null) Desk = desk;
        return desk;
    }
}
