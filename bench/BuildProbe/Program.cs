// Where a migrated document's CPU goes, one thread, no database: the whole LegacyDocumentBuilder.Build per document,
// then each of its stages alone (CDA write, re-read, validation, SHA-256, content file, metadata line) with the bytes
// allocated per document. Not part of Vakka.slnx. Usage (see bench/archive/README.md):
//   dotnet run -c Release --project bench/BuildProbe -- [folder (default /tmp/probe-legacy: 20,000 records generated)]
using System.Diagnostics;
using Vakka.Archive.Features.Migration;
using Vakka.Cda;
using Vakka.Platform.Finnish;

var folder = args.Length > 0 ? args[0] : "/tmp/probe-legacy";
var registrar = Oid.Parse("1.2.246.10.2012566");
if (!Directory.Exists(folder)) LegacyGenerator.Write(folder, registrar, new LegacyVolume(20000, 2000));
var mapping = MappingTable.Parse(File.ReadAllBytes(Path.Combine(folder, "mapping.csv")), CodeLists.Instance).Table!;
var settings = new BuildSettings(registrar, 1, "effica", Path.Combine(folder, "content"), new MigrationOptions(), false,
    CdaConstants.DefaultMaxDocumentBytes, TimeProvider.System);
var readOptions = new CdaReadOptions { MaxDocumentBytes = settings.MaxDocumentBytes, MaxPartBytes = settings.MaxDocumentBytes };
var records = LegacyMetadata.Open(folder).Read(0, default).ToList();
Console.WriteLine($"{records.Count} records in {folder}");

// Round 0 includes the JIT; the later rounds are the figure.
for (var round = 0; round < 4; round++)
{
    var clock = Stopwatch.StartNew();
    var gen0 = GC.CollectionCount(0);
    var allocated = GC.GetTotalAllocatedBytes();
    var built = records.Count(r => LegacyDocumentBuilder.Build(r, mapping, settings) is BuiltDocument);
    Console.WriteLine($"build, round {round}: {built} built, {clock.Elapsed.TotalMicroseconds / records.Count:F1} µs/doc, " +
        $"{(GC.GetTotalAllocatedBytes() - allocated) / records.Count / 1024.0:F1} KB/doc, {GC.CollectionCount(0) - gen0} gen0 GCs");
}

var documents = records.Select(r => LegacyDocumentBuilder.Build(r, mapping, settings)).OfType<BuiltDocument>().ToList();
var reads = documents.ToDictionary(d => d, d => CdaReader.Read(d.Bytes, readOptions));
Stage("write", d => CdaWriter.Write(new CdaDocument(d.Header, reads[d].Body.Content!)));
Stage("read", d => CdaReader.Read(d.Bytes, readOptions));
Stage("read, body not decoded", d => CdaReader.Read(d.Bytes, readOptions with { DecodeBody = false }));
Stage("validate", d => CdaValidator.Validate(reads[d], CodeLists.Instance, new CdaValidationOptions { Clock = settings.Clock, AllowXhtmlOnly = true }));
Stage("sha256", d => System.Security.Cryptography.SHA256.HashData(d.Bytes));
Stage("content file", d => File.ReadAllBytes(Path.Combine(folder, "content", d.Record.ContentPath)));
var metadata = Stopwatch.StartNew();
var lines = LegacyMetadata.Open(folder).Read(0, default).Count();
Console.WriteLine($"{"metadata line",-24} {metadata.Elapsed.TotalMicroseconds / lines,7:F1} µs/doc");
Console.WriteLine($"average document {documents.Average(d => d.Bytes.Length):F0} bytes");

void Stage(string name, Action<BuiltDocument> stage)
{
    for (var round = 0; round < 2; round++)
    {
        var clock = Stopwatch.StartNew();
        var allocated = GC.GetTotalAllocatedBytes();
        foreach (var d in documents) stage(d);
        if (round == 1)
            Console.WriteLine($"{name,-24} {clock.Elapsed.TotalMicroseconds / documents.Count,7:F1} µs/doc {(GC.GetTotalAllocatedBytes() - allocated) / documents.Count / 1024.0,6:F1} KB/doc");
    }
}
