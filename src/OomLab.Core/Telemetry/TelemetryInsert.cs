using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace OomLab.Telemetry;

/// <summary>
/// A prepared <c>INSERT</c> of one telemetry table's rows, with values bound by position through SQLite's own API.
/// The data provider's parameters bind by name: each value costs a UTF-8 copy of its parameter's name and a search of
/// the statement's names, several times SQLite's own work for a row (the host writes about seven rows per blob).
/// Values are storage values as <see cref="TelemetryRowMapper"/> makes them: <see cref="long"/>, <see cref="int"/>,
/// <see cref="double"/>, <see cref="string"/> or null. Runs inside the caller's transaction on the same connection.
/// </summary>
internal sealed class TelemetryInsert : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly sqlite3_stmt statement;
    private readonly int columns;
    private byte[] text = new byte[1024];

    public TelemetryInsert(SqliteConnection connection, TelemetryTable table)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(table);
        this.connection = connection;
        columns = table.Columns.Count;
        var sql = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Storage}\""))}) VALUES ({string.Join(", ", Enumerable.Repeat("?", columns))});";
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out statement));
    }

    /// <summary>Inserts one row: one value per column, in the table's column order.</summary>
    /// <exception cref="SqliteException">SQLite refused the row.</exception>
    public void Execute(ReadOnlySpan<object?> values)
    {
        if (values.Length != columns)
        {
            throw new ArgumentException($"the table has {columns} columns, the row {values.Length} values", nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            var index = i + 1;
            Check(values[i] switch
            {
                null or DBNull => raw.sqlite3_bind_null(statement, index),
                long number => raw.sqlite3_bind_int64(statement, index, number),
                int number => raw.sqlite3_bind_int64(statement, index, number),
                double number => raw.sqlite3_bind_double(statement, index, number),
                string value => raw.sqlite3_bind_text(statement, index, Utf8(value)),
                var other => throw new ArgumentException($"column {index}: a {other.GetType().Name} is not a storage value", nameof(values)),
            });
        }

        var step = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (step != raw.SQLITE_DONE)
        {
            Check(step);
        }
    }

    public void Dispose() => statement.Dispose();

    private ReadOnlySpan<byte> Utf8(string value)
    {
        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (most > text.Length)
        {
            text = new byte[Math.Max(most, text.Length * 2)];
        }

        return text.AsSpan(0, Encoding.UTF8.GetBytes(value, text));
    }

    private void Check(int code)
    {
        if (code is not raw.SQLITE_OK and not raw.SQLITE_DONE)
        {
            throw new SqliteException(raw.sqlite3_errmsg(connection.Handle).utf8_to_string(), code);
        }
    }
}
