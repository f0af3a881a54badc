using Microsoft.Extensions.DependencyInjection;
using Vakka.Directory.Access;
using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Ids;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;

namespace Vakka.Tests.Access;

/// <summary>
/// The access matrix of the Directory: for every <see cref="DirectoryAction"/>, which roles on which scope may act on
/// which target, asked of the engine directly against real rows (two areas, an organisation, sites and site accounts
/// in both areas, a personal account).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DirectoryAccessTests(VakkaFactory app)
{
    /// <summary>Who asks. Site accounts hold their site's role on their own site only.</summary>
    public enum Who
    {
        SystemAdmin, NationalCoordinator, Auditor,
        /// <summary>Archivist of the organisation that runs every site of the world.</summary>
        Archivist,
        AreaCoordinatorA, AreaCoordinatorB,
        /// <summary>The site account of the distributor site in area A.</summary>
        DistributorSiteA,
        /// <summary>The site account of the venue site in area A.</summary>
        VenueSiteA,
        /// <summary>The site account of the venue site in area B.</summary>
        VenueSiteB,
        /// <summary>The site account of the ticket intermediary in area A.</summary>
        TicketIntermediaryA,
        /// <summary>A signed-in personal account with no roles.</summary>
        PersonWithoutRoles,
        Anonymous,
    }

    /// <summary>What the action is asked about.</summary>
    public enum On
    {
        /// <summary>No target: a list page or a menu entry ("may the actor do this somewhere?").</summary>
        NoTarget,
        AreaA, AreaB, Organisation,
        VenueSiteInA, DistributorSiteInA, VenueSiteInB,
        /// <summary>The site account of the venue site in A (also the actor <see cref="Who.VenueSiteA"/>).</summary>
        SiteAccountInA,
        SiteAccountInB,
        /// <summary>The personal account of <see cref="Who.PersonWithoutRoles"/>.</summary>
        PersonalAccount,
        /// <summary>A random id that is nowhere in the database.</summary>
        Unknown,
    }

    /// <summary>The columns of the matrix, in the order the cells are written.</summary>
    private static readonly Who[] Columns =
    [
        Who.SystemAdmin, Who.NationalCoordinator, Who.Auditor, Who.Archivist, Who.AreaCoordinatorA, Who.AreaCoordinatorB,
        Who.DistributorSiteA, Who.VenueSiteA, Who.VenueSiteB, Who.TicketIntermediaryA, Who.PersonWithoutRoles, Who.Anonymous,
    ];

    private sealed record Line(DirectoryAction Action, On Target, string Cells);

    private static Line Row(DirectoryAction action, On target, string cells) => new(action, target, cells);

    /// <summary>
    /// Y = allowed, N = denied, "-" = not asked here. An unknown target is denied to everyone, global roles included
    /// (the page then answers 404, see the slice tests).
    /// </summary>
    private static readonly Line[] Matrix =
    [
        //                                                      Adm Nat Aud Arc CoA CoB DsA VnA VnB TiA Per Ano
        Row(DirectoryAction.ViewOrganisations, On.NoTarget,     "Y   N   N   N   Y   Y   N   N   N   N   N   N"),
        Row(DirectoryAction.ViewOrganisations, On.AreaA,        "Y   N   N   N   Y   N   N   N   N   N   N   N"),
        Row(DirectoryAction.ViewOrganisations, On.AreaB,        "Y   N   N   N   N   Y   N   N   N   N   N   N"),
        Row(DirectoryAction.ViewOrganisations, On.Unknown,      "N   N   N   N   N   N   N   N   N   N   N   N"),

        Row(DirectoryAction.CreateOrganisation, On.NoTarget,    "Y   N   N   N   Y   Y   N   N   N   N   N   N"),
        Row(DirectoryAction.CreateOrganisation, On.AreaA,       "Y   N   N   N   Y   N   N   N   N   N   N   N"),
        Row(DirectoryAction.CreateOrganisation, On.AreaB,       "Y   N   N   N   N   Y   N   N   N   N   N   N"),
        Row(DirectoryAction.CreateOrganisation, On.Unknown,     "N   N   N   N   N   N   N   N   N   N   N   N"),

        //                                                      Adm Nat Aud Arc CoA CoB DsA VnA VnB TiA Per Ano
        Row(DirectoryAction.UpdateOrganisation, On.NoTarget,    "Y   N   N   N   N   N   N   N   N   N   N   N"),
        Row(DirectoryAction.UpdateOrganisation, On.Organisation,"Y   N   N   N   N   N   N   N   N   N   N   N"),
        Row(DirectoryAction.UpdateOrganisation, On.Unknown,     "N   N   N   N   N   N   N   N   N   N   N   N"),

        Row(DirectoryAction.DeactivateOrganisation, On.NoTarget,     "Y   N   N   N   N   N   N   N   N   N   N   N"),
        Row(DirectoryAction.DeactivateOrganisation, On.Organisation, "Y   N   N   N   N   N   N   N   N   N   N   N"),
        Row(DirectoryAction.DeactivateOrganisation, On.Unknown,      "N   N   N   N   N   N   N   N   N   N   N   N"),

        //                                                      Adm Nat Aud Arc CoA CoB DsA VnA VnB TiA Per Ano
        Row(DirectoryAction.ViewAreas, On.NoTarget,             "Y   Y   N   N   Y   Y   N   N   N   N   N   N"),
        Row(DirectoryAction.ViewAreas, On.AreaA,                "Y   Y   N   N   Y   N   N   N   N   N   N   N"),
        Row(DirectoryAction.ViewAreas, On.AreaB,                "Y   Y   N   N   N   Y   N   N   N   N   N   N"),
        Row(DirectoryAction.ViewAreas, On.Unknown,              "N   N   N   N   N   N   N   N   N   N   N   N"),

        Row(DirectoryAction.CreateArea, On.NoTarget,            "Y   Y   N   N   N   N   N   N   N   N   N   N"),

        Row(DirectoryAction.UpdateArea, On.NoTarget,            "Y   Y   N   N   N   N   N   N   N   N   N   N"),
        Row(DirectoryAction.UpdateArea, On.AreaA,               "Y   Y   N   N   N   N   N   N   N   N   N   N"),
        Row(DirectoryAction.UpdateArea, On.AreaB,               "Y   Y   N   N   N   N   N   N   N   N   N   N"),
        Row(DirectoryAction.UpdateArea, On.Unknown,             "N   N   N   N   N   N   N   N   N   N   N   N"),

        //                                                      Adm Nat Aud Arc CoA CoB DsA VnA VnB TiA Per Ano
        Row(DirectoryAction.ViewSites, On.NoTarget,             "Y   Y   N   N   Y   Y   N   N   N   N   N   N"),
        Row(DirectoryAction.ViewSites, On.VenueSiteInA,         "Y   Y   N   N   Y   N   N   N   N   N   N   N"),
        Row(DirectoryAction.ViewSites, On.VenueSiteInB,         "Y   Y   N   N   N   Y   N   N   N   N   N   N"),
        Row(DirectoryAction.ViewSites, On.Unknown,              "N   N   N   N   N   N   N   N   N   N   N   N"),

        Row(DirectoryAction.ViewSite, On.NoTarget,              "Y   Y   N   N   Y   Y   Y   Y   Y   Y   N   N"),
        Row(DirectoryAction.ViewSite, On.VenueSiteInA,          "Y   Y   N   N   Y   N   N   Y   N   N   N   N"),
        Row(DirectoryAction.ViewSite, On.DistributorSiteInA,    "Y   Y   N   N   Y   N   Y   N   N   N   N   N"),
        Row(DirectoryAction.ViewSite, On.VenueSiteInB,          "Y   Y   N   N   N   Y   N   N   Y   N   N   N"),
        Row(DirectoryAction.ViewSite, On.Unknown,               "N   N   N   N   N   N   N   N   N   N   N   N"),

        //                                                      Adm Nat Aud Arc CoA CoB DsA VnA VnB TiA Per Ano
        Row(DirectoryAction.CreateSite, On.NoTarget,            "Y   N   N   N   Y   Y   N   N   N   N   N   N"),
        Row(DirectoryAction.CreateSite, On.AreaA,               "Y   N   N   N   Y   N   N   N   N   N   N   N"),
        Row(DirectoryAction.CreateSite, On.AreaB,               "Y   N   N   N   N   Y   N   N   N   N   N   N"),
        // A site without an area is placed by the organisation alone: only administrators may.
        // CreateSite's target is the area the site goes to; an organisation id lies in no area.
        Row(DirectoryAction.CreateSite, On.Organisation,        "N   N   N   N   N   N   N   N   N   N   N   N"),
        Row(DirectoryAction.CreateSiteWithoutArea, On.NoTarget, "Y   N   N   N   N   N   N   N   N   N   N   N"),
        Row(DirectoryAction.CreateSite, On.Unknown,             "N   N   N   N   N   N   N   N   N   N   N   N"),

        Row(DirectoryAction.UpdateSite, On.NoTarget,            "Y   N   N   N   Y   Y   N   N   N   N   N   N"),
        Row(DirectoryAction.UpdateSite, On.VenueSiteInA,        "Y   N   N   N   Y   N   N   N   N   N   N   N"),
        Row(DirectoryAction.UpdateSite, On.DistributorSiteInA,  "Y   N   N   N   Y   N   N   N   N   N   N   N"),
        Row(DirectoryAction.UpdateSite, On.VenueSiteInB,        "Y   N   N   N   N   Y   N   N   N   N   N   N"),
        Row(DirectoryAction.UpdateSite, On.Unknown,             "N   N   N   N   N   N   N   N   N   N   N   N"),

        Row(DirectoryAction.DeactivateSite, On.NoTarget,        "Y   N   N   N   Y   Y   N   N   N   N   N   N"),
        Row(DirectoryAction.DeactivateSite, On.VenueSiteInA,    "Y   N   N   N   Y   N   N   N   N   N   N   N"),
        Row(DirectoryAction.DeactivateSite, On.VenueSiteInB,    "Y   N   N   N   N   Y   N   N   N   N   N   N"),
        Row(DirectoryAction.DeactivateSite, On.Unknown,         "N   N   N   N   N   N   N   N   N   N   N   N"),

        //                                                      Adm Nat Aud Arc CoA CoB DsA VnA VnB TiA Per Ano
        Row(DirectoryAction.ViewAccounts, On.NoTarget,          "Y   N   N   N   Y   Y   N   N   N   N   N   N"),
        Row(DirectoryAction.ViewAccounts, On.SiteAccountInA,    "Y   N   N   N   Y   N   N   N   N   N   N   N"),
        Row(DirectoryAction.ViewAccounts, On.SiteAccountInB,    "Y   N   N   N   N   Y   N   N   N   N   N   N"),
        Row(DirectoryAction.ViewAccounts, On.PersonalAccount,   "Y   N   N   N   N   N   N   N   N   N   N   N"),
        Row(DirectoryAction.ViewAccounts, On.Unknown,           "N   N   N   N   N   N   N   N   N   N   N   N"),

        Row(DirectoryAction.ViewAccount, On.NoTarget,           "Y   N   N   N   Y   Y   N   N   N   N   N   N"),
        Row(DirectoryAction.ViewAccount, On.SiteAccountInA,     "Y   N   N   N   Y   N   N   N   N   N   N   N"),
        Row(DirectoryAction.ViewAccount, On.SiteAccountInB,     "Y   N   N   N   N   Y   N   N   N   N   N   N"),
        Row(DirectoryAction.ViewAccount, On.PersonalAccount,    "Y   N   N   N   N   N   N   N   N   N   N   N"),
        Row(DirectoryAction.ViewAccount, On.Unknown,            "N   N   N   N   N   N   N   N   N   N   N   N"),

        Row(DirectoryAction.CreatePersonalAccount, On.NoTarget, "Y   N   N   N   N   N   N   N   N   N   N   N"),

        //                                                      Adm Nat Aud Arc CoA CoB DsA VnA VnB TiA Per Ano
        Row(DirectoryAction.CreateSiteAccount, On.NoTarget,     "Y   N   N   N   Y   Y   N   N   N   N   N   N"),
        Row(DirectoryAction.CreateSiteAccount, On.VenueSiteInA, "Y   N   N   N   Y   N   N   N   N   N   N   N"),
        Row(DirectoryAction.CreateSiteAccount, On.VenueSiteInB, "Y   N   N   N   N   Y   N   N   N   N   N   N"),
        Row(DirectoryAction.CreateSiteAccount, On.Unknown,      "N   N   N   N   N   N   N   N   N   N   N   N"),

        Row(DirectoryAction.UpdateAccount, On.NoTarget,         "Y   N   N   N   Y   Y   N   N   N   N   N   N"),
        Row(DirectoryAction.UpdateAccount, On.SiteAccountInA,   "Y   N   N   N   Y   N   N   N   N   N   N   N"),
        Row(DirectoryAction.UpdateAccount, On.SiteAccountInB,   "Y   N   N   N   N   Y   N   N   N   N   N   N"),
        Row(DirectoryAction.UpdateAccount, On.PersonalAccount,  "Y   N   N   N   N   N   N   N   N   N   N   N"),
        Row(DirectoryAction.UpdateAccount, On.Unknown,          "N   N   N   N   N   N   N   N   N   N   N   N"),

        Row(DirectoryAction.DeactivateAccount, On.NoTarget,        "Y   N   N   N   Y   Y   N   N   N   N   N   N"),
        Row(DirectoryAction.DeactivateAccount, On.SiteAccountInA,  "Y   N   N   N   Y   N   N   N   N   N   N   N"),
        Row(DirectoryAction.DeactivateAccount, On.SiteAccountInB,  "Y   N   N   N   N   Y   N   N   N   N   N   N"),
        Row(DirectoryAction.DeactivateAccount, On.PersonalAccount, "Y   N   N   N   N   N   N   N   N   N   N   N"),
        Row(DirectoryAction.DeactivateAccount, On.Unknown,         "N   N   N   N   N   N   N   N   N   N   N   N"),

        //                                                      Adm Nat Aud Arc CoA CoB DsA VnA VnB TiA Per Ano
        Row(DirectoryAction.AssignRole, On.NoTarget,            "Y   N   N   N   Y   Y   N   N   N   N   N   N"),
        Row(DirectoryAction.AssignRole, On.SiteAccountInA,      "Y   N   N   N   Y   N   N   N   N   N   N   N"),
        Row(DirectoryAction.AssignRole, On.SiteAccountInB,      "Y   N   N   N   N   Y   N   N   N   N   N   N"),
        Row(DirectoryAction.AssignRole, On.PersonalAccount,     "Y   N   N   N   N   N   N   N   N   N   N   N"),
        Row(DirectoryAction.AssignRole, On.Unknown,             "N   N   N   N   N   N   N   N   N   N   N   N"),

        Row(DirectoryAction.RevokeRole, On.NoTarget,            "Y   N   N   N   Y   Y   N   N   N   N   N   N"),
        Row(DirectoryAction.RevokeRole, On.SiteAccountInA,      "Y   N   N   N   Y   N   N   N   N   N   N   N"),
        Row(DirectoryAction.RevokeRole, On.SiteAccountInB,      "Y   N   N   N   N   Y   N   N   N   N   N   N"),
        Row(DirectoryAction.RevokeRole, On.PersonalAccount,     "Y   N   N   N   N   N   N   N   N   N   N   N"),
        Row(DirectoryAction.RevokeRole, On.Unknown,             "N   N   N   N   N   N   N   N   N   N   N   N"),

        Row(DirectoryAction.AssignAnyRole, On.NoTarget,         "Y   N   N   N   N   N   N   N   N   N   N   N"),

        Row(DirectoryAction.UnlockAccount, On.NoTarget,         "Y   N   N   N   Y   Y   N   N   N   N   N   N"),
        Row(DirectoryAction.UnlockAccount, On.SiteAccountInA,   "Y   N   N   N   Y   N   N   N   N   N   N   N"),
        Row(DirectoryAction.UnlockAccount, On.SiteAccountInB,   "Y   N   N   N   N   Y   N   N   N   N   N   N"),
        Row(DirectoryAction.UnlockAccount, On.PersonalAccount,  "Y   N   N   N   N   N   N   N   N   N   N   N"),
        Row(DirectoryAction.UnlockAccount, On.Unknown,          "N   N   N   N   N   N   N   N   N   N   N   N"),

        // Every signed-in account manages its own password, language and second factor; nobody else's is asked here.
        Row(DirectoryAction.ManageOwnAccount, On.NoTarget,      "Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   N"),
    ];

    public static TheoryData<DirectoryAction, Who, On, bool> Cells()
    {
        var data = new TheoryData<DirectoryAction, Who, On, bool>();
        foreach (var line in Matrix)
        {
            var cells = line.Cells.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length != Columns.Length)
                throw new InvalidOperationException($"{line.Action} on {line.Target}: {cells.Length} cells, expected {Columns.Length}.");
            for (var i = 0; i < cells.Length; i++)
            {
                switch (cells[i])
                {
                    case "Y": data.Add(line.Action, Columns[i], line.Target, true); break;
                    case "N": data.Add(line.Action, Columns[i], line.Target, false); break;
                    case "-": break;
                    default: throw new InvalidOperationException($"{line.Action} on {line.Target}: cell '{cells[i]}' is not Y, N or -.");
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Access_matrix(DirectoryAction action, Who who, On target, bool allowed)
    {
        var world = await World.OfAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<AccessControl>();

        var actual = await access.HasAsync(world.Actor(who), action, world.Target(target), CancellationToken.None);

        Assert.True(actual == allowed, $"{who} {(allowed ? "should" : "should NOT")} be allowed {action} on {target}.");
    }

    [Fact]
    public void Every_directory_action_has_a_row_in_the_matrix_with_every_column()
    {
        var missing = Enum.GetValues<DirectoryAction>().Where(a => Matrix.All(l => l.Action != a)).ToList();
        Assert.True(missing.Count == 0, "Actions without a matrix row: " + string.Join(", ", missing));

        // Every row of every action is well formed, and the expanded table has a Y and an N for each action, so
        // no action is "allowed to all" or "denied to all" by a slip of the pen.
        var cells = Cells().Select(r => (Action: r.Data.Item1, Allowed: r.Data.Item4)).ToList();
        foreach (var action in Enum.GetValues<DirectoryAction>())
        {
            Assert.Contains(cells, c => c.Action == action && c.Allowed);
            Assert.Contains(cells, c => c.Action == action && !c.Allowed);
        }
    }

    [Fact]
    public async Task Every_action_with_a_scoped_rule_denies_an_unknown_target_to_its_scoped_roles()
    {
        var world = await World.OfAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<AccessControl>();
        var catalog = scope.ServiceProvider.GetRequiredService<AccessCatalog>();
        var scopedHolders = new[] { Who.AreaCoordinatorA, Who.AreaCoordinatorB, Who.DistributorSiteA, Who.VenueSiteA, Who.VenueSiteB, Who.TicketIntermediaryA };

        var wronglyAllowed = new List<string>();
        foreach (var action in Enum.GetValues<DirectoryAction>())
        foreach (var who in scopedHolders)
        {
            var actor = world.Actor(who);
            if (!catalog.RolesOf(action).Any(actor.HasAnywhere)) continue;
            if (action == DirectoryAction.ManageOwnAccount) continue; // any signed-in account, no target involved
            if (await access.HasAsync(actor, action, Guid.CreateVersion7(), CancellationToken.None))
                wronglyAllowed.Add($"{who} {action}");
        }
        Assert.True(wronglyAllowed.Count == 0, "Allowed on an unknown id: " + string.Join(", ", wronglyAllowed));
    }

    /// <summary>What <see cref="AccessControl.Filter"/> gives list pages: everything, the actor's own area or site, or nothing.</summary>
    public enum Expect { Everything, OwnArea, OwnSite, Nothing }

    private sealed record FilterLine(DirectoryAction Action, Expect Admin, Expect National, Expect CoordinatorA, Expect VenueSiteA, Expect Auditor);

    private static readonly FilterLine[] Filters =
    [
        //    action                                     admin              national           coordinator A     venue site A      auditor
        new(DirectoryAction.ViewOrganisations,      Expect.Everything, Expect.Nothing,    Expect.OwnArea,   Expect.Nothing,   Expect.Nothing),
        new(DirectoryAction.CreateOrganisation,     Expect.Everything, Expect.Nothing,    Expect.OwnArea,   Expect.Nothing,   Expect.Nothing),
        new(DirectoryAction.UpdateOrganisation,     Expect.Everything, Expect.Nothing,    Expect.Nothing,   Expect.Nothing,   Expect.Nothing),
        new(DirectoryAction.DeactivateOrganisation, Expect.Everything, Expect.Nothing,    Expect.Nothing,   Expect.Nothing,   Expect.Nothing),
        new(DirectoryAction.ViewAreas,              Expect.Everything, Expect.Everything, Expect.OwnArea,   Expect.Nothing,   Expect.Nothing),
        new(DirectoryAction.CreateArea,             Expect.Everything, Expect.Everything, Expect.Nothing,   Expect.Nothing,   Expect.Nothing),
        new(DirectoryAction.UpdateArea,             Expect.Everything, Expect.Everything, Expect.Nothing,   Expect.Nothing,   Expect.Nothing),
        new(DirectoryAction.ViewSites,              Expect.Everything, Expect.Everything, Expect.OwnArea,   Expect.Nothing,   Expect.Nothing),
        new(DirectoryAction.ViewSite,               Expect.Everything, Expect.Everything, Expect.OwnArea,   Expect.OwnSite,   Expect.Nothing),
        new(DirectoryAction.CreateSite,             Expect.Everything, Expect.Nothing,    Expect.OwnArea,   Expect.Nothing,   Expect.Nothing),
        new(DirectoryAction.UpdateSite,             Expect.Everything, Expect.Nothing,    Expect.OwnArea,   Expect.Nothing,   Expect.Nothing),
        new(DirectoryAction.DeactivateSite,         Expect.Everything, Expect.Nothing,    Expect.OwnArea,   Expect.Nothing,   Expect.Nothing),
        new(DirectoryAction.ViewAccounts,           Expect.Everything, Expect.Nothing,    Expect.OwnArea,   Expect.Nothing,   Expect.Nothing),
        new(DirectoryAction.ViewAccount,            Expect.Everything, Expect.Nothing,    Expect.OwnArea,   Expect.Nothing,   Expect.Nothing),
        new(DirectoryAction.CreatePersonalAccount,  Expect.Everything, Expect.Nothing,    Expect.Nothing,   Expect.Nothing,   Expect.Nothing),
        new(DirectoryAction.CreateSiteAccount,      Expect.Everything, Expect.Nothing,    Expect.OwnArea,   Expect.Nothing,   Expect.Nothing),
        new(DirectoryAction.UpdateAccount,          Expect.Everything, Expect.Nothing,    Expect.OwnArea,   Expect.Nothing,   Expect.Nothing),
        new(DirectoryAction.DeactivateAccount,      Expect.Everything, Expect.Nothing,    Expect.OwnArea,   Expect.Nothing,   Expect.Nothing),
        new(DirectoryAction.AssignRole,             Expect.Everything, Expect.Nothing,    Expect.OwnArea,   Expect.Nothing,   Expect.Nothing),
        new(DirectoryAction.RevokeRole,             Expect.Everything, Expect.Nothing,    Expect.OwnArea,   Expect.Nothing,   Expect.Nothing),
        new(DirectoryAction.AssignAnyRole,          Expect.Everything, Expect.Nothing,    Expect.Nothing,   Expect.Nothing,   Expect.Nothing),
        new(DirectoryAction.CreateSiteWithoutArea,  Expect.Everything, Expect.Nothing,    Expect.Nothing,   Expect.Nothing,   Expect.Nothing),
        new(DirectoryAction.UnlockAccount,          Expect.Everything, Expect.Nothing,    Expect.OwnArea,   Expect.Nothing,   Expect.Nothing),
        new(DirectoryAction.ManageOwnAccount,       Expect.Everything, Expect.Everything, Expect.Everything, Expect.Everything, Expect.Everything),
    ];

    public static TheoryData<DirectoryAction, Who, Expect> FilterCells()
    {
        var data = new TheoryData<DirectoryAction, Who, Expect>();
        foreach (var f in Filters)
        {
            data.Add(f.Action, Who.SystemAdmin, f.Admin);
            data.Add(f.Action, Who.NationalCoordinator, f.National);
            data.Add(f.Action, Who.AreaCoordinatorA, f.CoordinatorA);
            data.Add(f.Action, Who.VenueSiteA, f.VenueSiteA);
            data.Add(f.Action, Who.Auditor, f.Auditor);
            data.Add(f.Action, Who.Anonymous, Expect.Nothing);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FilterCells))]
    public async Task Filter_matrix(DirectoryAction action, Who who, Expect expected)
    {
        var world = await World.OfAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<AccessControl>();

        var filter = access.Filter(world.Actor(who), action);

        switch (expected)
        {
            case Expect.Everything:
                Assert.True(filter.All, $"{who} should see everything with {action}.");
                break;
            case Expect.Nothing:
                Assert.True(filter.IsEmpty, $"{who} should see nothing with {action}.");
                break;
            case Expect.OwnArea:
                Assert.False(filter.All);
                Assert.Equal(new[] { world.AreaA.Id.Value }, filter.AreaIds.ToArray());
                Assert.Empty(filter.OrganisationIds);
                Assert.Empty(filter.SiteIds);
                Assert.True(filter.Allows(await world.ScopesOfSiteAsync(scope.ServiceProvider, world.VenueA)), "a site in area A passes");
                Assert.False(filter.Allows(await world.ScopesOfSiteAsync(scope.ServiceProvider, world.VenueB)), "a site in area B does not pass");
                break;
            case Expect.OwnSite:
                Assert.False(filter.All);
                Assert.Equal(new[] { world.VenueA.Id.Value }, filter.SiteIds.ToArray());
                Assert.Empty(filter.AreaIds);
                Assert.Empty(filter.OrganisationIds);
                Assert.False(filter.Allows(await world.ScopesOfSiteAsync(scope.ServiceProvider, world.DistributorA)), "another site of the same area does not pass");
                break;
        }
    }

    [Fact]
    public void Every_directory_action_has_a_row_in_the_filter_table()
    {
        var missing = Enum.GetValues<DirectoryAction>().Where(a => Filters.All(f => f.Action != a)).ToList();
        Assert.True(missing.Count == 0, "Actions without a filter row: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Permitted_shows_a_coordinator_the_buttons_of_their_own_area_site_only()
    {
        var world = await World.OfAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<AccessControl>();
        Enum[] siteButtons = [DirectoryAction.ViewSite, DirectoryAction.UpdateSite, DirectoryAction.DeactivateSite, DirectoryAction.CreateSiteAccount, DirectoryAction.AssignAnyRole];

        var own = await access.PermittedAsync(world.Actor(Who.AreaCoordinatorA), siteButtons, world.VenueA.Id.Value, CancellationToken.None);
        var other = await access.PermittedAsync(world.Actor(Who.AreaCoordinatorA), siteButtons, world.VenueB.Id.Value, CancellationToken.None);
        var siteAccount = await access.PermittedAsync(world.Actor(Who.VenueSiteA), siteButtons, world.VenueA.Id.Value, CancellationToken.None);

        Assert.Equal(new HashSet<Enum> { DirectoryAction.ViewSite, DirectoryAction.UpdateSite, DirectoryAction.DeactivateSite, DirectoryAction.CreateSiteAccount }, own);
        Assert.Empty(other);
        Assert.Equal(new HashSet<Enum> { DirectoryAction.ViewSite }, siteAccount);
    }

    [Fact]
    public async Task Require_throws_for_a_denied_action_and_passes_an_allowed_one()
    {
        var world = await World.OfAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<AccessControl>();

        await access.RequireAsync(world.Actor(Who.AreaCoordinatorA), DirectoryAction.UpdateSite, world.VenueA.Id.Value, CancellationToken.None);
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            access.RequireAsync(world.Actor(Who.AreaCoordinatorA), DirectoryAction.UpdateSite, world.VenueB.Id.Value, CancellationToken.None));
    }

    /// <summary>The rows the matrix is asked about, made once per app (they are only read).</summary>
    private sealed class World
    {
        private static readonly SemaphoreSlim Gate = new(1, 1);
        private static (VakkaFactory App, World World)? cached;

        public required Area AreaA { get; init; }
        public required Area AreaB { get; init; }
        public required Organisation Organisation { get; init; }
        public required Site VenueA { get; init; }
        public required Site DistributorA { get; init; }
        public required Site TicketA { get; init; }
        public required Site VenueB { get; init; }
        public required Account VenueAccountA { get; init; }
        public required Account VenueAccountB { get; init; }
        public required Account Person { get; init; }
        public required Dictionary<Who, Actor> Actors { get; init; }
        public Guid UnknownId { get; } = Guid.CreateVersion7();

        public Actor Actor(Who who) => Actors[who];

        public Guid? Target(On on) => on switch
        {
            On.NoTarget => null,
            On.AreaA => AreaA.Id.Value,
            On.AreaB => AreaB.Id.Value,
            On.Organisation => Organisation.Id.Value,
            On.VenueSiteInA => VenueA.Id.Value,
            On.DistributorSiteInA => DistributorA.Id.Value,
            On.VenueSiteInB => VenueB.Id.Value,
            On.SiteAccountInA => VenueAccountA.Id,
            On.SiteAccountInB => VenueAccountB.Id,
            On.PersonalAccount => Person.Id,
            On.Unknown => UnknownId,
            _ => throw new ArgumentOutOfRangeException(nameof(on)),
        };

        public async Task<IReadOnlyList<Scope>> ScopesOfSiteAsync(IServiceProvider services, Site site) =>
            await services.GetRequiredService<SiteScopes>().ScopesOfAsync(site.Id.Value, CancellationToken.None);

        public static async Task<World> OfAsync(VakkaFactory app)
        {
            await Gate.WaitAsync();
            try
            {
                if (cached is { } c && ReferenceEquals(c.App, app)) return c.World;
                var world = await CreateAsync(app);
                cached = (app, world);
                return world;
            }
            finally
            {
                Gate.Release();
            }
        }

        private static async Task<World> CreateAsync(VakkaFactory app)
        {
            var areaA = await TestData.AreaAsync(app);
            var areaB = await TestData.AreaAsync(app);
            var org = await TestData.OrganisationAsync(app);
            var venueA = await TestData.SiteAsync(app, org, areaA, SiteType.Venue);
            var distributorA = await TestData.SiteAsync(app, org, areaA, SiteType.Distributor);
            var ticketA = await TestData.SiteAsync(app, org, areaA, SiteType.TicketIntermediary);
            var venueB = await TestData.SiteAsync(app, org, areaB, SiteType.Venue);
            var venueAccountA = await TestData.SiteAccountAsync(app, venueA, Role.VenueSite);
            var distributorAccountA = await TestData.SiteAccountAsync(app, distributorA, Role.DistributorSite);
            var ticketAccountA = await TestData.SiteAccountAsync(app, ticketA, Role.TicketIntermediary);
            var venueAccountB = await TestData.SiteAccountAsync(app, venueB, Role.VenueSite);
            var person = await TestData.PersonAsync(app);

            static Actor Person(params RoleAssignment[] roles) => new(new AccountId(Guid.CreateVersion7()), null, roles);
            static Actor SiteAccount(Account account, Site site, Role role) =>
                new(new AccountId(account.Id), site.Id.Value, [new RoleAssignment(role, Scope.Site(site.Id.Value))]);

            return new World
            {
                AreaA = areaA, AreaB = areaB, Organisation = org,
                VenueA = venueA, DistributorA = distributorA, TicketA = ticketA, VenueB = venueB,
                VenueAccountA = venueAccountA, VenueAccountB = venueAccountB, Person = person,
                Actors = new()
                {
                    [Who.SystemAdmin] = Person(new RoleAssignment(Role.SystemAdmin, Scope.Global)),
                    [Who.NationalCoordinator] = Person(new RoleAssignment(Role.NationalCoordinator, Scope.Global)),
                    [Who.Auditor] = Person(new RoleAssignment(Role.Auditor, Scope.Global)),
                    [Who.Archivist] = Person(new RoleAssignment(Role.Archivist, Scope.Organisation(org.Id.Value))),
                    [Who.AreaCoordinatorA] = Person(new RoleAssignment(Role.AreaCoordinator, Scope.Area(areaA.Id.Value))),
                    [Who.AreaCoordinatorB] = Person(new RoleAssignment(Role.AreaCoordinator, Scope.Area(areaB.Id.Value))),
                    [Who.DistributorSiteA] = SiteAccount(distributorAccountA, distributorA, Role.DistributorSite),
                    [Who.VenueSiteA] = SiteAccount(venueAccountA, venueA, Role.VenueSite),
                    [Who.VenueSiteB] = SiteAccount(venueAccountB, venueB, Role.VenueSite),
                    [Who.TicketIntermediaryA] = SiteAccount(ticketAccountA, ticketA, Role.TicketIntermediary),
                    [Who.PersonWithoutRoles] = new Actor(new AccountId(person.Id), null, []),
                    [Who.Anonymous] = Vakka.Platform.Access.Actor.Anonymous,
                },
            };
        }
    }
}
