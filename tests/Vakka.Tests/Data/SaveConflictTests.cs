using Microsoft.EntityFrameworkCore;
using Vakka.Directory.Domain;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;
using Vakka.Platform.Results;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;

namespace Vakka.Tests.Data;

/// <summary>Lost races become Conflict results, and the request's transaction stays usable for its audit row (both providers).</summary>
[Collection(AppCollection.Name)]
public sealed class SaveConflictTests(VakkaFactory app)
{
    [Fact]
    public async Task A_duplicate_unique_value_is_a_conflict_and_the_transaction_goes_on()
    {
        var org = await TestData.OrganisationAsync(app);
        var existing = await TestData.SiteAsync(app, org, null, SiteType.ServiceUnit);
        await app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Add(new Site
            {
                Id = SiteId.New(), OrganisationId = org.Id, Name = "Twin", Oid = existing.Oid, Type = SiteType.ServiceUnit,
                StreetAddress = "Katu 2", PostalCode = "00100", Municipality = "Helsinki", CreatedAt = DateTime.UtcNow,
            });
            var result = await db.SaveOrConflictAsync(CancellationToken.None);
            Assert.Equal(ResultKind.Conflict, result.Kind);
            Assert.Equal("Validation.Duplicate", result.Errors.Single().Key);

            var renamed = await db.Set<Site>().SingleAsync(s => s.Id == existing.Id);
            renamed.Name = "Renamed after the conflict";
            Assert.True((await db.SaveOrConflictAsync(CancellationToken.None)).IsOk);
            await transaction.CommitAsync();
        });
        Assert.Equal("Renamed after the conflict", await app.WithDbAsync(db => db.Set<Site>().Where(s => s.Id == existing.Id).Select(s => s.Name).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Site>().CountAsync(s => s.Oid == existing.Oid)));
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_the_newer_change_is_kept()
    {
        var org = await TestData.OrganisationAsync(app);
        await app.WithDbAsync(async db =>
        {
            var mine = await db.Set<Organisation>().SingleAsync(o => o.Id == org.Id);
            await app.WithDbAsync(async other =>
            {
                (await other.Set<Organisation>().SingleAsync(o => o.Id == org.Id)).Name = "Theirs";
                await other.SaveChangesAsync();
            });
            mine.Name = "Mine";
            Assert.Equal(ResultKind.Conflict, (await db.SaveOrConflictAsync(CancellationToken.None)).Kind);
        });
        Assert.Equal("Theirs", await app.WithDbAsync(db => db.Set<Organisation>().Where(o => o.Id == org.Id).Select(o => o.Name).SingleAsync()));
    }
}
