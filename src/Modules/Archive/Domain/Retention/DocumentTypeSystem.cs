namespace Vakka.Archive.Domain.Retention;

/// <summary>The code system of a document's type (reference §5.1, Appendix A).</summary>
public enum DocumentTypeSystem
{
    /// <summary><c>1.2.246.537.6.1505</c> Sosiaalihuolto - Asiakirjaryhmä (1 Asiakkuusasiakirja, 2 Asia-asiakirja, 8, 9).</summary>
    Group1505,

    /// <summary><c>1.2.246.537.6.1506</c> Sosiaalihuolto - Asiakasasiakirjatyyppi (the Sosmeta structures).</summary>
    Type1506,
}
