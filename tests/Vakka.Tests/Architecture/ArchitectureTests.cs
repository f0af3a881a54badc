using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vakka.Platform.Access;
using Vakka.Platform.Web;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;

namespace Vakka.Tests.Architecture;

/// <summary>The rules the compiler cannot keep: declarations everywhere, rules for every action, module boundaries, time and ids.</summary>
[Collection(AppCollection.Name)]
public sealed partial class ArchitectureTests(VakkaFactory app)
{
    private static readonly Assembly[] AppAssemblies =
    [
        typeof(Vakka.Platform.PlatformServices).Assembly,
        typeof(Vakka.Directory.DirectoryModule).Assembly,
        typeof(Vakka.CultureCard.CultureCardModule).Assembly,
        typeof(Vakka.Archive.ArchiveModule).Assembly,
        typeof(Vakka.Web.Hosting).Assembly,
    ];

    private static IEnumerable<(Type Page, MethodInfo Handler)> PageHandlers() =>
        from assembly in AppAssemblies
        from type in assembly.GetTypes()
        where typeof(PageModel).IsAssignableFrom(type) && !type.IsAbstract
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        where HandlerName().IsMatch(method.Name)
        select (type, method);

    [GeneratedRegex("^On(Get|Post|Put|Delete|Patch)")]
    private static partial Regex HandlerName();

    [Fact]
    public void Every_page_handler_declares_its_action_or_anonymity_and_its_audit_event()
    {
        var handlers = PageHandlers().ToList();
        Assert.True(handlers.Count > 30, $"expected the app's page handlers, found {handlers.Count}");
        var missing = handlers.Where(h => !Declarations.Of(h.Handler, h.Page).IsComplete)
            .Select(h => $"{h.Page.FullName}.{h.Handler.Name}").ToList();
        Assert.True(missing.Count == 0, "Undeclared handlers:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_page_model_has_at_least_one_declared_handler()
    {
        var pages = AppAssemblies.SelectMany(a => a.GetTypes())
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract && t.Name.EndsWith("Model", StringComparison.Ordinal)).ToList();
        var withHandlers = PageHandlers().Select(h => h.Page).ToHashSet();
        Assert.Empty(pages.Where(p => !withHandlers.Contains(p)).Select(p => p.FullName));
    }

    [Fact]
    public void Every_endpoint_declares_its_action_or_anonymity_and_its_audit_event()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>() is null
                        && e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>() is null)
            .ToList();
        Assert.NotEmpty(endpoints);
        var missing = endpoints
            // the static-file fallback the hosting adds outside production serves wwwroot files only
            .Where(e => !(e.DisplayName == "Fallback {**path:file}" && e.Metadata.Any(m => m.GetType().Name == "FallbackMetadata")))
            .Where(e => !Declarations.Of(e.Metadata).IsComplete).Select(e => e.DisplayName).ToList();
        Assert.True(missing.Count == 0, "Undeclared endpoints:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_action_of_every_catalog_has_rules_and_every_declared_action_is_in_a_catalog()
    {
        var catalog = app.Services.GetRequiredService<AccessCatalog>();
        Assert.Contains(typeof(Vakka.Directory.Access.DirectoryAction), catalog.ActionTypes);
        var withoutRules = catalog.ActionTypes.SelectMany(t => Enum.GetValues(t).Cast<Enum>())
            .Where(a => !catalog.IsDeclared(a)).Select(ActionCode.Of).ToList();
        Assert.True(withoutRules.Count == 0, "Actions without rules: " + string.Join(", ", withoutRules));

        var used = PageHandlers().Select(h => Declarations.Of(h.Handler, h.Page).Requires?.Action).OfType<Enum>();
        var unknown = used.Where(a => !catalog.IsDeclared(a)).Select(ActionCode.Of).Distinct().ToList();
        Assert.True(unknown.Count == 0, "Declared actions missing from the catalogs: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Every_handler_with_a_target_names_an_action_that_can_tell_unknown_targets()
    {
        var catalog = app.Services.GetRequiredService<AccessCatalog>();
        var blind = PageHandlers().Select(h => Declarations.Of(h.Handler, h.Page).Requires)
            .Concat(app.Services.GetRequiredService<EndpointDataSource>().Endpoints.Select(e => e.Metadata.GetMetadata<RequiresAttribute>()))
            .OfType<RequiresAttribute>()
            .Where(r => r.Target is not null && catalog.TargetResolverOf(r.Action) is null)
            .Select(r => ActionCode.Of(r.Action)).Distinct().ToList();
        Assert.True(blind.Count == 0, "Actions used with a target but without a target resolver (declare .Targets<T>()): " + string.Join(", ", blind));
    }

    [Fact]
    public void Modules_reference_only_the_platform_and_the_platform_references_no_module()
    {
        static IEnumerable<string> VakkaReferences(Assembly a) =>
            a.GetReferencedAssemblies().Select(r => r.Name!).Where(n => n.StartsWith("Vakka.", StringComparison.Ordinal));

        Assert.Empty(VakkaReferences(typeof(Vakka.Platform.PlatformServices).Assembly));
        foreach (var module in new[]
                 {
                     typeof(Vakka.Directory.DirectoryModule).Assembly, typeof(Vakka.CultureCard.CultureCardModule).Assembly,
                     typeof(Vakka.Archive.ArchiveModule).Assembly,
                 })
            // Only the platform and pure libraries (a module that does not use them yet, like the Archive's first slice,
            // references nothing).
            Assert.DoesNotContain(VakkaReferences(module), n => n is not ("Vakka.Platform" or "Vakka.Cda") && !n.EndsWith(".Contracts", StringComparison.Ordinal));
        // A pure library stands on the platform alone.
        Assert.Equal(["Vakka.Platform"], VakkaReferences(typeof(Vakka.Cda.CdaReader).Assembly));
    }

    [Fact]
    public void Source_code_takes_time_from_TimeProvider_and_ids_from_CreateVersion7()
    {
        var root = RepositoryRoot();
        var banned = BannedCalls();
        var offenders = System.IO.Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)))
            .Where(x => banned.IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(root, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "Use TimeProvider and Guid.CreateVersion7():\n" + string.Join("\n", offenders));
    }

    [GeneratedRegex(@"\b(DateTime|DateTimeOffset)\.(Now|UtcNow|Today)\b|\bGuid\.NewGuid\(")]
    private static partial Regex BannedCalls();

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Vakka.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Vakka.slnx not found above the test folder.");
    }
}
