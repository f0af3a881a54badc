using Microsoft.Extensions.DependencyInjection;
using Vakka.CultureCard.Access;
using Vakka.Platform.Access;
using Vakka.Platform.Ids;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;

namespace Vakka.Tests.CultureCard;

/// <summary>
/// The national coordinator's actions: card batches, the life-situation list and area rules (which an area coordinator
/// also has for their own area), asked of the engine directly against real rows in two areas.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class BatchAccessTests(VakkaFactory app)
{
    public enum Who
    {
        SystemAdmin, NationalCoordinator, Auditor, AreaCoordinatorA, AreaCoordinatorB,
        DistributorSiteA, VenueSiteA, TicketIntermediaryA, PersonWithoutRoles, Anonymous,
    }

    public enum On { NoTarget, AreaA, AreaB, Unknown }

    private static readonly Who[] Columns =
    [
        Who.SystemAdmin, Who.NationalCoordinator, Who.Auditor, Who.AreaCoordinatorA, Who.AreaCoordinatorB,
        Who.DistributorSiteA, Who.VenueSiteA, Who.TicketIntermediaryA, Who.PersonWithoutRoles, Who.Anonymous,
    ];

    private sealed record Line(CultureCardAction Action, On Target, string Cells);

    /// <summary>Y = allowed, N = denied. An unknown area is denied to everyone, the national coordinator included.</summary>
    private static readonly Line[] Matrix =
    [
        //                                                          Adm Nat Aud CoA CoB DsA VnA TiA Per Ano
        new(CultureCardAction.ManageBatches, On.NoTarget,           "N   Y   N   N   N   N   N   N   N   N"),
        new(CultureCardAction.ManageLifeSituations, On.NoTarget,    "N   Y   N   N   N   N   N   N   N   N"),
        new(CultureCardAction.ManageAreaRules, On.NoTarget,         "N   Y   N   Y   Y   N   N   N   N   N"),
        new(CultureCardAction.ManageAreaRules, On.AreaA,            "N   Y   N   Y   N   N   N   N   N   N"),
        new(CultureCardAction.ManageAreaRules, On.AreaB,            "N   Y   N   N   Y   N   N   N   N   N"),
        new(CultureCardAction.ManageAreaRules, On.Unknown,          "N   N   N   N   N   N   N   N   N   N"),
    ];

    public static TheoryData<CultureCardAction, Who, On, bool> Cells()
    {
        var data = new TheoryData<CultureCardAction, Who, On, bool>();
        foreach (var line in Matrix)
        {
            var cells = line.Cells.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length != Columns.Length) throw new InvalidOperationException($"{line.Action} on {line.Target}: {cells.Length} cells.");
            for (var i = 0; i < cells.Length; i++) data.Add(line.Action, Columns[i], line.Target, cells[i] == "Y");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Access_matrix(CultureCardAction action, Who who, On target, bool allowed)
    {
        var world = await World.OfAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<AccessControl>();

        var actual = await access.HasAsync(world.Actors[who], action, world.Target(target), CancellationToken.None);

        Assert.True(actual == allowed, $"{who} {(allowed ? "should" : "should NOT")} be allowed {action} on {target}.");
    }

    [Fact]
    public void Each_of_the_three_actions_has_rows_that_allow_and_deny()
    {
        var cells = Cells().Select(r => (Action: r.Data.Item1, Allowed: r.Data.Item4)).ToList();
        foreach (var action in new[] { CultureCardAction.ManageBatches, CultureCardAction.ManageLifeSituations, CultureCardAction.ManageAreaRules })
        {
            Assert.Contains(cells, c => c.Action == action && c.Allowed);
            Assert.Contains(cells, c => c.Action == action && !c.Allowed);
        }
    }

    [Fact]
    public async Task Area_rules_list_shows_the_national_coordinator_every_area_and_a_coordinator_their_own()
    {
        var world = await World.OfAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<AccessControl>();

        Assert.True(access.Filter(world.Actors[Who.NationalCoordinator], CultureCardAction.ManageAreaRules).All);
        var own = access.Filter(world.Actors[Who.AreaCoordinatorA], CultureCardAction.ManageAreaRules);
        Assert.False(own.All);
        Assert.Equal([world.AreaA.Value], own.AreaIds);
        Assert.True(access.Filter(world.Actors[Who.VenueSiteA], CultureCardAction.ManageAreaRules).IsEmpty);
        Assert.True(access.Filter(world.Actors[Who.SystemAdmin], CultureCardAction.ManageBatches).IsEmpty);
        Assert.True(access.Filter(world.Actors[Who.NationalCoordinator], CultureCardAction.ManageBatches).All);
    }

    private sealed class World
    {
        private static readonly SemaphoreSlim Gate = new(1, 1);
        private static (VakkaFactory App, World World)? cached;

        public required AreaId AreaA { get; init; }
        public required AreaId AreaB { get; init; }
        public required Dictionary<Who, Actor> Actors { get; init; }
        private readonly Guid unknown = Guid.CreateVersion7();

        public Guid? Target(On on) => on switch
        {
            On.NoTarget => null,
            On.AreaA => AreaA.Value,
            On.AreaB => AreaB.Value,
            On.Unknown => unknown,
            _ => throw new ArgumentOutOfRangeException(nameof(on)),
        };

        public static async Task<World> OfAsync(VakkaFactory app)
        {
            await Gate.WaitAsync();
            try
            {
                if (cached is { } c && ReferenceEquals(c.App, app)) return c.World;
                var areaA = await TestData.AreaAsync(app);
                var areaB = await TestData.AreaAsync(app);
                var org = await TestData.OrganisationAsync(app);
                var distributor = await TestData.SiteAsync(app, org, areaA, SiteType.Distributor);
                var venue = await TestData.SiteAsync(app, org, areaA, SiteType.Venue);
                var intermediary = await TestData.SiteAsync(app, org, areaA, SiteType.TicketIntermediary);

                static Actor Person(params RoleAssignment[] roles) => new(new AccountId(Guid.CreateVersion7()), null, roles);
                static Actor SiteAccount(SiteId site, Role role) =>
                    new(new AccountId(Guid.CreateVersion7()), site.Value, [new RoleAssignment(role, Scope.Site(site.Value))]);

                var world = new World
                {
                    AreaA = areaA.Id, AreaB = areaB.Id,
                    Actors = new()
                    {
                        [Who.SystemAdmin] = Person(new RoleAssignment(Role.SystemAdmin, Scope.Global)),
                        [Who.NationalCoordinator] = Person(new RoleAssignment(Role.NationalCoordinator, Scope.Global)),
                        [Who.Auditor] = Person(new RoleAssignment(Role.Auditor, Scope.Global)),
                        [Who.AreaCoordinatorA] = Person(new RoleAssignment(Role.AreaCoordinator, Scope.Area(areaA.Id.Value))),
                        [Who.AreaCoordinatorB] = Person(new RoleAssignment(Role.AreaCoordinator, Scope.Area(areaB.Id.Value))),
                        [Who.DistributorSiteA] = SiteAccount(distributor.Id, Role.DistributorSite),
                        [Who.VenueSiteA] = SiteAccount(venue.Id, Role.VenueSite),
                        [Who.TicketIntermediaryA] = SiteAccount(intermediary.Id, Role.TicketIntermediary),
                        [Who.PersonWithoutRoles] = Person(),
                        [Who.Anonymous] = Actor.Anonymous,
                    },
                };
                cached = (app, world);
                return world;
            }
            finally
            {
                Gate.Release();
            }
        }
    }
}
