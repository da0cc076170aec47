using OomLab.Blobs;
using OomLab.Configuration;

namespace OomLab.Cli;

/// <summary>The demo's input: a few dozen text blobs from 64 KiB to 4 MiB, written by the load generator.</summary>
internal static class DemoLoad
{
    public const int Count = 40;

    public static Task<LoadResult> WriteAsync(RootLayout layout, CancellationToken cancellationToken)
    {
        var input = new BlobContainer(layout, ContainerName.Create("input"));
        var sizes = new ByteSizeRange(ByteSize.FromKiB(64), ByteSize.FromMiB(4));
        return new LoadGenerator().RunAsync(input, new LoadPlan(Count, sizes, seed: 42, prefix: "demo/"), cancellationToken);
    }
}
