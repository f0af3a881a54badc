using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vakka.CultureCard.Access;
using Vakka.CultureCard.Audit;
using Vakka.CultureCard.Domain;
using Vakka.CultureCard.Features.Desk;
using Vakka.Platform.Audit;
using Vakka.Platform.Finnish;
using Vakka.Platform.Results;
using Vakka.Platform.Web;

namespace Vakka.CultureCard.Areas.CultureCard.Pages.Desk;

/// <summary>
/// The ticket desk. Every answer is a full page without JavaScript; the desk's script asks for the same handlers with
/// <see cref="FragmentHeader"/> and gets only the changing parts (the answer, the form, the recent uses).
/// </summary>
public sealed class IndexModel(OpenDesk open, LookupCard lookup, RecordUse record, CancelUse cancel) : DeskPageModel
{
    public const string FragmentHeader = "X-Desk-Fragment";

    public DeskBoard Board { get; private set; } = default!;
    public LookupForm Lookup { get; private set; } = new();
    public RecordUseForm Record { get; private set; } = new();
    public CardAnswer? Answer { get; private set; }
    public RecordUseResult? Outcome { get; private set; }
    public DeskStatus? Status { get; private set; }
    /// <summary>Show the record-use form (a valid card, a form with errors, or a second use waiting for confirmation).</summary>
    public bool ShowRecordForm { get; private set; }

