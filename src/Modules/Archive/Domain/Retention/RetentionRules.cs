namespace Vakka.Archive.Domain.Retention;

/// <summary>
/// Decides a document's retention under laki 703/2023 (reference §7; design §d). Pure and deterministic: every date
/// comes from the caller, there is no clock. The order of the steps:
/// <list type="number">
/// <item>document type 1505:1 → Asiakkuusasiakirja (2 y from the client's death);</item>
/// <item>the document-type override table (<see cref="RetentionOptions.DocumentTypeRules"/>);</item>
/// <item>the service task: 10 Lastensuojelu, 15 Päihdehuolto, 20 Vammaispalvelut, and the codes configured in
/// <see cref="RetentionOptions.ServiceTaskRules"/>;</item>
/// <item>otherwise no rule.</item>
/// </list>
/// A trigger that is not known gives no retention end, and a document without an end is never destroyed.
/// </summary>
public sealed class RetentionRules
{
    private const string Lastensuojelu = "10";
    private const string Paihdehuolto = "15";
    private const string Vammaispalvelut = "20";
    private const int AdultAge = 18;

    /// <summary>The service-task codes the reference itself gives (§5.1); configuration cannot remap them.</summary>
    public static readonly IReadOnlySet<string> FixedServiceTaskCodes = new HashSet<string>(StringComparer.Ordinal)
        { Lastensuojelu, Paihdehuolto, Vammaispalvelut };

    private readonly IReadOnlyDictionary<string, ConfiguredServiceTask> _serviceTasks;
    private readonly IReadOnlyDictionary<(DocumentTypeSystem, string), DocumentTypeRetentionRule> _documentTypes;

    public RetentionRules(RetentionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        if (problems.Count > 0)
            throw new ArgumentException("Invalid retention settings: " + string.Join(" ", problems), nameof(options));
        _serviceTasks = options.ServiceTaskRules.ToDictionary(p => p.Key.Trim(), p => p.Value, StringComparer.Ordinal);
        _documentTypes = options.DocumentTypeRules.ToDictionary(r => (r.TypeSystem, r.Code.Trim()));
    }

    /// <param name="document">Facts of the document (version 1 of its set).</param>
    /// <param name="client">The client's birth and death dates.</param>
    /// <param name="documentCase">The case the document belongs to; null when it names none.</param>
    /// <param name="otherCases">The client's other cases at the same registrar (used by the Vammaispalvelut rule).</param>
    public RetentionDecision Decide(DocumentFacts document, ClientFacts client, CaseFacts? documentCase, IReadOnlyList<CaseFacts> otherCases)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(otherCases);

        var typeCode = document.TypeCode.Trim();
        if (document.TypeSystem == DocumentTypeSystem.Group1505 && typeCode == "1")
            return FromDeath(RetentionRuleCatalog.Asiakkuusasiakirja, client);

        if (_documentTypes.TryGetValue((document.TypeSystem, typeCode), out var overridden))
            return FromOverride(overridden, document, documentCase);

