using System.Text;
using Microsoft.Data.Sqlite;

namespace OomLab.Telemetry.Import;

/// <summary>
/// Imports Application Insights / Log Analytics exports into a telemetry store (the same SQLite tables the host
/// writes), streaming, one file at a time, each whole or not at all: the REST shape, <c>az</c> CLI arrays, diagnostic
/// settings' records and JSON lines (<see cref="JsonExportReader"/>), the portal's CSV (<see cref="CsvExportReader"/>),
/// and any of them gzipped. Every column a file has is kept (<see cref="TableSink"/>).
/// </summary>
internal static class TelemetryImporter
{
    public static ImportResult Import(string file, string? tableName, string storePath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(storePath);
        if (!File.Exists(file))
        {
            throw new OomLabException(ImportMessages.NotFound(file));
        }

        var explicitTable = tableName is null ? null : ImportSession.TableNamed(tableName) ?? throw new OomLabException(ImportMessages.BadTableOption(tableName));
        var directory = Path.GetDirectoryName(Path.GetFullPath(storePath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var existed = File.Exists(storePath);
        var committed = false;
        try
        {
            using var connection = TelemetryStore.Connect(storePath, SqliteOpenMode.ReadWriteCreate);
            List<TableImport> tables;
            List<TelemetryTable> written;
            List<(string Table, long Rows)> tooLarge;
            using (var session = new ImportSession(connection, file, explicitTable))
            {
                using (var input = ExportInput.Open(file))
                {
                    try
                    {
                        Read(input, file, session, cancellationToken);
                    }
                    catch (ImportException ex) when (input.IsTruncated())
                    {
                        throw new ImportException(file, ex.Line, ex.Column, $"{ex.Problem}: {ImportMessages.GzipTruncated}");
                    }

                    input.Verify();
                }

                session.Commit();
                committed = true;
                tables = [.. session.Sinks.Select(s => new TableImport(s.Table.Name, s.Rows, s.Added))];
                written = [.. session.Sinks.Where(s => s.Rows <= ColumnarCopy.MaxRows).Select(s => s.Table)];
                tooLarge = [.. session.Sinks.Where(s => s.Rows > ColumnarCopy.MaxRows).Select(s => (s.Table.Name, s.Rows))];
            }

            // A table given more rows than a copy is made for is not counted again to find that out: counting maps the store.
            var notes = tooLarge.Select(t => $"no columnar copy of {t.Table} was written (this file alone has {t.Rows:N0} rows for it, more than the {ColumnarCopy.MaxRows:N0} a copy is made for); queries will read the store")
                .Concat(written.Select(table => WriteCopy(connection, storePath, table)).OfType<string>())
                .ToList();
            return new ImportResult(file, tables, notes);
        }
        finally
        {
            if (!committed && !existed)
            {
                // A store this import made and did not fill is taken away again: the store is as it was, absent.
                SqliteConnection.ClearAllPools();
                foreach (var path in new[] { storePath, storePath + "-wal", storePath + "-shm" })
                {
                    File.Delete(path);
                }
            }
        }
    }

    private static void Read(ExportInput input, string file, ImportSession session, CancellationToken cancellationToken)
    {
        if (input.Shape == ExportShape.Json)
        {
            // Not disposed here: disposing the tokens would close the input, which Verify still reads to its end.
            var tokens = new JsonTokenStream(input.Stream, file);
            JsonExportReader.Read(tokens, session, cancellationToken);
            return;
        }

        var text = new StreamReader(input.Stream, new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true, 1 << 16, leaveOpen: true);
        CsvExportReader.Read(text, session, cancellationToken);
    }

    // The rows are in the store: a copy that cannot be written only costs speed, since queries then read the store.
    private static string? WriteCopy(SqliteConnection connection, string storePath, TelemetryTable table)
    {
        try
        {
            return ColumnarCopy.Write(connection, storePath, table) is { } reason
                ? $"no columnar copy of {table.Name} was written ({reason}); queries will read the store"
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException
            || (ex is AggregateException all && all.InnerExceptions.All(e => e is IOException or UnauthorizedAccessException)))
        {
            return $"the columnar copy of {table.Name} was not written ({ex.GetBaseException().Message}); queries will read the store";
        }
    }
}
