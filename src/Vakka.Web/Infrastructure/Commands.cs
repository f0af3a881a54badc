using Microsoft.EntityFrameworkCore;
using Vakka.Directory.Features.Accounts;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;

namespace Vakka.Web;

/// <summary>
/// Operator commands run with the app's configuration instead of starting the web server, e.g.
/// <c>dotnet run --project src/Vakka.Web -- audit verify</c> or, in the container, <c>dotnet Vakka.Web.dll migrate</c>.
/// Exit codes: 0 done, 1 usage or input error, 2 the audit chain is broken.
/// </summary>
internal static class Commands
{
    public const string Usage = """
        Commands:
          migrate                                  create or update the database schema, then exit
          audit verify                             check the audit log's hash chain; exit 2 if it is broken
          admin create <user name> <e-mail> <name> add a system administrator and print a link to set the password
        """;

    public static async Task<int?> TryRunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        // Only a known first word makes a command; anything else (--urls http://…) is for the web host.
        if (args is not [("migrate" or "audit" or "admin"), ..]) return null;
        var words = args;
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        switch (words)
        {
            case ["migrate"]:
                await sp.GetRequiredService<VakkaDb>().Database.MigrateAsync();
                output.WriteLine("Database schema is up to date.");
                return 0;

            case ["audit", "verify"]:
                var auditLog = sp.GetRequiredService<AuditLog>();
                await auditLog.SealAsync(CancellationToken.None); // rows written a moment ago join the chain first
                var result = await auditLog.VerifyAsync(CancellationToken.None);
                if (result.Intact)
                {
                    output.WriteLine($"Audit log intact: {result.RowsChecked} rows, every hash and link verified ({result.Unsealed} not chained yet).");
                    return 0;
                }
                output.WriteLine($"Audit log BROKEN at row {result.FirstBrokenSeq}: {result.Problem} ({result.RowsChecked} rows before it are intact).");
                return 2;

            case ["admin", "create", var userName, var email, .. var name]:
                var created = await sp.GetRequiredService<CreateFirstAdministrator>()
                    .HandleAsync(userName, email, string.Join(' ', name), CancellationToken.None);
                if (created.Link is null)
                {
                    output.WriteLine($"Not created: {created.Problem}");
                    return 1;
                }
                output.WriteLine($"System administrator {userName} created. Set the password within 24 hours at:");
                output.WriteLine(created.Link);
                return 0;

            default:
                output.WriteLine(Usage);
                return 1;
        }
    }
}
