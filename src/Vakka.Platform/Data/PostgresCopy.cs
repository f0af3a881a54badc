using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace Vakka.Platform.Data;

/// <summary>
/// PostgreSQL's binary COPY of entities, for bulk work (generators, the archive's legacy migration). The table, its
/// columns and their value conversions come from the EF model, so rows are stored exactly as EF Core would store them.
/// Runs on the context's own connection and inside its current transaction, if one is open.
/// </summary>
public sealed class PostgresCopy<T> where T : class
{
    private readonly string command;
    private readonly CopyColumn[] columns;

    public PostgresCopy(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        columns = [.. entity.GetProperties().Select(p => new CopyColumn(p.GetColumnName(table)!, p))];
        var name = entity.GetSchema() is { } schema ? $"{Quote(schema)}.{Quote(table.Name)}" : Quote(table.Name);
        command = $"COPY {name} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
    }

    /// <summary>Copies <paramref name="rows"/> on the context's open connection; returns how many were written.</summary>
    public async Task<ulong> WriteAsync(DbContext db, IEnumerable<T> rows, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var importer = await connection.BeginBinaryImportAsync(command, ct);
        // The rows are written synchronously (millions of values: an awaited call per value costs more than the few
        // blocking socket writes when Npgsql's buffer fills); the command starts and completes asynchronously.
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            importer.StartRow();
            foreach (var column in columns) column.Write(importer, row);
        }
        return await importer.CompleteAsync(ct);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed class CopyColumn(string name, IProperty property)
    {
        private readonly IClrPropertyGetter getter = property.GetGetter();
        private readonly Func<object?, object?>? toProvider = property.GetTypeMapping().Converter?.ConvertToProvider;

        public string Name => name;

        public void Write(NpgsqlBinaryImporter importer, object row)
        {
            var value = getter.GetClrValue(row);
            if (value is not null && toProvider is not null) value = toProvider(value);
            switch (value)
            {
                case null: importer.WriteNull(); break;
                case Guid g: importer.Write(g, NpgsqlDbType.Uuid); break;
                case string s: importer.Write(s, NpgsqlDbType.Varchar); break;
                case int i: importer.Write(i, NpgsqlDbType.Integer); break;
                case long l: importer.Write(l, NpgsqlDbType.Bigint); break;
                case bool b: importer.Write(b, NpgsqlDbType.Boolean); break;
                case DateOnly d: importer.Write(d, NpgsqlDbType.Date); break;
                case DateTime t: importer.Write(t, NpgsqlDbType.TimestampTz); break;
                case byte[] bytes: importer.Write(bytes, NpgsqlDbType.Bytea); break;
                default: throw new NotSupportedException($"COPY of {property.DeclaringType.ClrType.Name}.{property.Name} ({value.GetType().Name})");
            }
        }
    }
}
