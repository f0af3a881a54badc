using System.Text;
using Vakka.Cda;
using Vakka.Tests.Architecture;

namespace Vakka.Tests.Cda;

/// <summary>
/// The writer's bytes are pinned in a golden file, so that any change to the output (order, indentation, attribute
/// order, time format) is a deliberate one: archived bytes are compared by SHA-256. To accept a deliberate change,
/// run once with VAKKA_UPDATE_GOLDEN=1 and review the diff.
/// </summary>
public class CdaGoldenFileTests
{
    [Fact]
    public void Writer_output_equals_the_golden_file()
    {
        var actual = CdaTestData.Bytes();
        var path = Path.Combine(ArchitectureTests.RepositoryRoot(), "tests", "Vakka.Tests", "Cda", "golden-xhtml-json.xml");
        if (Environment.GetEnvironmentVariable("VAKKA_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllBytes(path, actual);
        }

        var expected = File.ReadAllBytes(path);
        Assert.True(expected.AsSpan().SequenceEqual(actual), "Writer output changed:\n" + Encoding.UTF8.GetString(actual));
    }
}
