using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Vakka.Cda;

namespace Vakka.Archive.Features.Documents;

/// <summary>One refusal or warning: a machine code (design §b), the XPath it concerns (if any) and the library's English reason.</summary>
public sealed record ArchiveError(string Code, string? Path = null, string? Reason = null)
{
    public static ArchiveError Of(CdaIssue issue) => new(issue.Code, issue.Path, issue.Reason);
}

/// <summary>The archive-state codes of design §b stage E and the API's own (transport, query, integrity).</summary>
public static class ArchiveCodes
{
    public const string ContentTypeUnsupported = "CONTENT_TYPE_UNSUPPORTED";
    public const string RegistrarUnknown = "REGISTRAR_UNKNOWN";
    public const string RegistrarNotCaller = "REGISTRAR_NOT_CALLER";
    public const string DocumentIdDuplicate = "DOCUMENT_ID_DUPLICATE";
    public const string VersionFirstInvalid = "VERSION_FIRST_INVALID";
    public const string SetIdUnknown = "SET_ID_UNKNOWN";
    public const string VersionNotConsecutive = "VERSION_NOT_CONSECUTIVE";
    public const string SetVoided = "SET_VOIDED";
    public const string VersionClientChanged = "VERSION_CLIENT_CHANGED";
    public const string VersionTypeChanged = "VERSION_TYPE_CHANGED";
    public const string VersionConflict = "VERSION_CONFLICT";
    public const string VoidReasonMissing = "VOID_REASON_MISSING";
    public const string VoidReasonTooLong = "VOID_REASON_TOO_LONG";
    public const string OnBehalfOfInvalid = "ON_BEHALF_OF_INVALID";
    public const string AlreadyVoided = "ALREADY_VOIDED";
    public const string DocumentNotFound = "DOCUMENT_NOT_FOUND";
    public const string DocumentVoided = "DOCUMENT_VOIDED";
    public const string IntegrityFailure = "ARCHIVE_INTEGRITY_FAILURE";
    public const string BodyInvalid = "REQUEST_BODY_INVALID";
    public const string QueryTooBroad = "QUERY_TOO_BROAD";
    public const string QueryRangeInvalid = "QUERY_RANGE_INVALID";
    public const string QueryLimitInvalid = "QUERY_LIMIT_INVALID";
    public const string QueryCursorInvalid = "QUERY_CURSOR_INVALID";
    public const string QueryValueInvalid = "QUERY_VALUE_INVALID";
    public const string QueryRegistrarNotYours = "QUERY_REGISTRAR_NOT_YOURS";
    public const string RetentionClientInvalid = "RETENTION_CLIENT_INVALID";
    public const string RetentionDateInvalid = "RETENTION_DATE_INVALID";
    public const string PersonUnknown = "PERSON_UNKNOWN";
    public const string CaseIdInvalid = "CASE_ID_INVALID";
    public const string CaseUnknown = "CASE_UNKNOWN";
    public const string ServiceTaskInvalid = "SERVICE_TASK_INVALID";
    public const string ServiceTaskMissing = "SERVICE_TASK_MISSING";
    public const string RegistrarMissing = "REGISTRAR_MISSING";
    public const string RetentionEventConflict = "RETENTION_EVENT_CONFLICT";
    public const string DocumentDestroyed = "DOCUMENT_DESTROYED";
    public const string SetDestructionProposed = "SET_DESTRUCTION_PROPOSED";
    public const string DestructionDateInvalid = "DESTRUCTION_DATE_INVALID";
    public const string DestructionNothingEnded = "DESTRUCTION_NOTHING_ENDED";
    public const string DestructionConflict = "DESTRUCTION_CONFLICT";
    public const string DestructionUnknown = "DESTRUCTION_UNKNOWN";
    public const string DestructionOwnProposal = "DESTRUCTION_OWN_PROPOSAL";
    public const string DestructionDecided = "DESTRUCTION_DECIDED";
    public const string DestructionReasonInvalid = "DESTRUCTION_REASON_INVALID";
}

/// <summary>The outcome of a use case that the API turns into a status and a body.</summary>
public sealed record ArchiveOutcome<T>(int Status, T? Value, IReadOnlyList<ArchiveError> Errors)
{
    public bool IsOk => Status < 400;
    public static ArchiveOutcome<T> Ok(T value, int status = StatusCodes.Status200OK) => new(status, value, []);
    public static ArchiveOutcome<T> Refused(int status, params ArchiveError[] errors) => new(status, default, errors);
    public static ArchiveOutcome<T> Refused(int status, string code) => new(status, default, [new ArchiveError(code)]);
}

/// <summary>
/// Refusals as RFC 9457 problem details with <c>code</c> (the first error's) and <c>errors[]</c> of
/// <c>{ code, path, message, reason }</c>: the message in the caller's language (fi by default, sv, en) from
/// archive.texts.json, the reason the library's English detail.
/// </summary>
public static class ArchiveProblems
{
    public sealed record ProblemError(string Code, string? Path, string Message, string? Reason);

    public static IResult Of(int status, IReadOnlyList<ArchiveError> errors, IStringLocalizer texts, IReadOnlyList<ArchiveError>? warnings = null)
    {
        var listed = errors.Select(e => Localise(e, texts)).ToList();
        var extensions = new Dictionary<string, object?>
        {
            ["code"] = errors.Count > 0 ? errors[0].Code : null,
            ["errors"] = listed,
        };
        if (warnings is { Count: > 0 }) extensions["warnings"] = warnings.Select(w => Localise(w, texts)).ToList();
        var title = listed.Count == 1 ? listed[0].Message : texts["Archive.Problem.Refused"].Value;
        return TypedResults.Problem(statusCode: status, title: title, extensions: extensions);
    }

    public static IResult Of<T>(ArchiveOutcome<T> outcome, IStringLocalizer texts) => Of(outcome.Status, outcome.Errors, texts);

    public static ProblemError Localise(ArchiveError error, IStringLocalizer texts) =>
        new(error.Code, error.Path, Message(error, texts), error.Reason);

    /// <summary>The code's own text, or else its family's (…_MISSING, …_INVALID, …_UNKNOWN, …) naming the path.</summary>
    public static string Message(ArchiveError error, IStringLocalizer texts)
    {
        var own = texts[$"Archive.Code.{error.Code}", error.Path ?? "–"];
        if (!own.ResourceNotFound) return own.Value;
        var family = error.Code switch
        {
            var c when c.EndsWith("_MISSING", StringComparison.Ordinal) => "Missing",
            var c when c.EndsWith("_UNKNOWN", StringComparison.Ordinal) => "Unknown",
            var c when c.EndsWith("_MISMATCH", StringComparison.Ordinal) => "Mismatch",
            var c when c.EndsWith("_NOT_CODED", StringComparison.Ordinal) => "NotCoded",
            _ => "Invalid",
        };
        return texts[$"Archive.Code.Family.{family}", error.Path ?? "–"].Value;
    }
}
