using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;
using Vakka.CultureCard.Domain;
using Vakka.Platform.Data;

namespace Vakka.CultureCard.Features.Demo;

/// <summary>One chunk of generated register rows: what <see cref="CardDemoData"/> produces and every writer stores.</summary>
public sealed class CardDemoRows
{
    /// <summary>About this many rows make a chunk (the EF writer saves once per chunk).</summary>
    public const int ChunkSize = 5000;

    public List<CardBatch> Batches { get; } = [];
    public List<CardCodeRecord> Codes { get; } = [];
    public List<Card> Cards { get; } = [];
    public List<CardEvent> History { get; } = [];
    public List<CardUse> Uses { get; } = [];
    public List<VenueEvent> Events { get; } = [];

    public int Count => Batches.Count + Codes.Count + Cards.Count + History.Count + Uses.Count + Events.Count;
}

/// <summary>Stores generated register rows: EF Core everywhere, PostgreSQL's binary COPY for millions of rows.</summary>
public interface ICardBulkWriter
{
    /// <summary>The name printed by the generator command.</summary>
    string Name { get; }

    Task WriteAsync(IEnumerable<CardDemoRows> chunks, CancellationToken ct);
}

/// <summary>The writer for the database in use: binary COPY on PostgreSQL, EF Core on SQLite.</summary>
public static class CardBulkWriters
{
    public static ICardBulkWriter For(VakkaDb db) =>
        db.Provider == DatabaseProvider.Postgres ? new PostgresCopyCardBulkWriter(db) : new EfCardBulkWriter(db);
}

/// <summary>Adds each chunk to the context and saves it (one SaveChanges per chunk), as the start-up demo always did.</summary>
public sealed class EfCardBulkWriter(VakkaDb db) : ICardBulkWriter
{
    public string Name => "EF Core";

    public async Task WriteAsync(IEnumerable<CardDemoRows> chunks, CancellationToken ct)
    {
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var chunk in chunks)
            {
                db.AddRange(chunk.Batches);
                db.AddRange(chunk.Codes);
                db.AddRange(chunk.Cards);
                db.AddRange(chunk.History);
                db.AddRange(chunk.Uses);
                db.AddRange(chunk.Events);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }
}

/// <summary>
/// Streams the rows into PostgreSQL with binary COPY, in one transaction (a failed run leaves no rows). Tables, columns
/// and value conversions come from the EF model, so the rows are stored exactly as EF Core would store them.
/// </summary>
public sealed class PostgresCopyCardBulkWriter(VakkaDb db) : ICardBulkWriter
{
    /// <summary>Rows of one table buffered before they are copied.</summary>
    private const int CopyBatch = 50_000;

    public string Name => "PostgreSQL binary COPY";

    public async Task WriteAsync(IEnumerable<CardDemoRows> chunks, CancellationToken ct)
    {
        if (db.Provider != DatabaseProvider.Postgres) throw new InvalidOperationException("Binary COPY needs PostgreSQL.");
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var batches = new Buffer<CardBatch>(db, connection);
            var codes = new Buffer<CardCodeRecord>(db, connection);
            var cards = new Buffer<Card>(db, connection);
            var history = new Buffer<CardEvent>(db, connection);
            var uses = new Buffer<CardUse>(db, connection);
            var events = new Buffer<VenueEvent>(db, connection);
            foreach (var chunk in chunks)
            {
                await batches.AddAsync(chunk.Batches, ct);
                await codes.AddAsync(chunk.Codes, ct);
                await cards.AddAsync(chunk.Cards, ct);
                await history.AddAsync(chunk.History, ct);
                await uses.AddAsync(chunk.Uses, ct);
                await events.AddAsync(chunk.Events, ct);
            }
            foreach (var buffer in new IBuffer[] { batches, codes, cards, history, uses, events }) await buffer.CopyAsync(ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private interface IBuffer
    {
        Task CopyAsync(CancellationToken ct);
    }

    private sealed class Buffer<T>(VakkaDb db, NpgsqlConnection connection) : IBuffer where T : class
    {
        private readonly List<T> rows = [];
        private readonly CopyColumns columns = CopyColumns.Of(db, typeof(T));

        public async Task AddAsync(List<T> more, CancellationToken ct)
        {
            rows.AddRange(more);
            if (rows.Count >= CopyBatch) await CopyAsync(ct);
        }

        public async Task CopyAsync(CancellationToken ct)
        {
            if (rows.Count == 0) return;
            await using (var importer = await connection.BeginBinaryImportAsync(columns.CopyCommand, ct))
            {
                foreach (var row in rows)
                {
                    await importer.StartRowAsync(ct);
                    foreach (var column in columns.All) await column.WriteAsync(importer, row, ct);
                }
                await importer.CompleteAsync(ct);
            }
            rows.Clear();
        }
    }

    /// <summary>The COPY command of an entity's table and how to write each of its columns, read from the EF model.</summary>
    private sealed record CopyColumns(string CopyCommand, IReadOnlyList<CopyColumn> All)
    {
        public static CopyColumns Of(VakkaDb db, Type entityType)
        {
            var entity = db.Model.FindEntityType(entityType) ?? throw new InvalidOperationException($"{entityType.Name} is not in the model.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var columns = entity.GetProperties().Select(p => new CopyColumn(p.GetColumnName(table)!, p)).ToList();
            var name = entity.GetSchema() is { } schema ? $"{Quote(schema)}.{Quote(table.Name)}" : Quote(table.Name);
            return new CopyColumns($"COPY {name} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)", columns);
        }

        private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private sealed class CopyColumn(string name, IProperty property)
    {
        private readonly IClrPropertyGetter getter = property.GetGetter();
        private readonly Func<object?, object?>? toProvider = property.GetTypeMapping().Converter?.ConvertToProvider;

        public string Name => name;

        public Task WriteAsync(NpgsqlBinaryImporter importer, object row, CancellationToken ct)
        {
            var value = getter.GetClrValue(row);
            if (value is not null && toProvider is not null) value = toProvider(value);
            return value switch
            {
                null => importer.WriteNullAsync(ct),
                Guid g => importer.WriteAsync(g, NpgsqlDbType.Uuid, ct),
                string s => importer.WriteAsync(s, NpgsqlDbType.Varchar, ct),
                int i => importer.WriteAsync(i, NpgsqlDbType.Integer, ct),
                long l => importer.WriteAsync(l, NpgsqlDbType.Bigint, ct),
                bool b => importer.WriteAsync(b, NpgsqlDbType.Boolean, ct),
                DateOnly d => importer.WriteAsync(d, NpgsqlDbType.Date, ct),
                DateTime t => importer.WriteAsync(t, NpgsqlDbType.TimestampTz, ct),
                _ => throw new NotSupportedException($"COPY of {property.DeclaringType.ClrType.Name}.{property.Name} ({value.GetType().Name})"),
            };
        }
    }
}