    [Requires(CultureCardAction.UseDesk), Audited(CultureCardAudit.DeskOpen)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await OpenAsync(CultureCardAction.UseDesk, BoardRead.Full, ct) is not null ? Respond() : refusal!;

    [Requires(CultureCardAction.LookupCard), Audited(CultureCardAudit.CardLookup)]
    public async Task<IActionResult> OnPostLookupAsync([Bind(Prefix = "Lookup")] LookupForm input, CancellationToken ct)
    {
        // A lookup changes none of the recent uses: the desk's script keeps the list it shows, so only a full page reads it.
        if (await OpenAsync(CultureCardAction.LookupCard, IsFragment ? BoardRead.WithoutRecent : BoardRead.Full, ct) is not { } desk) return refusal!;
        Lookup = input;
        if (!ModelState.IsValid)
        {
            Audit.Outcome(AuditOutcome.Invalid);
            return Respond(DeskStatus.Warn(Texts["CultureCard.Desk.CheckInput"], string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)), "INPUT_INVALID"));
        }
        var found = await lookup.HandleAsync(desk, new LookupCard.Query(input.Code, input.EventId), ct);
        if (!found.IsOk)
        {
            Audit.Outcome(AuditOutcome.Invalid);
            return Respond(InputProblem(found));
        }
        ShowAnswer(found.Value, input.Method);
        return Respond();
    }

    [Requires(CultureCardAction.RecordUse), Audited(CultureCardAudit.UseRecord)]
    public async Task<IActionResult> OnPostRecordAsync([Bind(Prefix = "Record")] RecordUseForm form, CancellationToken ct)
    {
        if (await OpenAsync(CultureCardAction.RecordUse, BoardRead.AfterChange, ct) is not { } desk) return refusal!;
        Record = form;
        Lookup = new LookupForm { EventId = form.EventId, Method = form.Method };
        Result<RecordUseResult>? done = ModelState.IsValid ? await record.HandleAsync(await ActorAsync(), desk, form, ct) : null;
        if (done is { IsOk: false } && Failure(done, "Record") is { } failed and not PageResult) return failed;
        if (done is not { IsOk: true })
        {
            Audit.Outcome(AuditOutcome.Invalid);
            Answer = (await lookup.HandleAsync(desk, new LookupCard.Query(form.Code, form.EventId), ct)) is { IsOk: true } again ? again.Value : null;
            ShowRecordForm = Answer is not null;
            return await ReloadAsync(desk, DeskStatus.Warn(Texts["CultureCard.Desk.NotRecorded"], Texts["CultureCard.Desk.CheckForm"], "INPUT_INVALID"), ct);
        }
        Outcome = done.Value;
        Answer = Outcome.Answer;
        switch (Outcome.Status)
        {
            case RecordStatus.Recorded:
                Record = new RecordUseForm();
                return await ReloadAsync(desk, DeskStatus.Ok(Texts["CultureCard.Desk.Recorded"],
                    Texts["CultureCard.Desk.RecordedSummary", Outcome.Adults, Outcome.Children, Outcome.Assistants, Outcome.EventName], "USE_RECORDED"), ct);
            case RecordStatus.NeedsConfirmation:
                Record.ConfirmRepeat = true;
                ShowRecordForm = true;
                return await ReloadAsync(desk, DeskStatus.Warn(Texts["CultureCard.Desk.AlreadyUsed"],
                    Texts["CultureCard.Desk.AlreadyUsedMessage", Outcome.PreviousUseAt!.Value.Local("t"), Outcome.EventName], "CONFIRM_REPEAT"), ct);
            default:
                var refusal = DeskStatus.Of(Outcome.Answer, Texts);
                return await ReloadAsync(desk, refusal with { Message = $"{refusal.Message} {Texts["CultureCard.Desk.NothingRecorded"]}" }, ct);
        }
    }

    [Requires(CultureCardAction.CancelUse, Target = "id"), Audited(CultureCardAudit.UseCancel)]
    public async Task<IActionResult> OnPostCancelAsync([FromQuery] UseId id, CancelReason? reason, CancellationToken ct)
    {
        if (await OpenAsync(CultureCardAction.UseDesk, BoardRead.AfterChange, ct) is not { } desk) return refusal!;
        var cancelled = await cancel.HandleAsync(await ActorAsync(), id, reason, ct);
        if (cancelled.Kind is ResultKind.NotFound or ResultKind.Forbidden) return Failure(cancelled)!;
        if (!cancelled.IsOk) Audit.Outcome(AuditOutcome.Invalid);
        return await ReloadAsync(desk, cancelled.IsOk ? DeskStatus.Info(Texts["CultureCard.Desk.Cancelled"], null, "USE_CANCELLED") : InputProblem(cancelled), ct);
    }

    private void ShowAnswer(CardAnswer answer, InputMethod? method)
    {
        Answer = answer;
        ShowRecordForm = answer.IsValid;
        var chosen = Board.Events.FirstOrDefault(e => e.Id == answer.EventId);
        Record = new RecordUseForm
        {
            Code = answer.Code, EventId = chosen?.Id, Category = chosen?.Category ?? Board.LastCategory,
            EventName = chosen is null ? Board.LastEventName : null, UseDate = Board.Today, Method = method ?? InputMethod.Typed,
        };
        Status = DeskStatus.Of(answer, Texts);
    }

    private DeskStatus InputProblem(Result result) => DeskStatus.Warn(Texts["CultureCard.Desk.CheckInput"],
        string.Join(" ", result.Errors.Select(e => Texts[e.Key, e.Args].Value)), "INPUT_INVALID");

    private IActionResult? refusal;
    private Func<UseId, string>? cancelAction;

    /// <summary>
    /// The address of a use's cancel form (the recent uses have one per row, the answer after a recording one more): the
    /// page's address is made once per answer and each use's id put into it, instead of one route generation per form.
    /// </summary>
    public Func<UseId, string> CancelAction()
    {
        if (cancelAction is null)
        {
            const string slot = "USE-ID";
            var template = Url.Page(pageName: null, pageHandler: "Cancel", values: new { venueId = VenueId?.ToString(), id = slot })
                ?? throw new InvalidOperationException("The desk's cancel address could not be made.");
            cancelAction = id => template.Replace(slot, id.ToString(), StringComparison.Ordinal);
        }
        return cancelAction;
    }

    private bool IsFragment => Request.Headers.ContainsKey(FragmentHeader);

    /// <summary>What a handler reads of the desk's board before it acts: all of it, all but the recent uses, or nothing
    /// (a handler that changes something reads the board once, after the change, in <see cref="ReloadAsync"/>).</summary>
    private enum BoardRead { Full, WithoutRecent, AfterChange }

    private async Task<DeskSite?> OpenAsync(Enum action, BoardRead board, CancellationToken ct)
    {
        (var desk, refusal) = await DeskAsync(action, ct);
        if (desk is null) return null;
        if (board != BoardRead.AfterChange) Board = await open.HandleAsync(desk, ct, withRecent: board == BoardRead.Full);
        return desk;
    }

    private async Task<IActionResult> ReloadAsync(DeskSite desk, DeskStatus status, CancellationToken ct)
    {
        Board = await open.HandleAsync(desk, ct); // the recent uses and the quota left after this change
        return Respond(status);
    }

    private IActionResult Respond(DeskStatus? status = null)
    {
        Status = status ?? Status;
        if (!IsFragment) return Page();
        Response.Headers[FragmentHeader] = "1";
        return Partial("_DeskFragment", this);
    }
}
