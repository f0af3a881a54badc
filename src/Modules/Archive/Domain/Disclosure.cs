using Vakka.Platform.Ids;

namespace Vakka.Archive.Domain;

/// <summary>
/// One disclosure event (ar_disclosure, the luovutusloki of SWA §9): documents of one person given by the registrar
/// to another organisation on a legal basis. Its documents are <see cref="DisclosureItem"/> rows. The recipient's name
/// is the organisation's (never a person's); the consent reference and the practitioner are identifiers, not free text.
/// </summary>
internal sealed class Disclosure
{
    public const int MaxRecipientNameLength = 200;
    public const int MaxConsentRefLength = 200;
    public const int MaxCodeLength = 50;
    public const int MaxPractitionerExtLength = 100;
    /// <summary>At most this many documents in one event.</summary>
    public const int MaxDocuments = 100;

    public DisclosureId Id { get; set; }
    public OrganisationId RegistrarOrgId { get; set; }
    public string RegistrarOid { get; set; } = "";
    /// <summary>The one person whose documents were disclosed (SWA §9: "1..n, same person").</summary>
    public PersonId PersonId { get; set; }
    public string RecipientOid { get; set; } = "";
    public string? RecipientName { get; set; }
    public string TypeOfDisclosure { get; set; } = "";
    public string LegalBasis { get; set; } = "";
    public string? ConsentRef { get; set; }
    public DateTime DisclosedAt { get; set; }
    public ClientSystemId? ClientSystemId { get; set; }
    public AccountId? AccountId { get; set; }
    public string? PractitionerRoot { get; set; }
    public string? PractitionerExt { get; set; }
}

/// <summary>A document (one archived version) of a disclosure event (ar_disclosure_item).</summary>
internal sealed class DisclosureItem
{
    public DisclosureId DisclosureId { get; set; }
    public ArchivedDocumentId DocumentId { get; set; }
}
