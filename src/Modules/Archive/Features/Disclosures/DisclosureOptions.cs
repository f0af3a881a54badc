using Microsoft.Extensions.Options;

namespace Vakka.Archive.Features.Disclosures;

/// <summary>
/// Settings of the disclosure log (<c>Archive:Disclosures</c>). The reference (SWA §9) names the FHIR profile and its
/// extensions but leaves their canonical URLs and the TypeOfDisclosure codes open, and gives no legal-basis code list
/// (design Q18): the defaults below are Vakka placeholders under <c>https://vakka.invalid/</c> (a reserved domain, so
/// that a placeholder can never be mistaken for a national URL) and are replaced here when the IG's values are known.
/// </summary>
public sealed class DisclosureOptions
{
    public const string Section = "Archive:Disclosures";
    private const string Placeholder = "https://vakka.invalid/fhir/";

    /// <summary>Vakka's legal bases (no national list is known): the client's consent, a duty or right in law, an authority's request under law, the client's vital interest.</summary>
    public static readonly IReadOnlyList<string> VakkaLegalBases = ["consent", "statutory", "authority-request", "vital-interest"];

    /// <summary>Vakka's placeholder TypeOfDisclosure codes (how the data was given).</summary>
    public static readonly IReadOnlyList<string> VakkaTypesOfDisclosure = ["electronic", "paper", "oral"];

    /// <summary>The legal-basis codes accepted (null: <see cref="VakkaLegalBases"/>). A list in configuration replaces the default whole.</summary>
    public string[]? LegalBases { get; set; }
    public string LegalBasisSystem { get; set; } = Placeholder + "CodeSystem/vakka-disclosure-legal-basis";

    /// <summary>The TypeOfDisclosure codes accepted (null: <see cref="VakkaTypesOfDisclosure"/>), and the one used when a request names none.</summary>
    public string[]? TypesOfDisclosure { get; set; }
    public string DefaultTypeOfDisclosure { get; set; } = "electronic";
    public string TypeOfDisclosureSystem { get; set; } = Placeholder + "CodeSystem/vakka-type-of-disclosure";
    public string TypeOfDisclosureExtensionUrl { get; set; } = Placeholder + "StructureDefinition/TypeOfDisclosure";

    /// <summary>meta.profile of the AuditEvent (SocialWelfareServiceAuditEvent; its canonical URL is open).</summary>
    public string AuditEventProfile { get; set; } = Placeholder + "StructureDefinition/SocialWelfareServiceAuditEvent";
    public string RegisterTypeExtensionUrl { get; set; } = Placeholder + "StructureDefinition/RegisterType";

    /// <summary>AuditEvent.type (required by R4; the reference names none): DICOM 110106 "Export" by default.</summary>
    public string EventTypeSystem { get; set; } = "http://dicom.nema.org/resources/ontology/DCM";
    public string EventTypeCode { get; set; } = "110106";
    public string EventTypeDisplay { get; set; } = "Export";

    public IReadOnlyList<string> EffectiveLegalBases => LegalBases is { Length: > 0 } b ? b : VakkaLegalBases;
    public IReadOnlyList<string> EffectiveTypesOfDisclosure => TypesOfDisclosure is { Length: > 0 } t ? t : VakkaTypesOfDisclosure;
}

/// <summary>Refuses to start with codes that cannot be stored or URLs that are not absolute.</summary>
internal sealed class DisclosureOptionsValidation : IValidateOptions<DisclosureOptions>
{
    public ValidateOptionsResult Validate(string? name, DisclosureOptions o)
    {
        var errors = new List<string>();
        foreach (var code in o.EffectiveLegalBases.Concat(o.EffectiveTypesOfDisclosure))
            if (string.IsNullOrWhiteSpace(code) || code.Length > Domain.Disclosure.MaxCodeLength)
                errors.Add($"{DisclosureOptions.Section}: the code '{code}' must have 1 to {Domain.Disclosure.MaxCodeLength} characters.");
        if (!o.EffectiveTypesOfDisclosure.Contains(o.DefaultTypeOfDisclosure))
            errors.Add($"{DisclosureOptions.Section}:DefaultTypeOfDisclosure must be one of TypesOfDisclosure.");
        foreach (var (key, url) in new[]
                 {
                     (nameof(o.LegalBasisSystem), o.LegalBasisSystem), (nameof(o.TypeOfDisclosureSystem), o.TypeOfDisclosureSystem),
                     (nameof(o.TypeOfDisclosureExtensionUrl), o.TypeOfDisclosureExtensionUrl), (nameof(o.AuditEventProfile), o.AuditEventProfile),
                     (nameof(o.RegisterTypeExtensionUrl), o.RegisterTypeExtensionUrl), (nameof(o.EventTypeSystem), o.EventTypeSystem),
                 })
            if (!Uri.TryCreate(url, UriKind.Absolute, out _)) errors.Add($"{DisclosureOptions.Section}:{key} must be an absolute URI.");
        if (string.IsNullOrWhiteSpace(o.EventTypeCode)) errors.Add($"{DisclosureOptions.Section}:EventTypeCode is required.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
