using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Vakka.Platform.Localisation;

/// <summary>
/// Every UI text of the product, read from the embedded <c>*.texts.json</c> files of the platform and the modules:
/// one key with its Finnish, Swedish and English text side by side, so a missing translation is easy to see
/// (and a test fails on it).
/// </summary>
public sealed class TextCatalog
{
    public static readonly string[] Languages = ["fi", "sv", "en"];
    public const string DefaultLanguage = "fi";

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> texts;

    public TextCatalog(IEnumerable<Assembly> assemblies)
    {
        var all = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var assembly in assemblies.Distinct())
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".texts.json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            var file = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)
                       ?? throw new InvalidOperationException($"{resource} is empty.");
            foreach (var (key, byLanguage) in file)
            {
                if (!all.TryAdd(key, byLanguage.ToFrozenDictionary()))
                    throw new InvalidOperationException($"Text key {key} is defined twice ({resource}).");
            }
            Sources.Add(resource);
        }
        texts = all.ToFrozenDictionary();
    }

    public List<string> Sources { get; } = [];
    public IEnumerable<string> Keys => texts.Keys;

    public string? Find(string key, string language) =>
        texts.TryGetValue(key, out var byLanguage) && byLanguage.TryGetValue(language, out var text) && text.Length > 0 ? text : null;

    public IReadOnlyDictionary<string, string>? All(string key) => texts.GetValueOrDefault(key);

    public static string LanguageOf(CultureInfo culture)
    {
        var name = culture.TwoLetterISOLanguageName;
        return Languages.Contains(name) ? name : DefaultLanguage;
    }
}

public sealed class CatalogStringLocalizer(TextCatalog catalog) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var text = catalog.Find(name, TextCatalog.LanguageOf(CultureInfo.CurrentUICulture));
            return new LocalizedString(name, text ?? name, resourceNotFound: text is null);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var template = this[name];
            var args = arguments.Select(a => a is string s && catalog.Find(s, TextCatalog.LanguageOf(CultureInfo.CurrentUICulture)) is { } t ? t : a).ToArray();
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, template.Value, args), template.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        catalog.Keys.Select(k => this[k]);
}

/// <summary>One localizer for every type: keys are global ("Directory.Site.Name").</summary>
public sealed class CatalogStringLocalizerFactory(TextCatalog catalog) : IStringLocalizerFactory
{
    private readonly CatalogStringLocalizer localizer = new(catalog);
    public IStringLocalizer Create(Type resourceSource) => localizer;
    public IStringLocalizer Create(string baseName, string location) => localizer;
}
