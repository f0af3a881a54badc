using Microsoft.EntityFrameworkCore;
using Vakka.Platform.Results;

namespace Vakka.Platform.Data;

public static class DbExtensions
{
    /// <summary>Saves, turning a lost concurrency race (someone saved in between) into a Conflict result.</summary>
    public static async Task<Result> SaveOrConflictAsync(this DbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Result.Ok();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result.Conflict();
        }
    }
}
