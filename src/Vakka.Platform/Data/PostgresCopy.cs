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
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in columns) await column.WriteAsync(importer, row, ct);
        }
        return await importer.CompleteAsync(ct);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

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
                byte[] bytes => importer.WriteAsync(bytes, NpgsqlDbType.Bytea, ct),
                _ => throw new NotSupportedException($"COPY of {property.DeclaringType.ClrType.Name}.{property.Name} ({value.GetType().Name})"),
            };
        }
    }
}
