using System.Buffers.Binary;
using System.Text;

namespace OomLab.Telemetry;

internal static partial class ColumnFile
{
    /// <summary>Reads a column file's bytes front to back; running past the end is <see cref="InvalidDataException"/>.</summary>
    private ref struct Cursor(byte[] bytes)
    {
        private readonly ReadOnlySpan<byte> bytes = bytes;
        private int offset;

        public ReadOnlySpan<byte> Take(int length)
        {
            if (length < 0 || length > bytes.Length - offset)
            {
                throw new InvalidDataException("the column file ends early");
            }

            var taken = bytes.Slice(offset, length);
            offset += length;
            return taken;
        }

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

        /// <summary>A string as <see cref="BinaryWriter.Write(string)"/> writes it: a 7-bit encoded length, then UTF-8.</summary>
        public string String()
        {
            var length = 0;
            for (var shift = 0; ; shift += 7)
            {
                if (shift > 28)
                {
                    throw new InvalidDataException("bad string length");
                }

                var part = Take(1)[0];
                length |= (part & 0x7F) << shift;
                if ((part & 0x80) == 0)
                {
                    break;
                }
            }

            return Encoding.UTF8.GetString(Take(length));
        }
    }
}
