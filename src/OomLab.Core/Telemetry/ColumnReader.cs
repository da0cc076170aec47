using System.Runtime.InteropServices;
using System.Text;

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
    public abstract void Read(IntPtr statement, int field, int row);

    // A zero value may be null: only then is the type asked for (one call less per value).
    private static bool IsNull(IntPtr statement, int field) => SqliteColumns.IsNull(statement, field);

    private sealed class Strings : ColumnReader
    {
        private readonly string?[] values;

        // Names, roles and types repeat across rows: one string per distinct value saves memory,
        // and lets predicates remember their answer per value.
        private readonly Dictionary<string, string> distinct = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup;
        private byte[] utf8 = new byte[256];

        public Strings(TelemetryColumn column, int rows)
            : base(column)
        {
            values = new string?[rows];
            lookup = distinct.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public override TelemetryColumnData Data => new(Column, values, null);

        public override void Read(IntPtr statement, int field, int row)
        {
            var text = SqliteColumns.Text(statement, field);
            if (text == IntPtr.Zero)
            {
                return;
            }

            var length = SqliteColumns.Bytes(statement, field);
            if (length == 0)
            {
                values[row] = string.Empty;
                return;
            }

            if (utf8.Length < length)
            {
                utf8 = new byte[Math.Max(length, utf8.Length * 2)];
            }

            Marshal.Copy(text, utf8, 0, length);
            var bytes = utf8.AsSpan(0, length);

            // Decoded into a buffer first: a repeated value is found without making a string.
            Span<char> chars = bytes.Length > 512 ? new char[bytes.Length] : stackalloc char[bytes.Length];
            chars = chars[..Encoding.UTF8.GetChars(bytes, chars)];
            if (!lookup.TryGetValue(chars, out var value))
            {
                value = chars.ToString();
                if (distinct.Count < MaxDistinctStrings)
                {
                    distinct.Add(value, value);
                }
            }

            values[row] = value;
        }
    }

    private sealed class Longs(TelemetryColumn column, int rows) : ColumnReader(column)
    {
        private readonly long[] values = new long[rows];
        private bool[]? nulls;

        public override TelemetryColumnData Data => new(Column, values, nulls);

        public override void Read(IntPtr statement, int field, int row)
        {
            var value = SqliteColumns.Int64(statement, field);
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

        public override void Read(IntPtr statement, int field, int row)
        {
            var value = SqliteColumns.Double(statement, field);
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

        public override void Read(IntPtr statement, int field, int row)
        {
            var value = SqliteColumns.Int64(statement, field);
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
