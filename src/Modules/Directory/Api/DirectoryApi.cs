using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Vakka.Directory.Access;
using Vakka.Directory.Audit;
using Vakka.Directory.Domain;
using Vakka.Directory.Features.Sites;
using Vakka.Platform;
using Vakka.Platform.Ids;
using Vakka.Platform.Results;
using Vakka.Platform.Web;

namespace Vakka.Directory.Api;

/// <summary>
/// The Directory's JSON routes, mapped to the same handlers as the pages and under the same declarations.
/// Signed in with the session cookie for now; API keys for other systems come with the modules that need them.
/// </summary>
public static class DirectoryApi
{
    public sealed record MeResponse(string DisplayName, IReadOnlyList<RoleResponse> Roles);
    public sealed record RoleResponse(string Role, string? Scope);
    public sealed record SiteResponse(Guid Id, string Name, string Oid, string Type, string Municipality, string Organisation, string? Area, bool IsActive);

    public static IEndpointRouteBuilder MapDirectoryApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").Declared().WithTags("Directory");

        api.MapGet("/me", async (CurrentActor current, IAccountDirectory accounts, CancellationToken ct) =>
            {
                var me = await accounts.DescribeAsync(await current.GetAsync(ct), ct);
                return TypedResults.Ok(new MeResponse(me.DisplayName, me.Roles.Select(r => new RoleResponse(r.Role.ToString(), r.ScopeName)).ToList()));
            })
            .WithSummary("The signed-in account and its roles")
            .Requires(DirectoryAction.ManageOwnAccount).NoAudit("the account's own roles");

        api.MapGet("/directory/sites", async (string? search, SiteType? type, AreaId? area, CurrentActor current, ListSites list, HttpContext http, CancellationToken ct) =>
            {
                var rows = await list.HandleAsync(await current.GetAsync(ct), new ListSites.Query(search, type, area, false), ct);
                foreach (var row in rows) http.Audit().Target(row.Id.Value);
                return TypedResults.Ok(rows.Select(s => new SiteResponse(s.Id.Value, s.Name, s.Oid, s.Type.ToString(), s.Municipality, s.OrganisationName, s.AreaName, s.IsActive)).ToList());
            })
            .WithSummary("Sites the caller may see (all, or the own area's)")
            .Requires(DirectoryAction.ViewSites).Audited(DirectoryAudit.SiteList);

        api.MapGet("/directory/sites/{id}", async Task<Results<Ok<SiteResponse>, NotFound>> (SiteId id, GetSite get, CancellationToken ct) =>
            await get.HandleAsync(id, ct) is { } s
                ? TypedResults.Ok(new SiteResponse(s.Id.Value, s.Form.Name!, s.Form.Oid!, s.Form.Type.ToString()!, s.Form.Municipality!, s.OrganisationName, s.AreaName, s.IsActive))
                : TypedResults.NotFound())
            .WithSummary("One site")
            .Requires(DirectoryAction.ViewSite, target: "id").Audited(DirectoryAudit.SiteRead);

        api.MapPost("/directory/sites", async Task<IResult> (SiteForm form, CurrentActor current,
                CreateSite create, GetSite get, IStringLocalizer texts, CancellationToken ct) =>
            {
                var check = FormValidation.Check(form);
                if (!check.IsValid) return check.ToResult().ToValidationProblem(texts);
                var result = await create.HandleAsync(await current.GetAsync(ct), form, ct);
                if (!result.IsOk) return result.ToProblem(texts);
                var s = (await get.HandleAsync(result.Value, ct))!;
                return TypedResults.Created($"/api/v1/directory/sites/{s.Id}",
                    new SiteResponse(s.Id.Value, s.Form.Name!, s.Form.Oid!, s.Form.Type.ToString()!, s.Form.Municipality!, s.OrganisationName, s.AreaName, s.IsActive));
            })
            .WithSummary("Add a site (an area coordinator: in their own area)")
            .Produces<SiteResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .Requires(DirectoryAction.CreateSite).Audited(DirectoryAudit.SiteCreate);

        return endpoints;
    }
}
