namespace Vakka.Cda;

/// <summary>The code lists the validator checks header values against.</summary>
public interface ICodeLists
{
    /// <summary>Sosiaalihuolto - Asiakasasiakirjatyyppi (1.2.246.537.6.1506), with general type and structure OID.</summary>
    CodeList DocumentTypes { get; }

    /// <summary>Sosiaalihuolto - Asiakirjaryhmä (1.2.246.537.6.1505): codes 1, 2, 8, 9.</summary>
    CodeList DocumentGroups { get; }

    /// <summary>Sosiaalihuolto - Palvelutehtävä (1.2.246.537.6.1221).</summary>
    CodeList ServiceTasks { get; }

    /// <summary>Confidentiality (1.2.246.777.5.99902.2006).</summary>
    CodeList Confidentiality { get; }

    /// <summary>Author roles KIR/KOR/MIT (1.2.246.537.5.40006.2003).</summary>
    CodeList AuthorRoles { get; }

    /// <summary>Sosiaalihuollon palveluprosessi (1.2.246.537.6.1277): uncoded until an official list is loaded.</summary>
    CodeList ProcessPhases { get; }

    /// <summary>Retention classes: uncoded (no code system in the reference).</summary>
    CodeList RetentionClasses { get; }

    /// <summary>Record status: uncoded (no code system in the reference).</summary>
    CodeList RecordStatuses { get; }
}
