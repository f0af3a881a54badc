namespace Vakka.Archive.Domain.Retention;

/// <summary>
/// The services of the law's table whose service-task codes (1.2.246.537.6.1221) the reference does not give. Their
/// codes are mapped in configuration (<see cref="RetentionOptions.ServiceTaskRules"/>) once the official list is loaded.
/// </summary>
public enum ConfiguredServiceTask
{
    /// <summary>Lapsiperheiden palvelut: 30 y from closing the case.</summary>
    LapsiperheidenPalvelut,

    /// <summary>Työikäisten palvelut: 10 y from closing the case.</summary>
    TyoikaistenPalvelut,

    /// <summary>Iäkkäiden palvelut: 10 y from closing the case.</summary>
    IakkaidenPalvelut,

    /// <summary>Perheoikeudelliset palvelut: a matter concerning a child 120 y from the child's birth, others 10 y from closing the case.</summary>
    PerheoikeudellisetPalvelut,
}
