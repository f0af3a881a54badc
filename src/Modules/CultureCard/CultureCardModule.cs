using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vakka.CultureCard.Access;
using Vakka.CultureCard.Data;
using Vakka.CultureCard.Areas.CultureCard.Pages.Cards;
using Vakka.CultureCard.Features.Cards;
using Vakka.CultureCard.Features.AreaRuleSettings;
using Vakka.CultureCard.Features.Batches;
using Vakka.CultureCard.Features.LifeSituations;
using Vakka.CultureCard.Features.Desk;
using Vakka.CultureCard.Features.Events;
using Vakka.CultureCard.Features.Shared;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Data;
using Vakka.Platform.Web;

namespace Vakka.CultureCard;

/// <summary>The Kaikukortti registry's whole surface: cards, the ticket desk, the network and the statistics.</summary>
public static class CultureCardModule
{
    public static IModuleModel Model { get; } = new CultureCardModel();

    public static IServiceCollection AddCultureCard(this IServiceCollection services)
    {
        services.AddSingleton<IAccessRules, CultureCardAccessRules>();
        services.AddScoped<SiteTargets>().AddScoped<AreaTargets>().AddScoped<CardTargets>().AddScoped<UseTargets>().AddScoped<DeskTargets>();
        services.AddTexts(typeof(CultureCardModule).Assembly);
        services.AddScoped<AreaRulesReader>().AddScoped<CardHistory>().AddScoped<CardClock>();
        services.AddScoped<Features.Demo.CardDemoData>().AddScoped<Features.Demo.NetworkDemoData>().AddScoped<Features.Demo.DemoRegister>();
        services.AddScoped<Features.Network.NetworkOverview>().AddScoped<Features.Network.ServeVenue>().AddScoped<Features.Network.StopServingVenue>();
        services.AddScoped<Features.ApiKeys.ManageApiKeys>();
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, Features.ApiKeys.ApiKeyHandler>(
            Features.ApiKeys.ApiKeyHandler.SchemeName, null);
        services.AddSingleton(new NavItem("Nav.Group.CultureCard", "CultureCard.Nav.ApiKeys", "/culturecard/apikeys", CultureCardAction.ManageApiKeys, 185));
        services.AddSingleton(new NavItem("Nav.Group.CultureCard", "CultureCard.Nav.Network", "/culturecard/network", CultureCardAction.ViewNetwork, 180));
        services.AddScoped<Features.Statistics.ReadUseBreakdowns>().AddScoped<Features.Statistics.ReadCardRegistrations>().AddScoped<Features.Statistics.RefreshStatistics>();
        services.AddScoped<Vakka.Platform.Jobs.IJobHandler, Features.Statistics.RefreshStatisticsJob>();
        services.AddSingleton(new Vakka.Platform.Jobs.ScheduledJob(Features.Statistics.RefreshStatisticsJob.JobKind, Every: Features.Statistics.RefreshStatisticsJob.Every));
        services.AddScoped<Features.Statistics.StatisticsScopes>().AddScoped<Features.Statistics.BuildDashboard>()
            .AddScoped<Features.Statistics.NationalYearlyTable>();
        services.AddSingleton(new NavItem("Nav.Group.CultureCard", "CultureCard.Nav.Statistics", "/culturecard/statistics", CultureCardAction.ViewStatistics, 190));
        services.AddScoped<RegisterCard>().AddScoped<ListCards>().AddScoped<GetCard>().AddScoped<ChangeCard>()
            .AddScoped<ExtendCard>().AddScoped<EndCard>().AddScoped<ReplaceCard>().AddScoped<CardChoices>();
        services.AddSingleton(new NavItem("Nav.Group.CultureCard", "CultureCard.Nav.Cards", "/culturecard/cards", CultureCardAction.ListCards, 100));

        // The national coordinator's card IDs, life-situation list and area rules (area coordinators: their own area's rules)
        services.AddScoped<ListBatches>().AddScoped<CreateBatch>().AddScoped<PrintBatch>().AddScoped<ImportLegacyCodes>();
        services.AddScoped<ListLifeSituations>().AddScoped<GetLifeSituation>().AddScoped<AddLifeSituation>().AddScoped<UpdateLifeSituation>();
        services.AddScoped<ListAreaRules>().AddScoped<GetAreaRules>().AddScoped<UpdateAreaRules>();
        services.AddSingleton(new NavItem("Nav.Group.CultureCard", "CultureCard.Nav.Batches", "/culturecard/batches", CultureCardAction.ManageBatches, 72));
        services.AddSingleton(new NavItem("Nav.Group.CultureCard", "CultureCard.Nav.LifeSituations", "/culturecard/lifesituations", CultureCardAction.ManageLifeSituations, 74));
        services.AddSingleton(new NavItem("Nav.Group.CultureCard", "CultureCard.Nav.AreaRules", "/culturecard/arearules", CultureCardAction.ManageAreaRules, 76));
        AddDesk(services);
        return services;
    }

    /// <summary>The ticket desk of venues and ticket intermediaries: lookup, record and cancel uses, events, the today view.</summary>
    private static void AddDesk(IServiceCollection services)
    {
        services.AddScoped<DeskSites>().AddScoped<OpenDesk>().AddScoped<LookupCard>().AddScoped<RecordUse>().AddScoped<CancelUse>()
            .AddScoped<TodayCounts>().AddScoped<ListEvents>().AddScoped<SaveEvent>().AddScoped<CancelEvent>();
        services.AddSingleton(new NavItem("Nav.Group.CultureCard", "CultureCard.Nav.Desk", "/culturecard/desk", CultureCardAction.UseDesk, 110));
        services.AddSingleton(new NavItem("Nav.Group.CultureCard", "CultureCard.Nav.DeskToday", "/culturecard/desk/today", CultureCardAction.UseDesk, 111));
        services.AddSingleton(new NavItem("Nav.Group.CultureCard", "CultureCard.Nav.DeskEvents", "/culturecard/desk/events", CultureCardAction.ManageEvents, 112));
    }

    public static IEndpointRouteBuilder MapCultureCardApi(this IEndpointRouteBuilder endpoints) => Api.TicketingApi.MapCultureCardApi(endpoints);
}
