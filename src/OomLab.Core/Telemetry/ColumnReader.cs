using Microsoft.Data.Sqlite;

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

    /// <summary>Reads field <paramref name="field"/> of the current row into row <paramref name="row"/>.</summary>
    public abstract void Read(SqliteDataReader reader, int field, int row);

    private sealed class Strings(TelemetryColumn column, int rows) : ColumnReader(column)
    {
        private readonly string?[] values = new string?[rows];

        // Names, roles and types repeat across rows: one string per distinct value saves memory,
        // and lets predicates remember their answer per value.
        private readonly Dictionary<string, string> distinct = new(StringComparer.Ordinal);

        public override TelemetryColumnData Data => new(Column, values, null);

        public override void Read(SqliteDataReader reader, int field, int row)
        {
            if (reader.IsDBNull(field))
            {
                return;
            }

            var text = reader.GetString(field);
            if (distinct.TryGetValue(text, out var known))
            {
                text = known;
            }
            else if (distinct.Count < MaxDistinctStrings)
            {
                distinct.Add(text, text);
            }

            values[row] = text;
        }
    }

    private sealed class Longs(TelemetryColumn column, int rows) : ColumnReader(column)
    {
        private readonly long[] values = new long[rows];
        private bool[]? nulls;

        public override TelemetryColumnData Data => new(Column, values, nulls);

        public override void Read(SqliteDataReader reader, int field, int row)
        {
            if (reader.IsDBNull(field))
            {
                (nulls ??= new bool[values.Length])[row] = true;
            }
            else
            {
                values[row] = reader.GetInt64(field);
            }
        }
    }

    private sealed class Doubles(TelemetryColumn column, int rows) : ColumnReader(column)
    {
        private readonly double[] values = new double[rows];
        private bool[]? nulls;

        public override TelemetryColumnData Data => new(Column, values, nulls);

        public override void Read(SqliteDataReader reader, int field, int row)
        {
            if (reader.IsDBNull(field))
            {
                (nulls ??= new bool[values.Length])[row] = true;
            }
            else
            {
                values[row] = reader.GetDouble(field);
            }
        }
    }

    private sealed class Bools(TelemetryColumn column, int rows) : ColumnReader(column)
    {
        private readonly bool[] values = new bool[rows];
        private bool[]? nulls;

        public override TelemetryColumnData Data => new(Column, values, nulls);

        public override void Read(SqliteDataReader reader, int field, int row)
        {
            if (reader.IsDBNull(field))
            {
                (nulls ??= new bool[values.Length])[row] = true;
            }
            else
            {
                values[row] = reader.GetInt64(field) != 0;
            }
        }
    }
}
