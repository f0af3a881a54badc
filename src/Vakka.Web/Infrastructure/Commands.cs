using Vakka.Platform.Audit;

namespace Vakka.Web;

/// <summary>
/// Operator commands run with the app's configuration instead of starting the web server:
/// <c>dotnet run --project src/Vakka.Web -- audit verify</c>.
/// </summary>
internal static class Commands
{
    public static async Task<int?> TryRunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var words = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && !a.Contains('=')).ToArray();
        if (words is ["audit", "verify"])
        {
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync(CancellationToken.None);
            if (result.Intact)
            {
                output.WriteLine($"Audit log intact: {result.RowsChecked} rows, every hash and link verified.");
                return 0;
            }
            output.WriteLine($"Audit log BROKEN at row {result.FirstBrokenSeq}: {result.Problem} ({result.RowsChecked} rows before it are intact).");
            return 2;
        }
        if (words.Length > 0 && words[0] is "audit")
        {
            output.WriteLine("Usage: audit verify");
            return 1;
        }
        return null;
    }
}