        return document.ServiceTaskCode?.Trim() switch
        {
            Lastensuojelu => FromDeath(RetentionRuleCatalog.Lastensuojelu, client),
            Paihdehuolto => FromCaseClosed(RetentionRuleCatalog.Paihdehuolto, documentCase),
            Vammaispalvelut => FromLastCaseClosed(RetentionRuleCatalog.Vammaispalvelut, documentCase, otherCases),
            { } code when _serviceTasks.TryGetValue(code, out var service) => FromConfigured(service, document, client, documentCase),
            _ => RetentionDecision.NoRule(),
        };
    }

    private static RetentionDecision FromConfigured(ConfiguredServiceTask service, DocumentFacts document, ClientFacts client, CaseFacts? documentCase) =>
        service switch
        {
            ConfiguredServiceTask.LapsiperheidenPalvelut => FromCaseClosed(RetentionRuleCatalog.LapsiperheidenPalvelut, documentCase),
            ConfiguredServiceTask.TyoikaistenPalvelut => FromCaseClosed(RetentionRuleCatalog.TyoikaistenPalvelut, documentCase),
            ConfiguredServiceTask.IakkaidenPalvelut => FromCaseClosed(RetentionRuleCatalog.IakkaidenPalvelut, documentCase),
            ConfiguredServiceTask.PerheoikeudellisetPalvelut => FromFamilyLaw(document, client, documentCase),
            _ => throw new ArgumentOutOfRangeException(nameof(service), service, "unknown service"),
        };

    /// <summary>
    /// A matter concerning a child [Vakka decision]: the client is under 18 on the document's date (their birth is
    /// the trigger), or else the subject participant is (theirs is). Any other matter runs from the case's closing.
    /// </summary>
    private static RetentionDecision FromFamilyLaw(DocumentFacts document, ClientFacts client, CaseFacts? documentCase)
    {
        if (IsChildOn(client.BirthDate, document.EffectiveOn))
            return RetentionDecision.Ends(RetentionRuleCatalog.PerheoikeudellisetLapsi, client.BirthDate);
        if (document.SubjectBirthDate is { } subjectBirth && IsChildOn(subjectBirth, document.EffectiveOn))
            return RetentionDecision.Ends(RetentionRuleCatalog.PerheoikeudellisetLapsi, subjectBirth);
        return FromCaseClosed(RetentionRuleCatalog.PerheoikeudellisetMuut, documentCase);
    }

    /// <summary>Under 18 on the day; a child not yet born (e.g. paternity acknowledged before birth) counts as a child.</summary>
    private static bool IsChildOn(DateOnly birth, DateOnly day) => day < birth.AddYears(AdultAge);

    private static RetentionDecision FromOverride(DocumentTypeRetentionRule row, DocumentFacts document, CaseFacts? documentCase)
    {
        var rule = RetentionRuleCatalog.Of(row.Rule);
        return row.StartsFrom switch
        {
            RetentionStart.DocumentDate => RetentionDecision.Ends(rule, document.EffectiveOn),
            RetentionStart.CaseClosed => FromCaseClosed(rule, documentCase),
            _ => RetentionDecision.Unknown(rule, RetentionGap.StartNotConfigured),
        };
    }

    private static RetentionDecision FromDeath(RetentionRule rule, ClientFacts client) =>
        client.DeathDate is { } died ? RetentionDecision.Ends(rule, died) : RetentionDecision.Unknown(rule, RetentionGap.ClientDeathNotKnown);

    private static RetentionDecision FromCaseClosed(RetentionRule rule, CaseFacts? documentCase) => documentCase switch
    {
        null => RetentionDecision.Unknown(rule, RetentionGap.NoCase),
        { ClosedOn: { } closed } => RetentionDecision.Ends(rule, closed),
        _ => RetentionDecision.Unknown(rule, RetentionGap.CaseOpen),
    };

    /// <summary>
    /// The latest closing over the document's case and the client's other Vammaispalvelut cases, and only when none of
    /// them is open: "no open case" stands for "the need has ended", which has no data source [Vakka decision].
    /// </summary>
    private static RetentionDecision FromLastCaseClosed(RetentionRule rule, CaseFacts? documentCase, IReadOnlyList<CaseFacts> otherCases)
    {
        var cases = otherCases.Where(c => c.ServiceTaskCode.Trim() == Vammaispalvelut).ToList();
        if (documentCase is not null)
            cases.Add(documentCase);
        if (cases.Count == 0)
            return RetentionDecision.Unknown(rule, RetentionGap.NoCase);
        if (cases.Any(c => c.IsOpen))
            return RetentionDecision.Unknown(rule, RetentionGap.ServiceTaskCaseOpen);
        return RetentionDecision.Ends(rule, cases.Max(c => c.ClosedOn!.Value));
    }
}
