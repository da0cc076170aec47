using System.Runtime.InteropServices;
using System.Text;

namespace OomLab.Telemetry;

/// <summary>
/// One column of a columnar copy as a file (little-endian): the magic <c>OOMLABC1</c>, the <see cref="TableVersion"/>
/// it was written from (stamp, rows, last rowid), the column type, then for numbers, times and bools a null flag, the
/// null mask when there are nulls and the values' bytes; for strings and dynamic text the distinct values (UTF-8,
/// length -1 for a null) and one int32 code per row.
/// </summary>
internal static partial class ColumnFile
{
    // Names the layout: change it with the layout, and files in an older one are ignored (the store is read instead).
    private static readonly byte[] Magic = "OOMLABC1"u8.ToArray();
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Write(string path, TableVersion version, TelemetryColumnData data)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(version.Stamp ?? string.Empty);
        writer.Write(version.Rows);
        writer.Write(version.LastRowId);
        writer.Write((byte)data.Type);
        switch (data.Values)
        {
            case string?[] strings:
                WriteStrings(writer, strings);
                break;
            default:
                writer.Write(data.Nulls is not null);
                if (data.Nulls is { } nulls)
                {
                    writer.Write(MemoryMarshal.AsBytes(nulls.AsSpan()));
                }

                writer.Write(Bytes(data.Values));
                break;
        }
    }

    /// <summary>The column in <paramref name="path"/> when it was written from <paramref name="version"/> as <paramref name="column"/>, else null.</summary>
    public static TelemetryColumnData? TryRead(string path, TableVersion version, TelemetryColumn column)
    {
        if (version.Stamp is null || !File.Exists(path))
        {
            return null;
        }

        try
        {
            var bytes = new Cursor(File.ReadAllBytes(path));
            if (Header(ref bytes) != (version, (byte)column.Type))
            {
                return null;
            }

            var rows = version.Rows;
            return column.Type switch
            {
                TelemetryColumnType.DateTime or TelemetryColumnType.TimeSpan or TelemetryColumnType.Long => Read(ref bytes, column, new long[rows]),
                TelemetryColumnType.Real => Read(ref bytes, column, new double[rows]),
                TelemetryColumnType.Bool => Read(ref bytes, column, new bool[rows]),
                _ => new TelemetryColumnData(column, ReadStrings(ref bytes, rows), null),
            };
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or DecoderFallbackException)
        {
            // A copy that cannot be read is no copy: the store has the rows.
            return null;
        }
    }

    /// <summary>The version the column file at <paramref name="path"/> was written from (its header alone is read), or null when it cannot be read.</summary>
    public static TableVersion? VersionOf(string path) => HeaderOf(path)?.Version;

    /// <summary>Whether <paramref name="path"/> holds <paramref name="column"/> as written from <paramref name="version"/> (its header alone is read).</summary>
    public static bool IsCurrent(string path, TableVersion version, TelemetryColumn column) =>
        version.Stamp is not null && HeaderOf(path) == (version, (byte)column.Type);

    private static (TableVersion Version, byte Type)? HeaderOf(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            var header = new byte[(int)Math.Min(stream.Length, 512)];
            stream.ReadExactly(header);
            var bytes = new Cursor(header);
            return Header(ref bytes);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or DecoderFallbackException)
        {
            return null;
        }
    }

    // Magic, the version the file was written from, the column type; null for a file in another layout.
    private static (TableVersion Version, byte Type)? Header(ref Cursor bytes) =>
        bytes.Take(Magic.Length).SequenceEqual(Magic) ? (new TableVersion(bytes.String(), bytes.Int32(), bytes.Int64()), bytes.Take(1)[0]) : null;

    private static TelemetryColumnData Read<T>(ref Cursor bytes, TelemetryColumn column, T[] values)
        where T : unmanaged
    {
        bool[]? nulls = null;
        if (bytes.Take(1)[0] != 0)
        {
            nulls = new bool[values.Length];
            bytes.Take(nulls.Length).CopyTo(MemoryMarshal.AsBytes(nulls.AsSpan()));
        }

        var into = MemoryMarshal.AsBytes(values.AsSpan());
        bytes.Take(into.Length).CopyTo(into);
        return new TelemetryColumnData(column, values, nulls);
    }

    private static void WriteStrings(BinaryWriter writer, string?[] values)
    {
        var codes = new int[values.Length];
        var distinct = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string?>();
        var nullCode = -1;
        for (var row = 0; row < values.Length; row++)
        {
            var value = values[row];
            int code;
            if (value is null)
            {
                if (nullCode < 0)
                {
                    nullCode = order.Count;
                    order.Add(null);
                }

                code = nullCode;
            }
            else if (!distinct.TryGetValue(value, out code))
            {
                code = order.Count;
                distinct.Add(value, code);
                order.Add(value);
            }

            codes[row] = code;
        }

        writer.Write(order.Count);
        var buffer = new byte[256];
        foreach (var value in order)
        {
            if (value is null)
            {
                writer.Write(-1);
                continue;
            }

            var length = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (buffer.Length < length)
            {
                buffer = new byte[length];
            }

            length = Encoding.UTF8.GetBytes(value, buffer);
            writer.Write(length);
            writer.Write(buffer, 0, length);
        }

        // Codes as narrow as the distinct count allows: most columns have a handful of values.
        switch (CodeWidth(order.Count))
        {
            case 1:
                foreach (var code in codes)
                {
                    writer.Write((byte)code);
                }

                break;
            case 2:
                foreach (var code in codes)
                {
                    writer.Write((ushort)code);
                }

                break;
            default:
                writer.Write(MemoryMarshal.AsBytes(codes.AsSpan()));
                break;
        }
    }

    private static string?[] ReadStrings(ref Cursor bytes, int rows)
    {
        var count = bytes.Int32();
        if (count < 0 || count > Math.Max(rows, 1))
        {
            throw new InvalidDataException("distinct count out of range");
        }

        var distinct = new string?[count];
        for (var i = 0; i < count; i++)
        {
            var length = bytes.Int32();
            if (length >= 0)
            {
                distinct[i] = length == 0 ? string.Empty : Strict.GetString(bytes.Take(length));
            }
        }

        var values = new string?[rows];
        switch (CodeWidth(count))
        {
            case 1:
                var narrow = bytes.Take(rows);
                for (var row = 0; row < rows; row++)
                {
                    values[row] = distinct[Code(narrow[row], count)];
                }

                break;
            case 2:
                var middle = MemoryMarshal.Cast<byte, ushort>(bytes.Take(rows * 2));
                for (var row = 0; row < rows; row++)
                {
                    values[row] = distinct[Code(middle[row], count)];
                }

                break;
            default:
                var wide = MemoryMarshal.Cast<byte, int>(bytes.Take(rows * 4));
                for (var row = 0; row < rows; row++)
                {
                    values[row] = distinct[Code(wide[row], count)];
                }

                break;
        }

        return values;
    }

    private static int Code(int code, int count) => (uint)code < (uint)count ? code : throw new InvalidDataException("a string code is out of range");

    private static int CodeWidth(int distinct) => distinct <= 256 ? 1 : distinct <= 65536 ? 2 : 4;

    private static ReadOnlySpan<byte> Bytes(Array values) => values switch
    {
        long[] longs => MemoryMarshal.AsBytes(longs.AsSpan()),
        double[] doubles => MemoryMarshal.AsBytes(doubles.AsSpan()),
        bool[] bools => MemoryMarshal.AsBytes(bools.AsSpan()),
        _ => throw new ArgumentException($"no column file layout for {values.GetType()}", nameof(values)),
    };
}
