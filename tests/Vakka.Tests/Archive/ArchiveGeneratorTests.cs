using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Vakka.Archive.Domain;
using Vakka.Cda;
using Vakka.Testing;
using Vakka.Web;
using static Vakka.Tests.Archive.ArchiveKit;

namespace Vakka.Tests.Archive;

/// <summary>
/// <c>archive generate</c>, the query set of the benchmarks: a database of its own (the command refuses an archive
/// that has documents), EF Core on SQLite and binary COPY when the suite runs on PostgreSQL.
/// </summary>
public sealed class ArchiveGeneratorTests(VakkaFactory app) : IClassFixture<VakkaFactory>
{
    [Fact]
    public async Task Generated_documents_are_valid_their_own_bytes_match_their_rows_and_the_archive_verifies_intact()
    {
        var org = await TestData.OrganisationAsync(app);
        var output = new StringWriter();
        Assert.Equal(0, await Commands.TryRunAsync(app.Services, ["archive", "generate", "--documents", "300", "--clients", "40", "--organisation", org.Oid, "--seed", "7"], output));
        Assert.Contains("Generated 300 documents of 40 clients", output.ToString());

        var rows = await app.WithDbAsync(db => (from d in db.Set<ArchivedDocument>().AsNoTracking()
                                                join c in db.Set<DocumentContent>() on d.Id equals c.DocumentId
                                                join p in db.Set<ArchivePerson>() on d.PersonId equals p.Id
                                                where d.RegistrarOrgId == org.Id
                                                select new { Document = d, c.Bytes, p.Hetu }).ToListAsync());
        Assert.Equal(300, rows.Count);
        Assert.Equal(40, await app.WithDbAsync(db => db.Set<ArchivePerson>().CountAsync()));
        Assert.Equal(300, rows.Select(r => r.Document.DocumentOid).Distinct().Count());
        Assert.True(rows.Select(r => r.Document.DocTypeCode).Distinct().Count() > 10, "types are spread");
        Assert.True(rows.Select(r => r.Document.EffectiveTime.Year).Distinct().Count() > 10, "years 2008 to now");
        foreach (var row in rows)
        {
            var d = row.Document;
            Assert.Equal(d.Sha256, SHA256.HashData(row.Bytes));
            Assert.Equal(d.ByteLength, row.Bytes.Length);
            // The bytes are a valid document of their own: the row's OID, set, client, times and case.
            var read = CdaReader.Read(row.Bytes, new CdaReadOptions());
            Assert.DoesNotContain(CdaValidator.Validate(read, CodeLists.Instance, new CdaValidationOptions { Clock = TimeProvider.System, TestPersonsOnly = true }),
                i => i.Severity == CdaSeverity.Error);
            var h = read.Header!;
            Assert.Equal((d.DocumentOid, d.DocumentOid, 1), (h.Id!.Root.Value, h.SetId!.Value.Value, h.VersionNumber!.Value));
            Assert.Equal((row.Hetu.Trim(), d.DocTypeCode, d.ServiceTaskCode, d.CaseExt), (h.Client!.Value.Value, h.DocumentType!.Code, h.ServiceTask!.Code, h.CaseId!.Extension));
            Assert.Equal((d.EffectiveTime, d.CompletedAt), (h.EffectiveTime!.Value.UtcDateTime, h.CompletionTime!.Value.UtcDateTime));
            Assert.True(d.IsLatest && d.CompletedAt >= d.EffectiveTime && d.ArchivedAt >= d.CompletedAt && d.ArchivedAt <= DateTime.UtcNow);
        }

        var verify = new StringWriter();
        Assert.Equal(0, await Commands.TryRunAsync(app.Services, ["archive", "verify", "--organisation", org.Oid], verify));
        Assert.Contains("Archive intact: 300 documents", verify.ToString());

        // The API's query finds a client's documents, newest first.
        var (_, client) = await KeyClientAsync(app, org);
        var someone = rows.GroupBy(r => r.Hetu.Trim()).OrderByDescending(g => g.Count()).First();
        var items = (await JsonAsync(await QueryAsync(client, new { client = someone.Key }))).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("documentOid").GetString()).ToList();
        Assert.Equal(someone.OrderByDescending(r => r.Document.EffectiveTime).ThenBy(r => r.Document.DocumentOid, StringComparer.Ordinal)
            .Select(r => r.Document.DocumentOid), items);

        var again = new StringWriter();
        Assert.Equal(1, await Commands.TryRunAsync(app.Services, ["archive", "generate", "--documents", "10", "--clients", "2", "--organisation", org.Oid], again));
        Assert.Contains("Nothing generated", again.ToString());
    }
}
