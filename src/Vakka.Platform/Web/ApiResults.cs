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

    /// <summary>A failed result as RFC 9457 problem details with field errors in the caller's language.</summary>
    public static ValidationProblem ToValidationProblem(this Result result, IStringLocalizer texts) =>
        TypedResults.ValidationProblem(
            result.Errors.GroupBy(e => string.IsNullOrEmpty(e.Field) ? "" : char.ToLowerInvariant(e.Field[0]) + e.Field[1..])
                .ToDictionary(g => g.Key, g => g.Select(e => texts[e.Key, e.Args].Value).ToArray()),
            title: texts[result.Kind == ResultKind.Conflict ? "Validation.ConcurrentEdit" : "Form.ErrorSummary"]);
}
