using System.Buffers.Binary;

namespace OomLab.Kql.Evaluation;

/// <summary>
/// XXH64 (seed 0), the hash behind KQL's <c>hash()</c> and <c>hash_xxhash64()</c>: hash-function.md's examples are the
/// XXH64 of the UTF-8 text ("World" is 1846988464401551951) and of a datetime's ticks as 8 little-endian bytes.
/// </summary>
internal static class XxHash64
{
    private const ulong P1 = 11400714785074694791UL;
    private const ulong P2 = 14029467366897019727UL;
    private const ulong P3 = 1609587929392839161UL;
    private const ulong P4 = 9650029242287828579UL;
    private const ulong P5 = 2870177450012600261UL;

    public static ulong Hash(ReadOnlySpan<byte> data)
    {
        var length = data.Length;
        var i = 0;
        ulong h;
        if (length >= 32)
        {
            ulong v1 = unchecked(P1 + P2), v2 = P2, v3 = 0, v4 = unchecked(0 - P1);
            for (; i + 32 <= length; i += 32)
            {
                v1 = Round(v1, BinaryPrimitives.ReadUInt64LittleEndian(data[i..]));
                v2 = Round(v2, BinaryPrimitives.ReadUInt64LittleEndian(data[(i + 8)..]));
                v3 = Round(v3, BinaryPrimitives.ReadUInt64LittleEndian(data[(i + 16)..]));
                v4 = Round(v4, BinaryPrimitives.ReadUInt64LittleEndian(data[(i + 24)..]));
            }

            h = ulong.RotateLeft(v1, 1) + ulong.RotateLeft(v2, 7) + ulong.RotateLeft(v3, 12) + ulong.RotateLeft(v4, 18);
            h = Merge(Merge(Merge(Merge(h, v1), v2), v3), v4);
        }
        else
        {
            h = P5;
        }

        h += (ulong)length;
        for (; i + 8 <= length; i += 8)
        {
            h ^= Round(0, BinaryPrimitives.ReadUInt64LittleEndian(data[i..]));
            h = (ulong.RotateLeft(h, 27) * P1) + P4;
        }

        for (; i + 4 <= length; i += 4)
        {
            h ^= BinaryPrimitives.ReadUInt32LittleEndian(data[i..]) * P1;
            h = (ulong.RotateLeft(h, 23) * P2) + P3;
        }

        for (; i < length; i++)
        {
            h ^= data[i] * P5;
            h = ulong.RotateLeft(h, 11) * P1;
        }

        h ^= h >> 33;
        h *= P2;
        h ^= h >> 29;
        h *= P3;
        h ^= h >> 32;
        return h;
    }

    private static ulong Round(ulong accumulator, ulong input) => ulong.RotateLeft(accumulator + (input * P2), 31) * P1;

    private static ulong Merge(ulong accumulator, ulong value) => ((accumulator ^ Round(0, value)) * P1) + P4;
}
