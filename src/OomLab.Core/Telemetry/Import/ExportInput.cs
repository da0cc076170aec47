using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace OomLab.Telemetry.Import;

/// <summary>
/// An export file opened for reading: gunzipped when it starts with gzip's magic bytes (whatever its name), its first
/// bytes looked at to tell JSON from CSV, and refused with its location when it is empty or not text (a NUL byte or
/// bytes that are not UTF-8 near its start). A gzip file is checked at its end against its trailer's length, so a
/// truncated one is an error even where the cut falls between two rows.
/// </summary>
internal sealed class ExportInput : IDisposable
{
    private const int SniffBytes = 4096;

    private readonly string file;
    private readonly FileStream raw;
    private readonly CountingStream? gunzipped;
    private readonly uint expectedLength;

    private ExportInput(string file, FileStream raw, Stream stream, ExportShape shape, CountingStream? gunzipped, uint expectedLength)
    {
        this.file = file;
        this.raw = raw;
        Stream = stream;
        Shape = shape;
        this.gunzipped = gunzipped;
        this.expectedLength = expectedLength;
    }

    public Stream Stream { get; }

    public ExportShape Shape { get; }

    public static ExportInput Open(string file)
    {
        var raw = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            Span<byte> magic = stackalloc byte[2];
            var gzip = raw.Length >= 2 && raw.Read(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
            uint expected = 0;
            CountingStream? counting = null;
            Stream stream = raw;
            if (gzip)
            {
                if (raw.Length < 18)
                {
                    throw new ImportException(file, 1, 1, ImportMessages.GzipTruncated);
                }

                Span<byte> trailer = stackalloc byte[4];
                raw.Seek(-4, SeekOrigin.End);
                raw.ReadExactly(trailer);
                expected = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
                raw.Seek(0, SeekOrigin.Begin);
                stream = counting = new CountingStream(new GZipStream(raw, CompressionMode.Decompress, leaveOpen: true), file);
            }
            else
            {
                raw.Seek(0, SeekOrigin.Begin);
            }

            var prefix = new byte[SniffBytes];
            var length = 0;
            int read;
            while (length < prefix.Length && (read = stream.Read(prefix, length, prefix.Length - length)) > 0)
            {
                length += read;
            }

            var shape = Sniff(file, prefix.AsSpan(0, length), complete: length < prefix.Length);
            return new ExportInput(file, raw, new PrefixedStream(prefix, length, stream), shape, counting, expected);
        }
        catch
        {
            raw.Dispose();
            throw;
        }
    }

    /// <summary>After the whole file was read: a gzip file must have given the length its trailer records.</summary>
    public void Verify()
    {
        if (IsTruncated())
        {
            throw new ImportException(file, 1, 1, ImportMessages.GzipTruncated);
        }
    }

    /// <summary>
    /// Whether a gzip file gave less than its trailer records (read to its end to tell): a reader's error in a truncated
    /// file is then named as the truncation it comes from.
    /// </summary>
    public bool IsTruncated()
    {
        if (gunzipped is null)
        {
            return false;
        }

        try
        {
            // Drain what the reader did not need (trailing whitespace, or all that follows an error) so the count is the whole length.
            Stream.CopyTo(Stream.Null);
        }
        catch (ImportException)
        {
            return true;
        }

        return (uint)gunzipped.Count != expectedLength;
    }

    public void Dispose()
    {
        Stream.Dispose();
        raw.Dispose();
    }

    private static ExportShape Sniff(string file, ReadOnlySpan<byte> bytes, bool complete)
    {
        var bom = Encoding.UTF8.Preamble;
        var text = bytes.StartsWith(bom) ? bytes[bom.Length..] : bytes;
        var nul = text.IndexOf((byte)0);
        if (nul >= 0)
        {
            throw new ImportException(file, 1, 1, ImportMessages.Binary(nul + (bytes.Length - text.Length)));
        }

        // A multi-byte character cut by the end of the sample is not an error; anything else not UTF-8 is.
        var check = complete ? text : text[..Math.Max(0, text.Length - 3)];
        if (System.Text.Unicode.Utf8.IsValid(check) is false)
        {
            var at = FirstInvalid(check);
            throw new ImportException(file, 1, 1, ImportMessages.Binary(at + (bytes.Length - text.Length)));
        }

        foreach (var b in text)
        {
            switch (b)
            {
                case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n':
                    continue;
                case (byte)'{' or (byte)'[':
                    return ExportShape.Json;
                default:
                    return ExportShape.Csv;
            }
        }

        if (complete)
        {
            throw new ImportException(file, 1, 1, ImportMessages.Empty);
        }

        return ExportShape.Csv;
    }

    private static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        var low = 0;
        var high = bytes.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (System.Text.Unicode.Utf8.IsValid(bytes[..mid]))
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return Math.Max(0, low - 1);
    }
}
