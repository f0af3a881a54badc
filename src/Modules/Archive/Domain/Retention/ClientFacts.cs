namespace Vakka.Archive.Domain.Retention;

/// <summary>What retention needs to know about the client (recordTarget).</summary>
/// <param name="BirthDate">The birth date encoded in the client's henkilötunnus.</param>
/// <param name="DeathDate">The client's death, once it has been reported; null while not known.</param>
public sealed record ClientFacts(DateOnly BirthDate, DateOnly? DeathDate = null);
