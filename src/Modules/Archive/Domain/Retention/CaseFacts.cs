namespace Vakka.Archive.Domain.Retention;

/// <summary>A case (asia) of the client: its service task and its closing date (paattymispaiva); null while it is open.</summary>
public sealed record CaseFacts(string ServiceTaskCode, DateOnly? ClosedOn)
{
    public bool IsOpen => ClosedOn is null;
}
