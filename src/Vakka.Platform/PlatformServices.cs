using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Email;
using Vakka.Platform.Jobs;
using Vakka.Platform.Localisation;
using Vakka.Platform.Web;

namespace Vakka.Platform;

/// <summary>An assembly whose embedded *.texts.json files belong to the text catalog.</summary>
public sealed record TextAssembly(Assembly Assembly);

public static class PlatformServices
{
    public static IServiceCollection AddVakkaPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();

        services.AddSingleton<AccessCatalog>();
        services.AddSingleton<IAccessRules, PlatformAccessRules>();
        services.AddScoped<AccessControl>();
        services.AddScoped<JobTargets>();
        services.AddScoped<CurrentActor>();
        services.AddScoped<AuditContext>();
        services.AddScoped<AuditLog>();
        services.Configure<AuditOptions>(configuration.GetSection("Audit"));
        services.AddHostedService<AuditSealer>();
        services.AddScoped<RequestGate>();
        services.AddScoped<Navigation>();

        services.Configure<JobOptions>(configuration.GetSection("Jobs"));
        services.AddScoped<JobPlanner>();
        services.AddScoped<DatabaseLock>();
        services.AddSingleton<JobExecutor>();
        services.AddHostedService<JobRunner>();

        services.Configure<EmailOptions>(configuration.GetSection("Email"));
        var emailMode = configuration["Email:Mode"] ?? "Outbox";
        if (string.Equals(emailMode, "Smtp", StringComparison.OrdinalIgnoreCase))
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        else
            services.AddSingleton<IEmailSender, OutboxEmailSender>();
        services.AddScoped<IJobHandler, SendEmailJob>();

        services.AddTexts(typeof(PlatformServices).Assembly);
        services.AddSingleton(sp => new TextCatalog(sp.GetServices<TextAssembly>().Select(t => t.Assembly)));
        services.AddSingleton<IStringLocalizerFactory, CatalogStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizer>(sp => sp.GetRequiredService<IStringLocalizerFactory>().Create(typeof(TextCatalog)));
        services.AddSingleton(typeof(IStringLocalizer<>), typeof(TypedLocalizer<>));
        return services;
    }

    public static IServiceCollection AddTexts(this IServiceCollection services, Assembly assembly)
    {
        services.AddSingleton(new TextAssembly(assembly));
        return services;
    }

    private sealed class TypedLocalizer<T>(IStringLocalizerFactory factory) : IStringLocalizer<T>
    {
        private readonly IStringLocalizer inner = factory.Create(typeof(T));
        public LocalizedString this[string name] => inner[name];
        public LocalizedString this[string name, params object[] arguments] => inner[name, arguments];
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
    }
}
