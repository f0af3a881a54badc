using Microsoft.Extensions.Localization;
using Vakka.CultureCard.Domain;
using Vakka.CultureCard.Features.Desk;

namespace Vakka.CultureCard.Areas.CultureCard.Pages.Desk;

/// <summary>
/// The big answer at the top of the desk: a colour (kind), a symbol and a text, never the colour alone. The machine
/// code travels along (data-outcome) for tests and for the desk's own script.
/// </summary>
public sealed record DeskStatus(string Kind, string Symbol, string Title, string? Message, string? Code = null)
{
    public static DeskStatus Of(CardAnswer answer, IStringLocalizer texts) =>
        new(KindOf(answer.Outcome), SymbolOf(answer.Outcome), texts[answer.TitleKey], texts[answer.MessageKey, answer.MessageArgs], answer.MachineCode);

    public static DeskStatus Info(string title, string? message = null, string code = "INFO") => new("info", "i", title, message, code);
    public static DeskStatus Ok(string title, string? message, string code) => new("ok", "✓", title, message, code);
    public static DeskStatus Warn(string title, string? message, string code) => new("warn", "!", title, message, code);
    public static DeskStatus Stop(string title, string? message, string code) => new("stop", "✕", title, message, code);

    private static string KindOf(LookupOutcome outcome) => outcome switch
    {
        LookupOutcome.Valid => "ok",
        LookupOutcome.CheckCharacterInvalid => "warn",
        _ => "stop",
    };

    private static string SymbolOf(LookupOutcome outcome) => outcome switch
    {
        LookupOutcome.Valid => "✓",
        LookupOutcome.NotFound or LookupOutcome.CheckCharacterInvalid => "?",
        _ => "✕",
    };
}

/// <summary>The lookup form at the top of the desk: the ID, the event the desk is selling for, and how the ID came in.</summary>
public sealed class LookupForm
{
    public string? Code { get; set; }
    public EventId? EventId { get; set; }
    public InputMethod? Method { get; set; }
}

/// <summary>A number field with − and + buttons (the buttons appear with JavaScript; typing always works).</summary>
public sealed record StepperField(string Name, string Label, string? Hint, string Value, int Max, string? Error, string TestId, string Less, string More)
{
    public string Id => Name.Replace('.', '_');
}
