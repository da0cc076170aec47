using System.Globalization;
using System.Text;
using OomLab.Blobs;

namespace OomLab.Cli;

/// <summary>The demo's input: a few dozen text blobs from 64 KiB to 4 MiB, written as a finished file each.</summary>
internal static class DemoLoad
{
    public const int Count = 40;

    public static async Task WriteAsync(RootLayout layout, CancellationToken cancellationToken)
    {
        var input = new BlobContainer(layout, ContainerName.Create("input"));
        var random = new Random(42);
        for (var i = 0; i < Count; i++)
        {
            var size = 64 * 1024 << random.Next(0, 7);
            var name = BlobName.Create(string.Create(CultureInfo.InvariantCulture, $"demo/blob-{i:D3}.csv"));
            if (input.TryGetVersion(name) is not null)
            {
                continue;
            }

            await input.WriteDurableAsync(name, Content(i, size), cancellationToken);
        }
    }

    private static byte[] Content(int blob, int size)
    {
        var bytes = new byte[size];
        var line = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{blob},2026-04-05T01:30:00Z,sensor-{blob % 7},reading,{blob * 31 % 997}\n"));
        for (var offset = 0; offset < size; offset += line.Length)
        {
            line.AsSpan(0, Math.Min(line.Length, size - offset)).CopyTo(bytes.AsSpan(offset));
        }

        return bytes;
    }
}
