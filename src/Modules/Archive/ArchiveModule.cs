using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vakka.Archive.Configuration;
using Vakka.Archive.Domain.Retention;

namespace Vakka.Archive;

/// <summary>
/// The social-welfare client data archive. So far only its pure retention rules (laki 703/2023): no pages, tables,
/// actions or endpoints yet, so there is no <c>IModuleModel</c>, access catalog or API to register.
/// </summary>
public static class ArchiveModule
{
    /// <summary>The configuration section of the retention settings (<see cref="RetentionOptions"/>).</summary>
    public const string RetentionSection = "Archive:Retention";

    public static IServiceCollection AddArchive(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionSection)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidation>();
        services.AddSingleton(sp => new RetentionRules(sp.GetRequiredService<IOptions<RetentionOptions>>().Value));
        return services;
    }
}
