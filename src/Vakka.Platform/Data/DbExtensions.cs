using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Vakka.Platform.Results;

namespace Vakka.Platform.Data;

public static class DbExtensions
{
    /// <summary>
    /// Saves, turning a lost race into a Conflict result: someone saved the same record in between (concurrency
    /// token), or the same unique value at the same moment (unique index). EF Core saves inside a savepoint when a
    /// transaction is open, so the request's transaction stays usable for its audit row.
    /// </summary>
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
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return Result.Conflict("Validation.Duplicate");
        }
    }

    /// <summary>
    /// Saves without EF Core's savepoint around the save (two round trips fewer), for a save after which a failure ends
    /// the request anyway: the transaction is rolled back, nothing is retried in it. Use
    /// <see cref="SaveOrConflictAsync"/> or a plain save where a failed save must leave the transaction usable.
    /// </summary>
    public static async Task SaveWithoutSavepointAsync(this DbContext db, CancellationToken ct)
    {
        var before = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = before;
        }
    }

    public static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException is DbException db &&
        (db.SqlState == "23505" || db.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal));
}
