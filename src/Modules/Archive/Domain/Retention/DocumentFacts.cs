namespace Vakka.Archive.Domain.Retention;

/// <summary>What retention needs to know about a document (version 1 of its set).</summary>
/// <param name="TypeSystem">The code system of <paramref name="TypeCode"/>.</param>
/// <param name="TypeCode">The document type code, e.g. <c>1</c> in 1505 for the Asiakkuusasiakirja.</param>
/// <param name="ServiceTaskCode">The service task (palvelutehtävä, code system 1.2.246.537.6.1221), if the header carries one.</param>
/// <param name="EffectiveOn">The document's effective time as a date in Finland.</param>
/// <param name="SubjectBirthDate">The birth date of the document's subject participant (SBJ), when there is one.</param>
public sealed record DocumentFacts(
    DocumentTypeSystem TypeSystem,
    string TypeCode,
    string? ServiceTaskCode,
    DateOnly EffectiveOn,
    DateOnly? SubjectBirthDate = null);
