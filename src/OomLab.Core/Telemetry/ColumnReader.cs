using System.Text;
using SQLitePCL;

namespace OomLab.Telemetry;

/// <summary>Fills one column's typed array from a result set, one row at a time.</summary>
internal abstract class ColumnReader
{
    private const int MaxDistinctStrings = 1 << 16;

    protected ColumnReader(TelemetryColumn column) => Column = column;

    public TelemetryColumn Column { get; }

    public abstract TelemetryColumnData Data { get; }

    public static ColumnReader Create(TelemetryColumn column, int rows) => column.Type switch
    {
        TelemetryColumnType.DateTime or TelemetryColumnType.TimeSpan or TelemetryColumnType.Long => new Longs(column, rows),
        TelemetryColumnType.Real => new Doubles(column, rows),
        TelemetryColumnType.Bool => new Bools(column, rows),
        _ => new Strings(column, rows),
    };

    /// <summary>Reads field <paramref name="field"/> of the statement's current row into row <paramref name="row"/>.</summary>
    public abstract void Read(sqlite3_stmt statement, int field, int row);

    // A zero or empty value may be null: only then is the type asked for (one call less per value).
    private static bool IsNull(sqlite3_stmt statement, int field) => raw.sqlite3_column_type(statement, field) == raw.SQLITE_NULL;

    private sealed class Strings : ColumnReader
    {
        private readonly string?[] values;

        // Names, roles and types repeat across rows: one string per distinct value saves memory,
        // and lets predicates remember their answer per value.
        private readonly Dictionary<string, string> distinct = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup;

        public Strings(TelemetryColumn column, int rows)
            : base(column)
        {
            values = new string?[rows];
            lookup = distinct.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public override TelemetryColumnData Data => new(Column, values, null);

        public override void Read(sqlite3_stmt statement, int field, int row)
        {
            var bytes = raw.sqlite3_column_blob(statement, field);
            if (bytes.IsEmpty)
            {
                values[row] = IsNull(statement, field) ? null : string.Empty;
                return;
            }

            // Decoded into a buffer first: a repeated value is found without making a string.
            Span<char> chars = bytes.Length > 512 ? new char[bytes.Length] : stackalloc char[bytes.Length];
            chars = chars[..Encoding.UTF8.GetChars(bytes, chars)];
            if (!lookup.TryGetValue(chars, out var text))
            {
                text = chars.ToString();
                if (distinct.Count < MaxDistinctStrings)
                {
                    distinct.Add(text, text);
                }
            }

            values[row] = text;
        }
    }

    private sealed class Longs(TelemetryColumn column, int rows) : ColumnReader(column)
    {
        private readonly long[] values = new long[rows];
        private bool[]? nulls;

        public override TelemetryColumnData Data => new(Column, values, nulls);

        public override void Read(sqlite3_stmt statement, int field, int row)
        {
            var value = raw.sqlite3_column_int64(statement, field);
            if (value == 0 && IsNull(statement, field))
            {
                (nulls ??= new bool[values.Length])[row] = true;
            }
            else
            {
                values[row] = value;
            }
        }
    }

    private sealed class Doubles(TelemetryColumn column, int rows) : ColumnReader(column)
    {
        private readonly double[] values = new double[rows];
        private bool[]? nulls;

        public override TelemetryColumnData Data => new(Column, values, nulls);

        public override void Read(sqlite3_stmt statement, int field, int row)
        {
            var value = raw.sqlite3_column_double(statement, field);
            if (value == 0 && IsNull(statement, field))
            {
                (nulls ??= new bool[values.Length])[row] = true;
            }
            else
            {
                values[row] = value;
            }
        }
    }

    private sealed class Bools(TelemetryColumn column, int rows) : ColumnReader(column)
    {
        private readonly bool[] values = new bool[rows];
        private bool[]? nulls;

        public override TelemetryColumnData Data => new(Column, values, nulls);

        public override void Read(sqlite3_stmt statement, int field, int row)
        {
            var value = raw.sqlite3_column_int64(statement, field);
            if (value == 0 && IsNull(statement, field))
            {
                (nulls ??= new bool[values.Length])[row] = true;
            }
            else
            {
                values[row] = value != 0;
            }
        }
    }
}
