using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vakka.Archive.Access;
using Vakka.Archive.Configuration;
using Vakka.Archive.Data;
using Vakka.Archive.Domain.Retention;
using Vakka.Archive.Features.ClientSystems;
using Vakka.Archive.Features.Disclosures;
using Vakka.Archive.Features.Documents;
using Vakka.Archive.Features.Integrity;
using Vakka.Archive.Features.Migration;
using Vakka.Archive.Features.Pages;
using Vakka.Archive.Features.Retention;
using Vakka.Platform.Access;
using Vakka.Platform.Data;
using Vakka.Platform.Web;
using Vakka.Platform;

namespace Vakka.Archive;

/// <summary>
/// The social-welfare client data archive: its tables (ar_), the archive API for client systems and archivists
/// (archive, version, void, query, retrieve with the SHA-256 checked on every read), the disclosure log with its FHIR R4 export, the integrity check and the
/// retention rules of laki 703/2023.
/// </summary>
public static class ArchiveModule
{
    /// <summary>The configuration section of the retention settings (<see cref="RetentionOptions"/>).</summary>
    public const string RetentionSection = "Archive:Retention";

    public static IModuleModel Model { get; } = new ArchiveModel();

    public static IServiceCollection AddArchive(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionSection)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidation>();
        services.AddSingleton(sp => new RetentionRules(sp.GetRequiredService<IOptions<RetentionOptions>>().Value));

        services.AddOptions<ArchiveOptions>().Bind(configuration.GetSection(ArchiveOptions.Section))
            .Validate(o => o.MaxDocumentBytes is > 0 and <= int.MaxValue, "Archive:MaxDocumentBytes must be between 1 and 2147483647.")
            .Validate(o => o.YearlyGrowthWarning > 0, "Archive:YearlyGrowthWarning must be a positive number of documents.").ValidateOnStart();
        services.AddOptions<DisclosureOptions>().Bind(configuration.GetSection(DisclosureOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DisclosureOptions>, DisclosureOptionsValidation>();
        services.AddSingleton<IAccessRules, ArchiveAccessRules>();
        services.AddScoped<RegistrarTargets>().AddScoped<DocumentTargets>().AddScoped<DisclosureTargets>().AddScoped<ProposalTargets>().AddScoped<MigrationTargets>()
            .AddScoped<ArchiveScope>();
        services.AddTexts(typeof(ArchiveModule).Assembly);
        services.AddScoped<DocumentIntake>().AddScoped<ArchiveDocument>().AddScoped<AddVersion>().AddScoped<VoidDocument>()
            .AddScoped<QueryDocuments>().AddScoped<RetrieveDocument>().AddScoped<ReadMetadata>();
        services.AddScoped<RecordDisclosure>().AddScoped<ExportDisclosures>();
        services.AddSingleton(new NavItem("Nav.Group.Archive", "Archive.Nav.Retention", "/archive/retention", ArchiveAction.ViewRetention, 320));
        services.AddScoped<RetentionDemoData>().AddScoped<Destruction>().AddScoped<Vakka.Platform.Jobs.IJobHandler, ExecuteDestructionJob>();
        services.AddScoped<DocumentRetention>().AddScoped<RecordRetentionEvent>().AddScoped<Vakka.Platform.Jobs.IJobHandler, RecomputeRetentionJob>();
        services.AddScoped<VerifyArchive>().AddScoped<ArchiveDemoData>().AddScoped<Features.Benchmark.QuerySetGenerator>();
        services.AddScoped<SearchArchive>().AddScoped<ViewDocument>();
        services.AddScoped<Features.Statistics.ArchiveStatistics>().AddScoped<Features.Statistics.Reconciliation>();
        services.AddSingleton(new NavItem("Nav.Group.Archive", "Archive.Nav.Reconciliation", "/archive/reconciliation", ArchiveAction.Reconcile, 340));
        services.AddSingleton(new NavItem("Nav.Group.Archive", "Archive.Nav.Statistics", "/archive/statistics", ArchiveAction.ViewStatistics, 330));
        services.AddScoped<ManageClientSystems>();
        services.AddSingleton(new NavItem("Nav.Group.Archive", "Archive.Nav.ClientSystems", "/archive/clientsystems", ArchiveAction.ManageClientSystems, 350));
        services.AddSingleton(new NavItem("Archive.Nav.Group", "Archive.Nav.Search", "/archive", ArchiveAction.SearchArchive, 200));
        services.AddOptions<MigrationOptions>().Bind(configuration.GetSection(MigrationOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MigrationOptions>, MigrationOptionsValidation>();
        services.AddSingleton<MigrationRunner>();
        services.AddScoped<ImportMapping>().AddScoped<StartMigration>().AddScoped<MigrationDemoData>().AddScoped<MigrationReports>().AddScoped<Vakka.Platform.Jobs.IJobHandler, MigrationJob>();
        services.AddSingleton(new NavItem("Nav.Group.Archive", "Archive.Nav.Migration", "/archive/migration", ArchiveAction.MigrateLegacy, 350));
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ArchiveKeyHandler>(ArchiveKeyHandler.SchemeName, null);
        return services;
    }

    public static IEndpointRouteBuilder MapArchiveApi(this IEndpointRouteBuilder endpoints) => Api.ArchiveApi.MapArchiveApi(endpoints);
}
