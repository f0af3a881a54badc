using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Vakka.CultureCard.Access;
using Vakka.CultureCard.Areas.CultureCard.Pages.Desk;
using Vakka.CultureCard.Audit;
using Vakka.CultureCard.Domain;
using Vakka.CultureCard.Features.Desk;
using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Ids;
using Vakka.Platform.Web;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;

namespace Vakka.Tests.CultureCard;

/// <summary>
/// Who may use the ticket desk: for UseDesk, LookupCard, RecordUse, CancelUse and ManageEvents, which roles may act on
/// which venue site or use, asked of the engine against real rows (two areas, two venues and an intermediary serving
/// venue A in area A, a venue in B, a distributor, uses recorded at venue A's own desk, by the intermediary for venue A,
/// and at venue B). ManageServedVenues: who decides which venues an intermediary serves.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DeskAccessTests(VakkaFactory app)
{
    public enum Who { SystemAdmin, NationalCoordinator, AreaCoordinatorA, DistributorSiteA, VenueSiteA, OtherVenueSiteA, TicketIntermediaryA, VenueSiteB, Anonymous }

    public enum On
    {
        NoTarget, VenueA, OtherVenueA, IntermediaryA, DistributorA, VenueB,
        /// <summary>Uses recorded at venue A's own desk, by the intermediary for venue A, and at venue B.</summary>
        UseAtVenueA, UseViaIntermediaryA, UseAtVenueB,
        Unknown,
    }

    private static readonly Who[] Columns =
        [Who.SystemAdmin, Who.NationalCoordinator, Who.AreaCoordinatorA, Who.DistributorSiteA, Who.VenueSiteA, Who.OtherVenueSiteA, Who.TicketIntermediaryA, Who.VenueSiteB, Who.Anonymous];

    private sealed record Line(CultureCardAction Action, On Target, string Cells);

    /// <summary>Y = allowed, N = denied. A site's desk is its own: no coordinator, national or admin role reaches it.</summary>
    private static readonly Line[] Matrix =
    [
        // A desk is a venue's: the venue's own account and the intermediaries serving it work it; an intermediary's own
        // site is no desk.
        //                                                      Adm Nat CoA DsA VnA VnA2 TiA VnB Ano
        new(CultureCardAction.UseDesk, On.NoTarget,            "N   N   N   N   Y   Y    Y   Y   N"),
        new(CultureCardAction.UseDesk, On.VenueA,              "N   N   N   N   Y   N    Y   N   N"),
        new(CultureCardAction.UseDesk, On.OtherVenueA,         "N   N   N   N   N   Y    N   N   N"),
        new(CultureCardAction.UseDesk, On.IntermediaryA,       "N   N   N   N   N   N    N   N   N"),
        new(CultureCardAction.UseDesk, On.DistributorA,        "N   N   N   N   N   N    N   N   N"),
        new(CultureCardAction.UseDesk, On.VenueB,              "N   N   N   N   N   N    N   Y   N"),
        new(CultureCardAction.UseDesk, On.UseAtVenueA,         "N   N   N   N   N   N    N   N   N"),
        new(CultureCardAction.UseDesk, On.Unknown,             "N   N   N   N   N   N    N   N   N"),

        new(CultureCardAction.LookupCard, On.NoTarget,         "N   N   N   N   Y   Y    Y   Y   N"),
        new(CultureCardAction.LookupCard, On.VenueA,           "N   N   N   N   Y   N    Y   N   N"),
        new(CultureCardAction.LookupCard, On.OtherVenueA,      "N   N   N   N   N   Y    N   N   N"),
        new(CultureCardAction.LookupCard, On.IntermediaryA,    "N   N   N   N   N   N    N   N   N"),
        new(CultureCardAction.LookupCard, On.DistributorA,     "N   N   N   N   N   N    N   N   N"),
        new(CultureCardAction.LookupCard, On.VenueB,           "N   N   N   N   N   N    N   Y   N"),
        new(CultureCardAction.LookupCard, On.Unknown,          "N   N   N   N   N   N    N   N   N"),

        //                                                      Adm Nat CoA DsA VnA VnA2 TiA VnB Ano
        new(CultureCardAction.RecordUse, On.NoTarget,          "N   N   N   N   Y   Y    Y   Y   N"),
        new(CultureCardAction.RecordUse, On.VenueA,            "N   N   N   N   Y   N    Y   N   N"),
        new(CultureCardAction.RecordUse, On.OtherVenueA,       "N   N   N   N   N   Y    N   N   N"),
        new(CultureCardAction.RecordUse, On.IntermediaryA,     "N   N   N   N   N   N    N   N   N"),
        new(CultureCardAction.RecordUse, On.DistributorA,      "N   N   N   N   N   N    N   N   N"),
        new(CultureCardAction.RecordUse, On.VenueB,            "N   N   N   N   N   N    N   Y   N"),
        new(CultureCardAction.RecordUse, On.Unknown,           "N   N   N   N   N   N    N   N   N"),

        // A use lies on its venue and on the site whose desk recorded it.
        new(CultureCardAction.CancelUse, On.NoTarget,          "N   N   N   N   Y   Y    Y   Y   N"),
        new(CultureCardAction.CancelUse, On.UseAtVenueA,       "N   N   N   N   Y   N    N   N   N"),
        new(CultureCardAction.CancelUse, On.UseViaIntermediaryA,"N   N   N   N   Y   N    Y   N   N"),
        new(CultureCardAction.CancelUse, On.UseAtVenueB,       "N   N   N   N   N   N    N   Y   N"),
        // A use's target is the use: a site id lies nowhere as a use.
        new(CultureCardAction.CancelUse, On.VenueA,            "N   N   N   N   N   N    N   N   N"),
        new(CultureCardAction.CancelUse, On.Unknown,           "N   N   N   N   N   N    N   N   N"),

        //                                                      Adm Nat CoA DsA VnA VnA2 TiA VnB Ano
        new(CultureCardAction.ManageEvents, On.NoTarget,       "N   N   N   N   Y   Y    Y   Y   N"),
        new(CultureCardAction.ManageEvents, On.VenueA,         "N   N   N   N   Y   N    Y   N   N"),
        new(CultureCardAction.ManageEvents, On.IntermediaryA,  "N   N   N   N   N   N    N   N   N"),
        new(CultureCardAction.ManageEvents, On.DistributorA,   "N   N   N   N   N   N    N   N   N"),
        new(CultureCardAction.ManageEvents, On.VenueB,         "N   N   N   N   N   N    N   Y   N"),
        new(CultureCardAction.ManageEvents, On.Unknown,        "N   N   N   N   N   N    N   N   N"),

        // Which venues an intermediary serves: the venue's area coordinator (and the national coordinator) decides.
        new(CultureCardAction.ManageServedVenues, On.NoTarget, "N   Y   Y   N   N   N    N   N   N"),
        new(CultureCardAction.ManageServedVenues, On.VenueA,   "N   Y   Y   N   N   N    N   N   N"),
        new(CultureCardAction.ManageServedVenues, On.VenueB,   "N   Y   N   N   N   N    N   N   N"),
        new(CultureCardAction.ManageServedVenues, On.Unknown,  "N   N   N   N   N   N    N   N   N"),
    ];

    private static readonly CultureCardAction[] DeskActions =
        [CultureCardAction.UseDesk, CultureCardAction.LookupCard, CultureCardAction.RecordUse, CultureCardAction.CancelUse, CultureCardAction.ManageEvents,
         CultureCardAction.ManageServedVenues];

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
    public void Every_desk_action_has_rows_that_allow_and_deny()
    {
        var cells = Cells().Select(r => (Action: r.Data.Item1, Allowed: r.Data.Item4)).ToList();
        foreach (var action in DeskActions)
        {
            Assert.Contains(cells, c => c.Action == action && c.Allowed);
            Assert.Contains(cells, c => c.Action == action && !c.Allowed);
        }
    }

    [Fact]
    public async Task A_venue_works_its_own_desk_and_an_intermediary_the_desk_of_the_venue_it_serves()
    {
        var world = await World.OfAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var desks = scope.ServiceProvider.GetRequiredService<DeskSites>();

        foreach (var action in DeskActions.Where(a => a is not (CultureCardAction.CancelUse or CultureCardAction.ManageServedVenues)))
        foreach (var who in Columns)
        {
            var desk = await desks.OfAsync(world.Actors[who], action, null, CancellationToken.None);
            var expected = who switch
            {
                Who.VenueSiteA => world.VenueA.Id,
                Who.OtherVenueSiteA => world.OtherVenueA.Id,
                Who.TicketIntermediaryA => world.VenueA.Id, // the only venue it serves
                Who.VenueSiteB => world.VenueB.Id,
                _ => (SiteId?)null,
            };
            Assert.True(desk?.Id == expected, $"{who} {action}: desk {desk?.Id} expected {expected}");
            if (desk is null) continue;
            Assert.Equal(who == Who.VenueSiteB ? world.AreaB.Id : world.AreaA.Id, desk.AreaId);
            Assert.Equal(who == Who.TicketIntermediaryA ? world.IntermediaryA.Id : desk.Id, desk.DeskSiteId);
        }

        // Naming a venue: a venue's account only its own; the intermediary only the venue it serves.
        var intermediary = world.Actors[Who.TicketIntermediaryA];
        Assert.Equal(world.VenueA.Id, (await desks.OfAsync(intermediary, CultureCardAction.RecordUse, world.VenueA.Id, CancellationToken.None))?.Id);
        Assert.Null(await desks.OfAsync(intermediary, CultureCardAction.RecordUse, world.OtherVenueA.Id, CancellationToken.None));
        Assert.Null(await desks.OfAsync(intermediary, CultureCardAction.RecordUse, world.IntermediaryA.Id, CancellationToken.None));
        Assert.Null(await desks.OfAsync(world.Actors[Who.VenueSiteA], CultureCardAction.RecordUse, world.OtherVenueA.Id, CancellationToken.None));
        Assert.Equal(world.VenueA.Id, (await desks.OfAsync(world.Actors[Who.VenueSiteA], CultureCardAction.RecordUse, world.VenueA.Id, CancellationToken.None))?.Id);
    }

    /// <summary>Each desk page handler declares the action and the audit event the desk relies on.</summary>
    [Theory]
    [InlineData(typeof(IndexModel), "OnGetAsync", CultureCardAction.UseDesk, null, CultureCardAudit.DeskOpen)]
    [InlineData(typeof(IndexModel), "OnPostLookupAsync", CultureCardAction.LookupCard, null, CultureCardAudit.CardLookup)]
    [InlineData(typeof(IndexModel), "OnPostRecordAsync", CultureCardAction.RecordUse, null, CultureCardAudit.UseRecord)]
    [InlineData(typeof(IndexModel), "OnPostCancelAsync", CultureCardAction.CancelUse, "id", CultureCardAudit.UseCancel)]
    [InlineData(typeof(TodayModel), "OnGetAsync", CultureCardAction.UseDesk, null, CultureCardAudit.TodayRead)]
    [InlineData(typeof(Vakka.CultureCard.Areas.CultureCard.Pages.Desk.Events.IndexModel), "OnGetAsync", CultureCardAction.ManageEvents, null, CultureCardAudit.EventList)]
    [InlineData(typeof(Vakka.CultureCard.Areas.CultureCard.Pages.Desk.Events.EditModel), "OnPostAsync", CultureCardAction.ManageEvents, null, CultureCardAudit.EventSave)]
    [InlineData(typeof(Vakka.CultureCard.Areas.CultureCard.Pages.Desk.Events.EditModel), "OnPostCancelAsync", CultureCardAction.ManageEvents, null, CultureCardAudit.EventSave)]
    public void Desk_handlers_declare_their_action_and_audit_event(Type page, string handler, CultureCardAction action, string? target, CultureCardAudit audit)
    {
        var declared = Declarations.Of(page.GetMethod(handler, BindingFlags.Public | BindingFlags.Instance), page);
        Assert.Equal((action, target, audit), ((CultureCardAction)declared.Requires!.Action, declared.Requires.Target, (CultureCardAudit)declared.Audited!.Event));
    }

    private sealed class World
    {
        private static readonly SemaphoreSlim Gate = new(1, 1);
        private static (VakkaFactory App, World World)? cached;

        public required Area AreaA { get; init; }
        public required Area AreaB { get; init; }
        public required Site VenueA { get; init; }
        public required Site OtherVenueA { get; init; }
        public required Site IntermediaryA { get; init; }
        public required Site DistributorA { get; init; }
        public required Site VenueB { get; init; }
        public required Dictionary<On, Guid> Uses { get; init; }
        public required Dictionary<Who, Actor> Actors { get; init; }
        private Guid Unknown { get; } = Guid.CreateVersion7();

        public Guid? Target(On on) => on switch
        {
            On.NoTarget => null,
            On.VenueA => VenueA.Id.Value,
            On.OtherVenueA => OtherVenueA.Id.Value,
            On.IntermediaryA => IntermediaryA.Id.Value,
            On.DistributorA => DistributorA.Id.Value,
            On.VenueB => VenueB.Id.Value,
            On.Unknown => Unknown,
            _ => Uses[on],
        };

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
            var otherVenueA = await TestData.SiteAsync(app, org, areaA, SiteType.Venue);
            var intermediaryA = await TestData.SiteAsync(app, org, areaA, SiteType.TicketIntermediary);
            var distributorA = await TestData.SiteAsync(app, org, areaA, SiteType.Distributor);
            var venueB = await TestData.SiteAsync(app, org, areaB, SiteType.Venue);

            async Task<Actor> SiteAccount(Site site, Role role)
            {
                var account = await TestData.SiteAccountAsync(app, site, role);
                return new Actor(new AccountId(account.Id), site.Id.Value, [new RoleAssignment(role, Scope.Site(site.Id.Value))]);
            }
            static Actor Person(Role role, Scope scope) => new(new AccountId(Guid.CreateVersion7()), null, [new RoleAssignment(role, scope)]);

            var card = await CardData.CardAsync(app, distributorA, areaA);
            var uses = new Dictionary<On, Guid>();
            await app.WithDbAsync(async db =>
            {
                db.Add(new ServedVenue { IntermediarySiteId = intermediaryA.Id, VenueSiteId = venueA.Id, AddedAt = DateTime.UtcNow });
                foreach (var (on, site, desk, area) in new[]
                         {
                             (On.UseAtVenueA, venueA, venueA, areaA), (On.UseViaIntermediaryA, venueA, intermediaryA, areaA), (On.UseAtVenueB, venueB, venueB, areaB),
                         })
                {
                    var use = new CardUse
                    {
                        Id = UseId.New(), CardId = card.Id, VenueSiteId = site.Id, VenueAreaId = area.Id, DeskSiteId = desk.Id, EventName = "Testi", Category = UseCategory.Culture,
                        UseDate = card.IssuedOn, AdultTickets = 1, RecordedAt = DateTime.UtcNow, CardAreaId = card.AreaId, IssuingSiteId = card.IssuingSiteId,
                    };
                    db.Add(use);
                    uses[on] = use.Id.Value;
                }
                await db.SaveChangesAsync();
            });

            return new World
            {
                AreaA = areaA, AreaB = areaB, VenueA = venueA, OtherVenueA = otherVenueA, IntermediaryA = intermediaryA,
                DistributorA = distributorA, VenueB = venueB, Uses = uses,
                Actors = new()
                {
                    [Who.SystemAdmin] = Person(Role.SystemAdmin, Scope.Global),
                    [Who.NationalCoordinator] = Person(Role.NationalCoordinator, Scope.Global),
                    [Who.AreaCoordinatorA] = Person(Role.AreaCoordinator, Scope.Area(areaA.Id.Value)),
                    [Who.DistributorSiteA] = await SiteAccount(distributorA, Role.DistributorSite),
                    [Who.VenueSiteA] = await SiteAccount(venueA, Role.VenueSite),
                    [Who.OtherVenueSiteA] = await SiteAccount(otherVenueA, Role.VenueSite),
                    [Who.TicketIntermediaryA] = await SiteAccount(intermediaryA, Role.TicketIntermediary),
                    [Who.VenueSiteB] = await SiteAccount(venueB, Role.VenueSite),
                    [Who.Anonymous] = Actor.Anonymous,
                },
            };
        }
    }
}
