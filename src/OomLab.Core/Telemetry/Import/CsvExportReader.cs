using System.Text;

namespace OomLab.Telemetry.Import;

/// <summary>
/// Reads the portal's "Export to CSV" (RFC 4180: a header row, fields quoted when they hold a comma, quote or line
/// break, <c>""</c> for a quote), streaming. A header's <c>[UTC]</c> suffix (<c>TimeGenerated [UTC]</c>) marks a datetime
/// column and is not part of its name; datetimes may be written as the portal does (<c>2/25/2025, 9:19:25.391 AM</c>).
/// Every field is text: the table's schema gives the types, a column it lacks is a string (a datetime when so marked).
/// </summary>
internal sealed class CsvExportReader
{
    private const string Utc = " [UTC]";

    private readonly TextReader reader;
    private readonly string file;
    private readonly char[] buffer = new char[1 << 16];
    private readonly StringBuilder field = new();
    private int start;
    private int end;
    private long line = 1;
    private long column = 1;

    private CsvExportReader(TextReader reader, string file)
    {
        this.reader = reader;
        this.file = file;
    }

    public static void Read(TextReader text, ImportSession session, CancellationToken cancellationToken)
    {
        new CsvExportReader(text, session.File).ReadAll(session, cancellationToken);
    }

    private void ReadAll(ImportSession session, CancellationToken cancellationToken)
    {
        var header = new List<string>();
        if (!ReadRow(header, out _))
        {
            throw new ImportException(file, 1, 1, ImportMessages.Empty);
        }

        var names = new string[header.Count];
        var types = new TelemetryColumnType?[header.Count];
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            if (name.EndsWith(Utc, StringComparison.Ordinal))
            {
                name = name[..^Utc.Length];
                types[i] = TelemetryColumnType.DateTime;
            }

            names[i] = name;
        }

        var fields = new List<string>();
        var cells = new List<(string Name, Cell Value, bool AnyCase)>();
        TableSink? declaredIn = null;
        while (ReadRow(fields, out var at))
        {
            if (fields is [""] && names.Length > 1)
            {
                continue;
            }

            if (fields.Count != names.Length)
            {
                throw new ImportException(file, at.Line, at.Column, ImportMessages.RowLength(fields.Count, names.Length));
            }

            cells.Clear();
            for (var i = 0; i < names.Length; i++)
            {
                cells.Add((names[i], Cell.OfText(fields[i]), false));
            }

            var sink = session.SinkFor(cells, null, null, at);
            if (sink != declaredIn)
            {
                for (var i = 0; i < names.Length; i++)
                {
                    sink.Declare(names[i], types[i] ?? TelemetryColumnType.String);
                }

                declaredIn = sink;
            }

            sink.Add(cells, at);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    // Reads one record into fields; false at the end of the file. at: where the record starts.
    private bool ReadRow(List<string> fields, out (long Line, long Column) at)
    {
        fields.Clear();
        at = (line, column);
        if (Peek() < 0)
        {
            return false;
        }

        while (true)
        {
            field.Clear();
            var c = Peek();
            if (c == '"')
            {
                var quote = (line, column);
                Next();
                while (true)
                {
                    c = Next();
                    if (c < 0)
                    {
                        throw new ImportException(file, quote.line, quote.column, ImportMessages.EndsInQuotes);
                    }

                    if (c == '"')
                    {
                        if (Peek() != '"')
                        {
                            break;
                        }

                        Next();
                    }

                    field.Append((char)c);
                }

                c = Peek();
                if (c >= 0 && c is not (',' or '\r' or '\n'))
                {
                    throw new ImportException(file, line, column, ImportMessages.Csv($"'{(char)c}' after a closing quote; a quote inside a quoted field is written \"\""));
                }
            }
            else
            {
                while ((c = Peek()) >= 0 && c is not (',' or '\r' or '\n'))
                {
                    field.Append((char)Next());
                }
            }

            fields.Add(field.ToString());
            c = Next();
            if (c == ',')
            {
                continue;
            }

            if (c == '\r' && Peek() == '\n')
            {
                Next();
            }

            return true;
        }
    }

    private int Peek()
    {
        if (start == end && !Fill())
        {
            return -1;
        }

        return buffer[start];
    }

    private int Next()
    {
        if (start == end && !Fill())
        {
            return -1;
        }

        var c = buffer[start++];
        if (c == '\n')
        {
            line++;
            column = 1;
        }
        else
        {
            column++;
        }

        return c;
    }

    private bool Fill()
    {
        start = 0;
        end = reader.Read(buffer, 0, buffer.Length);
        return end > 0;
    }
}
