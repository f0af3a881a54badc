using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;

namespace Vakka.Directory.Features;

public sealed record DemoAccount(string UserName, string Password, string RoleText);

/// <summary>
/// Demo organisations, areas, sites and one account for every role, loaded into an empty database when
/// DemoData:Enabled is on (the default for `dotnet run`). All demo accounts share one password.
/// </summary>
public sealed class DemoData(VakkaDb db, UserManager<Account> users, TimeProvider clock)
{
    public const string Password = "Vakka-demo-2026";

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("admin", Password, "System administrator"),
        new("auditor", Password, "Auditor"),
        new("national", Password, "National Kaikukortti coordinator"),
        new("area.helsinki", Password, "Area coordinator, Pääkaupunkiseutu"),
        new("area.pirkanmaa", Password, "Area coordinator, Pirkanmaa"),
        new("distributor.kallio", Password, "Distributor site account, Kallion sosiaaliasema"),
        new("venue.museum", Password, "Venue site account, Helsingin kaupunginmuseo"),
        new("intermediary", Password, "Ticket intermediary site account, Lipunmyynti Oy"),
        new("archivist", Password, "Archivist, Helsingin kaupunki"),
        new("archivist2", Password, "Second archivist, Helsingin kaupunki (two-person destruction)"),
        new("social.worker", Password, "Social-welfare professional, Helsingin kaupunki"),
        new("project.lead", Password, "Deployment project lead, Helsingin kaupunki"),
        new("vendor", Password, "System vendor, Helsingin kaupunki"),
        new("site.manager", Password, "Site manager (keys), Aleksis Kiven koulu"),
        new("reservations", Password, "Reservation coordinator (keys), Helsingin kaupunki"),
    ];

    public async Task<bool> LoadIfEmptyAsync(CancellationToken ct)
    {
        if (await db.Set<Organisation>().AnyAsync(ct)) return false;
        var now = clock.GetUtcNow().UtcDateTime;

        Organisation Org(string name, string businessId, string oid) =>
            Add(new Organisation { Id = OrganisationId.New(), Name = name, BusinessId = businessId, Oid = oid, CreatedAt = now });
        var helsinki = Org("Helsingin kaupunki", "0201256-6", "1.2.246.10.2012566");
        var espoo = Org("Espoon kaupunki", "0101263-6", "1.2.246.10.1012636");
        var tampere = Org("Tampereen kaupunki", "0211675-2", "1.2.246.10.2116752");
        var kaiku = Org("Kulttuuriyhdistys Kaiku ry", "2345678-0", "1.2.246.10.23456780");
        var tickets = Org("Lipunmyynti Oy", "0204819-8", "1.2.246.10.2048198");
        var vantaa = Org("Vantaan kaupunki", "0124610-9", "1.2.246.10.1246109");
        var nokia = Org("Nokian kaupunki", "0150102-6", "1.2.246.10.1501026");
        var settlement = Org("Setlementti Tampere ry", "0203254-0", "1.2.246.10.2032540");
        var science = Org("Tiedekeskussäätiö", "0152015-5", "1.2.246.10.1520155");
        var vasa = Org("Vasa stad", "0209602-6", "1.2.246.10.2096026");
        var korsholm = Org("Korsholms kommun", "0177736-4", "1.2.246.10.1777364");

        Area AreaOf(string name, params string[] municipalities)
        {
            var id = AreaId.New();
            return Add(new Area { Id = id, Name = name, CreatedAt = now, Municipalities = municipalities.Select(m => new AreaMunicipality { AreaId = id, Name = m }).ToList() });
        }
        var capital = AreaOf("Pääkaupunkiseutu", "Helsinki", "Espoo", "Vantaa", "Kauniainen");
        var pirkanmaa = AreaOf("Pirkanmaa", "Tampere", "Nokia", "Ylöjärvi", "Kangasala", "Lempäälä", "Pirkkala");
        var ostrobothnia = AreaOf("Österbotten", "Vasa", "Korsholm", "Närpes", "Vörå", "Korsnäs");

        Site SiteOf(Organisation org, Area? area, string name, string oidSuffix, SiteType type, string street, string postal, string municipality, string? email = null) =>
            Add(new Site
            {
                Id = SiteId.New(), OrganisationId = org.Id, AreaId = area?.Id, Name = name, Oid = $"{org.Oid}.{oidSuffix}", Type = type,
                StreetAddress = street, PostalCode = postal, Municipality = municipality, ContactEmail = email, CreatedAt = now,
            });
        var kallio = SiteOf(helsinki, capital, "Kallion sosiaaliasema", "10.1", SiteType.Distributor, "Toinen linja 4", "00530", "Helsinki", "kallio@example.fi");
        SiteOf(kaiku, capital, "Kulttuuriyhdistys Kaiku, asiakaspalvelu", "10.1", SiteType.Distributor, "Vilhonkatu 6", "00100", "Helsinki");
        var museum = SiteOf(helsinki, capital, "Helsingin kaupunginmuseo", "10.2", SiteType.Venue, "Aleksanterinkatu 16", "00170", "Helsinki", "museo@example.fi");
        SiteOf(espoo, capital, "Espoon kulttuurikeskus", "10.1", SiteType.Venue, "Kulttuuriaukio 2", "02100", "Espoo");
        var ticketDesk = SiteOf(tickets, capital, "Lipunmyynti Oy, asiakaspalvelu", "10.1", SiteType.TicketIntermediary, "Mannerheimintie 22", "00100", "Helsinki");
        SiteOf(tampere, pirkanmaa, "Tampereen pääkirjasto Metso", "10.1", SiteType.Venue, "Pirkankatu 2", "33210", "Tampere");
        SiteOf(tampere, pirkanmaa, "Hervannan sosiaaliasema", "10.2", SiteType.Distributor, "Insinöörinkatu 38", "33720", "Tampere");
        SiteOf(helsinki, null, "Sosiaalipalvelut, aikuissosiaalityö keskusta", "10.3", SiteType.ServiceUnit, "Siltasaarenkatu 18", "00530", "Helsinki");
        // More of the Kaikukortti network, so that the statistics have something to show.
        SiteOf(espoo, capital, "Espoon aikuissosiaalityö", "10.2", SiteType.Distributor, "Kamreerintie 2", "02770", "Espoo");
        SiteOf(vantaa, capital, "Vantaan nuorisopalvelut", "10.1", SiteType.Distributor, "Asematie 7", "01300", "Vantaa");
        SiteOf(helsinki, capital, "Kulttuurikeskus Stoa", "10.5", SiteType.Venue, "Turunlinnantie 1", "00930", "Helsinki");
        SiteOf(helsinki, capital, "Helsingin työväenopisto", "10.6", SiteType.Venue, "Helsinginkatu 26", "00530", "Helsinki");
        SiteOf(helsinki, capital, "Pirkkolan uimahalli", "10.7", SiteType.Venue, "Pirkkolan metsätie 6", "00630", "Helsinki");
        SiteOf(science, capital, "Tiedekeskus Heureka", "10.1", SiteType.Venue, "Tiedepuisto 1", "01300", "Vantaa");
        SiteOf(nokia, pirkanmaa, "Nokian sosiaalipalvelut", "10.1", SiteType.Distributor, "Härkitie 6", "37100", "Nokia");
        SiteOf(settlement, pirkanmaa, "Setlementti Tampere, nuorten palvelut", "10.1", SiteType.Distributor, "Hämeenpuisto 28", "33200", "Tampere");
        SiteOf(tampere, pirkanmaa, "Museokeskus Vapriikki", "10.3", SiteType.Venue, "Alaverstaanraitti 5", "33100", "Tampere");
        SiteOf(tampere, pirkanmaa, "Tampereen Uintikeskus", "10.4", SiteType.Venue, "Joukahaisenkatu 7", "33540", "Tampere");
        SiteOf(tampere, pirkanmaa, "Pirkan opisto", "10.5", SiteType.Venue, "Sarankulmankatu 12", "33900", "Tampere");
        SiteOf(vasa, ostrobothnia, "Vasa socialbyrå", "10.1", SiteType.Distributor, "Rådhusgatan 26", "65100", "Vasa");
        SiteOf(korsholm, ostrobothnia, "Korsholms socialtjänst", "10.1", SiteType.Distributor, "Skolvägen 1", "65610", "Korsholm");
        SiteOf(vasa, ostrobothnia, "Vasa stadsteater", "10.2", SiteType.Venue, "Kyrkoesplanaden 26", "65100", "Vasa");
        SiteOf(vasa, ostrobothnia, "Vasa simhall", "10.3", SiteType.Venue, "Kyrkoesplanaden 37", "65100", "Vasa");
        SiteOf(vasa, ostrobothnia, "Terranova – Kvarkens naturcentrum", "10.4", SiteType.Venue, "Museigatan 3", "65100", "Vasa");
        SiteOf(vasa, ostrobothnia, "Vasa arbetarinstitut", "10.5", SiteType.Venue, "Kyrkoesplanaden 23", "65100", "Vasa");
        var school = SiteOf(helsinki, null, "Aleksis Kiven koulu", "10.4", SiteType.Facility, "Kristianinkatu 12", "00170", "Helsinki");
        await db.SaveChangesAsync(ct);

        async Task Person(string user, string name, Role role, Scope scope) =>
            await AccountOf(user, name, AccountKind.Personal, null, role, scope, now);
        await Person("admin", "Anna Ylläpitäjä", Role.SystemAdmin, Scope.Global);
        await Person("auditor", "Aarne Auditoija", Role.Auditor, Scope.Global);
        await Person("national", "Kaisa Kansallinen", Role.NationalCoordinator, Scope.Global);
        await Person("area.helsinki", "Aino Alue", Role.AreaCoordinator, Scope.Area(capital.Id.Value));
        await Person("area.pirkanmaa", "Pekka Pirkka", Role.AreaCoordinator, Scope.Area(pirkanmaa.Id.Value));
        await AccountOf("distributor.kallio", "Kallion sosiaaliasema", AccountKind.Site, kallio.Id, Role.DistributorSite, Scope.Site(kallio.Id.Value), now);
        await AccountOf("venue.museum", "Kaupunginmuseon lipunmyynti", AccountKind.Site, museum.Id, Role.VenueSite, Scope.Site(museum.Id.Value), now);
        await AccountOf("intermediary", "Lipunmyynti Oy", AccountKind.Site, ticketDesk.Id, Role.TicketIntermediary, Scope.Site(ticketDesk.Id.Value), now);
        await Person("archivist", "Arja Arkistonhoitaja", Role.Archivist, Scope.Organisation(helsinki.Id.Value));
        await Person("archivist2", "Aleksi Arkistonhoitaja", Role.Archivist, Scope.Organisation(helsinki.Id.Value));
        await Person("social.worker", "Sanna Sosiaalityöntekijä", Role.SocialWelfareProfessional, Scope.Organisation(helsinki.Id.Value));
        await Person("project.lead", "Petri Projektipäällikkö", Role.DeploymentProjectLead, Scope.Organisation(helsinki.Id.Value));
        await Person("vendor", "Ville Toimittaja", Role.SystemVendor, Scope.Organisation(helsinki.Id.Value));
        await Person("site.manager", "Seppo Vahtimestari", Role.SiteManager, Scope.Site(school.Id.Value));
        await Person("reservations", "Riikka Varauskoordinaattori", Role.ReservationCoordinator, Scope.Organisation(helsinki.Id.Value));
        await db.SaveChangesAsync(ct);
        return true;
    }

    private T Add<T>(T entity) where T : class
    {
        db.Add(entity);
        return entity;
    }

    private async Task AccountOf(string userName, string displayName, AccountKind kind, SiteId? site, Role role, Scope scope, DateTime now)
    {
        var account = new Account
        {
            Id = Guid.CreateVersion7(), UserName = userName, Email = $"{userName}@vakka.example", EmailConfirmed = true,
            DisplayName = displayName, Kind = kind, SiteId = site, CreatedAt = now, LockoutEnabled = true,
        };
        var result = await users.CreateAsync(account, Password);
        if (!result.Succeeded) throw new InvalidOperationException($"Demo account {userName}: {string.Join(", ", result.Errors.Select(e => e.Code))}");
        db.Add(new RoleAssignmentRow
        {
            Id = Guid.CreateVersion7(), AccountId = account.Id, Role = role, ScopeKind = scope.Kind,
            ScopeId = scope.Kind == ScopeKind.Global ? null : scope.Id, GrantedAt = now,
        });
    }
}
