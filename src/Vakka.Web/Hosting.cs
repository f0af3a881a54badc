using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Vakka.Archive;
using Vakka.CultureCard;
using Vakka.Directory;
using Vakka.Directory.Api;
using Vakka.Migrations;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Data;
using Vakka.Platform.Localisation;
using Vakka.Platform.Web;

namespace Vakka.Web;

/// <summary>How the host is put together: database, modules, security, localisation and the request pipeline.</summary>
public static class Hosting
{
    private static readonly string[] RateLimitedPaths = ["/account/sign-in", "/account/sign-in-2fa", "/account/forgot-password", "/account/reset-password"];
    public static readonly CultureInfo[] Cultures = [.. TextCatalog.Languages.Select(l => new CultureInfo(LanguageCookie.CultureOf(l)))];

    public static void AddVakka(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var services = builder.Services;

        var provider = VakkaDatabase.ParseProvider(config["Database:Provider"]);
        var connectionString = ConnectionString(builder);
        // Pooled contexts: a request takes a context that is already set up (its internal services resolved) and gives it
        // back reset (change tracker cleared, connection closed, transaction and savepoint settings back to their
        // defaults), instead of building one per request. VakkaDb holds no state of its own beyond EF Core's.
        if (provider == DatabaseProvider.Postgres)
            services.AddDbContextPool<VakkaDb, PostgresVakkaDb>(o => VakkaDatabase.Configure(o, provider, connectionString));
        else
            services.AddDbContextPool<VakkaDb, SqliteVakkaDb>(o => VakkaDatabase.Configure(o, provider, connectionString));

        services.AddVakkaPlatform(config);
        services.AddDirectory(config);
        services.AddCultureCard();
        services.AddArchive(config);
        services.AddTexts(typeof(Hosting).Assembly);
        NavigationItems.Register(services);

        services.AddDataProtection().SetApplicationName("Vakka").PersistKeysToDbContext<VakkaDb>();

        // No authorization conventions: the declaration filter is the one gate (deny by default).
        services.AddRazorPages()
            .AddMvcOptions(o =>
            {
                o.Filters.Add<DeclarationPageFilter>();
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            })
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(TextCatalog)));
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((o, factory) => ModelBindingTexts.Apply(o, factory.Create(typeof(TextCatalog))));
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "vakka.af";
            o.HeaderName = "X-CSRF-TOKEN";
        });

        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        // Sign-in, the second factor and the password forms: a fixed window of POSTs per client address.
        var signInPermits = config.GetValue("RateLimiting:SignInPermitsPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                HttpMethods.IsPost(http.Request.Method) && RateLimitedPaths.Any(p => http.Request.Path.StartsWithSegments(p))
                    ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = signInPermits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("none"));
        });

        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new Vakka.Platform.Ids.TypedIdJsonConverterFactory());
        });
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Vakka API";
            doc.Info.Description = "HTTP API of Vakka. Every endpoint declares the action it needs and the audit event it writes.";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddDbContextCheck<VakkaDb>("database", tags: ["ready"]);

        // Traces and metrics only when they go somewhere: an instrumented request without an exporter costs CPU for nothing.
        var otlp = config["OpenTelemetry:OtlpEndpoint"];
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            services.AddOpenTelemetry()
                .WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
                .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
                .UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf, new Uri(otlp));
        }

        // Behind a TLS-terminating proxy or load balancer: trust X-Forwarded-For/-Proto from the networks named.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var network in config.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            foreach (var proxy in config.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        });

        if (!builder.Environment.IsDevelopment()) builder.Logging.AddJsonConsole();
    }

    /// <summary>The SQLite default is a file in the data folder; PostgreSQL needs ConnectionStrings:Default.</summary>
    private static string ConnectionString(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString("Default");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        if (VakkaDatabase.ParseProvider(builder.Configuration["Database:Provider"]) == DatabaseProvider.Postgres)
            throw new InvalidOperationException("Database:Provider is Postgres: set ConnectionStrings:Default (or ConnectionStrings__Default).");
        var folder = Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["DataFolder"] ?? "data");
        System.IO.Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "vakka.db"), DefaultTimeout = 30 }.ToString();
    }

    public static void UseVakka(this WebApplication app)
    {
        if (app.Configuration.GetValue("ForwardedHeaders:Enabled", false)) app.UseForwardedHeaders();
        if (app.Environment.IsDevelopment()) app.UseDeveloperExceptionPage();
        else
        {
            app.UseExceptionHandler("/error/500");
            app.UseHsts();
        }

        var development = app.Environment.IsDevelopment();
        app.UseWhen(http => !http.Request.Path.StartsWithSegments(ApiReference.Path) && !Archive.Features.Pages.DisplayForm.IsPath(http.Request.Path),
            web => web.UseSecurityHeaders(SecurityHeaders.Policy(development)));
        app.UseWhen(http => Archive.Features.Pages.DisplayForm.IsPath(http.Request.Path), display => display.UseSecurityHeaders(ArchiveDisplayHeaders.Policy(development)));
        app.UseWhen(http => http.Request.Path.StartsWithSegments(ApiReference.Path), docs => docs.UseSecurityHeaders(ApiReference.Policy(development)));
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api"), web => web.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        // An API call or a page request runs all its statements (the API key or the session's account and roles, its
        // site, the audited transaction, the page's lists) on one pooled connection, opened here, instead of taking one
        // from the pool, resetting it and returning it for each step. Static files and health checks take none.
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api")
                || http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>() is not null, api => api.Use(async (http, next) =>
        {
            var db = http.RequestServices.GetRequiredService<VakkaDb>();
            await db.Database.OpenConnectionAsync(http.RequestAborted);
            try
            {
                await next(http);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }));
        app.UseAuthentication();
        app.UseDirectoryTwoFactorPolicy();
        app.UseAuthorization();
        app.UseMiddleware<TextSizeMiddleware>();

        app.MapStaticAssets().AllowAnonymous().NoAudit("static files");
        app.MapRazorPages().WithStaticAssets();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous().NoAudit("health probe");
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous().NoAudit("health probe");
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous().NoAudit("API description");
        app.MapDirectoryApi();
        app.MapCultureCardApi();
        app.MapArchiveApi();
        ApiReference.Map(app);
        SettingsEndpoints.Map(app);
    }

    /// <summary>
    /// Settings the web server cannot do without. E-mailed links must point at the service's own address, never at
    /// a Host header someone sent, so outside development the public address must be configured.
    /// </summary>
    public static void CheckServingConfiguration(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing")
            && string.IsNullOrWhiteSpace(app.Configuration["Security:PublicUrl"]))
            throw new InvalidOperationException("Set Security:PublicUrl (Security__PublicUrl) to the service's public address, e.g. https://vakka.example.fi.");
    }

    /// <summary>Creates or migrates the database and loads the demo data when configured.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VakkaDb>();
        if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
        {
            if (db.Provider == DatabaseProvider.Sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.MigrateAsync();
        }
        if (app.Configuration.GetValue("DemoData:Enabled", false))
        {
            await scope.ServiceProvider.GetRequiredService<Directory.Features.DemoData>().LoadIfEmptyAsync(CancellationToken.None);
            var cards = app.Configuration.GetValue("DemoData:Cards", CultureCard.Features.Demo.CardDemoData.Demo.Cards);
            var uses = app.Configuration.GetValue("DemoData:Uses", CultureCard.Features.Demo.CardDemoData.Demo.Uses);
            await scope.ServiceProvider.GetRequiredService<CultureCard.Features.Demo.DemoRegister>().LoadIfEmptyAsync(
                new CultureCard.Features.Demo.CardDemoData.Volume(cards, uses), new CultureCard.Features.Demo.EfCardBulkWriter(db), CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<Archive.Features.ClientSystems.ArchiveDemoData>().LoadIfEmptyAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<Archive.Features.Retention.RetentionDemoData>().LoadIfEmptyAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<Archive.Features.Migration.MigrationDemoData>().LoadIfEmptyAsync(CancellationToken.None);
        }
    }

    public static void PrintWelcome(this WebApplication app)
    {
        var urls = string.Join(", ", app.Urls);
        Console.WriteLine();
        Console.WriteLine($"Vakka is running at {urls}  (database: {app.Configuration["Database:Provider"] ?? "Sqlite"})");
        if (app.Configuration.GetValue("DemoData:Enabled", false))
        {
            Console.WriteLine($"Demo accounts (password for all: {Directory.Features.DemoData.Password}):");
            foreach (var account in Directory.Features.DemoData.Accounts)
                Console.WriteLine($"  {account.UserName,-20} {account.RoleText}");
            Console.WriteLine($"Demo archive client-system key (X-Api-Key, Helsingin kaupunki): {Archive.Features.ClientSystems.ArchiveDemoData.DemoKey}");
        }
        var email = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Vakka.Platform.Email.EmailOptions>>().Value;
        if (!string.Equals(email.Mode, "Smtp", StringComparison.OrdinalIgnoreCase))
            Console.WriteLine($"E-mails (password links) are written to {Vakka.Platform.Email.OutboxEmailSender.FolderOf(email, app.Environment.ContentRootPath)}");
        Console.WriteLine("Press Ctrl+C to stop.");
    }
}
