using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Vakka.Platform.Access;
using Vakka.Platform.Localisation;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;

namespace Vakka.Tests.Architecture;

/// <summary>Every UI text exists in Finnish, Swedish and English, and every key the code uses exists.</summary>
[Collection(AppCollection.Name)]
public sealed partial class TextCatalogTests(VakkaFactory app)
{
    private TextCatalog Catalog => app.Services.GetRequiredService<TextCatalog>();

    [Fact]
    public void Every_text_has_Finnish_Swedish_and_English()
    {
        Assert.True(Catalog.Keys.Count() > 200, "the catalog should hold the app's texts");
        var incomplete = Catalog.Keys
            .SelectMany(k => TextCatalog.Languages.Where(l => string.IsNullOrWhiteSpace(Catalog.Find(k, l))).Select(l => $"{k} [{l}]"))
            .ToList();
        Assert.True(incomplete.Count == 0, "Missing translations:\n" + string.Join("\n", incomplete));
    }

    [Fact]
    public void Every_text_key_used_in_the_source_exists()
    {
        var root = ArchitectureTests.RepositoryRoot();
        var used = System.IO.Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                        && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)
                        && !f.Contains("/Migrations/", StringComparison.Ordinal))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .Distinct().ToList();
        Assert.True(used.Count > 100, $"expected many text keys in the source, found {used.Count}");
        var missing = used.Where(k => Catalog.All(k) is null).Order().ToList();
        Assert.True(missing.Count == 0, "Keys used but not defined:\n" + string.Join("\n", missing));
    }

    [GeneratedRegex(""""(?:\b(?:L|Texts)\[|Name = |ErrorMessage = |Flash = |Add\(nameof\([A-Za-z]+\), |Invalid\([^,]+, |FieldError\([^,]+, |new NavItem\([^,]+, |Item\("[^"]+", )"(?<key>[A-Z][A-Za-z]+(?:\.[A-Za-z0-9]+)+)"""")]
    private static partial Regex KeyUse();

    [Fact]
    public void Every_role_and_enum_shown_in_the_ui_has_a_text()
    {
        var keys = Enum.GetValues<Role>().Select(r => $"Role.{r}")
            .Concat(Enum.GetValues<Vakka.Platform.SiteType>().Select(t => $"Directory.SiteType.{t}"))
            .Concat(Enum.GetValues<Vakka.Directory.Domain.AccountKind>().Select(k => $"Directory.AccountKind.{k}"))
            .Concat(Enum.GetValues<ScopeKind>().Select(k => $"Directory.Scope.{k}"))
            .Concat(Enum.GetValues<Vakka.Platform.Audit.AuditOutcome>().Select(o => $"Audit.Outcome.{o}"))
            .Concat(Enum.GetValues<Vakka.Platform.Jobs.JobStatus>().Select(s => $"Jobs.Status.{s}"));
        var missing = keys.Where(k => Catalog.All(k) is null).ToList();
        Assert.True(missing.Count == 0, "Missing: " + string.Join(", ", missing));
    }
}
