using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Vakka.Platform.Audit;

namespace Vakka.Platform.Web;

/// <summary>Global page filter: reads each page handler's [Requires]/[Audited] declarations and enforces them.</summary>
public sealed class DeclarationPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var gate = http.RequestServices.GetRequiredService<RequestGate>();
        var method = context.HandlerMethod?.MethodInfo;
        var pageType = context.HandlerInstance.GetType();
        var declared = Declarations.Of(method, pageType);
        var decision = await gate.EnterAsync(http, declared, name => TargetValue(context, name),
            $"{pageType.Name}.{method?.Name ?? "(no handler)"}");

        switch (decision)
        {
            case GateDecision.Challenge: context.Result = new ChallengeResult(); return;
            case GateDecision.Forbid: context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden); return;
            case GateDecision.NotFound: context.Result = new NotFoundResult(); return;
        }

        var executed = await next();
        var failed = executed.Exception is not null && !executed.ExceptionHandled;
        var outcome = executed.Result switch
        {
            _ when failed => AuditOutcome.Failed,
            IStatusCodeActionResult { StatusCode: { } code } => RequestGate.OutcomeOf(code),
            PageResult when !context.ModelState.IsValid => AuditOutcome.Invalid,
            _ => AuditOutcome.Success,
        };
        await gate.LeaveAsync(http, outcome, failed);
    }

    /// <summary>
    /// The target id exactly as the handler received it: its bound argument, else its bound page property (model
    /// binding reads the form before the query string, so checking a query value could let a form field name another
    /// target), and only then the route and query values.
    /// </summary>
    private static string? TargetValue(PageHandlerExecutingContext context, string name)
    {
        if (context.HandlerArguments.TryGetValue(name, out var argument) && argument is not null) return argument.ToString();
        var property = context.HandlerInstance.GetType().GetProperty(name,
            System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase);
        if (property?.GetCustomAttributes(typeof(BindPropertyAttribute), true).Length > 0)
            return property.GetValue(context.HandlerInstance)?.ToString();
        return context.RouteData.Values.TryGetValue(name, out var route) && route is not null ? route.ToString()
            : context.HttpContext.Request.Query.TryGetValue(name, out var query) ? query.ToString() : null;
    }
}

/// <summary>Endpoint filter for minimal APIs: the same rules as <see cref="DeclarationPageFilter"/>.</summary>
public sealed class DeclarationEndpointFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var gate = http.RequestServices.GetRequiredService<RequestGate>();
        var endpoint = http.GetEndpoint();
        var declared = endpoint is null ? new Declarations(null, false, null, null) : Declarations.Of(endpoint.Metadata);
        var decision = await gate.EnterAsync(http, declared, name =>
            http.Request.RouteValues.TryGetValue(name, out var v) && v is not null ? v.ToString()
            : http.Request.Query.TryGetValue(name, out var q) ? q.ToString() : null,
            endpoint?.DisplayName ?? "(endpoint)");

        if (decision != GateDecision.Proceed)
        {
            var texts = http.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer>();
            switch (decision)
            {
                case GateDecision.Challenge: return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: texts["Access.SignInFirst"]);
                case GateDecision.Forbid: return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: texts["Access.Forbidden"]);
                case GateDecision.NotFound: return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: texts["Access.NotFound"]);
            }
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await gate.LeaveAsync(http, AuditOutcome.Failed, failed: true);
            throw;
        }
        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
        await gate.LeaveAsync(http, RequestGate.OutcomeOf(status), failed: false);
        return result;
    }
}
