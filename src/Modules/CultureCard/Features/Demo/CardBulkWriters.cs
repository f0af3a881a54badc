using Microsoft.EntityFrameworkCore;
using Npgsql;
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
/// Streams the rows into PostgreSQL with binary COPY (<see cref="PostgresCopy{T}"/>), in one transaction (a failed run
/// leaves no rows).
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
            var batches = new Buffer<CardBatch>(db);
            var codes = new Buffer<CardCodeRecord>(db);
            var cards = new Buffer<Card>(db);
            var history = new Buffer<CardEvent>(db);
            var uses = new Buffer<CardUse>(db);
            var events = new Buffer<VenueEvent>(db);
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

    private sealed class Buffer<T>(VakkaDb db) : IBuffer where T : class
    {
        private readonly List<T> rows = [];
        private readonly PostgresCopy<T> copy = new(db);

        public async Task AddAsync(List<T> more, CancellationToken ct)
        {
            rows.AddRange(more);
            if (rows.Count >= CopyBatch) await CopyAsync(ct);
        }

        public async Task CopyAsync(CancellationToken ct)
        {
            if (rows.Count == 0) return;
            await copy.WriteAsync(db, rows, ct);
            rows.Clear();
        }
    }
}
