using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Vakka.Platform.Audit;
using Vakka.Platform.Results;

namespace Vakka.Platform.Web;

public static class ApiResults
{
    /// <summary>The request's audit context, to add the ids a handler discovers.</summary>
    public static AuditContext Audit(this HttpContext http) => http.RequestServices.GetRequiredService<AuditContext>();

    /// <summary>A failed result as problem details: 400 with field errors, 409 for a lost race, 404, 403.</summary>
    public static IResult ToProblem(this Result result, IStringLocalizer texts) => result.Kind switch
    {
        ResultKind.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
            title: texts[result.Errors.FirstOrDefault()?.Key ?? "Validation.ConcurrentEdit"]),
        ResultKind.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: texts["Access.NotFound"]),
        ResultKind.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: texts["Access.Forbidden"]),
        _ => result.ToValidationProblem(texts),
    };

    /// <summary>A failed result as RFC 9457 problem details with field errors in the caller's language.</summary>
    public static ValidationProblem ToValidationProblem(this Result result, IStringLocalizer texts) =>
        TypedResults.ValidationProblem(
            result.Errors.GroupBy(e => string.IsNullOrEmpty(e.Field) ? "" : char.ToLowerInvariant(e.Field[0]) + e.Field[1..])
                .ToDictionary(g => g.Key, g => g.Select(e => texts[e.Key, e.Args].Value).ToArray()),
            title: texts["Form.ErrorSummary"]);
}
