using OomLab.Memory;
using OomLab.Workers;

namespace OomLab.Tests.Support;

/// <summary>Builds worker pools over the real executable, with short restart delays for tests.</summary>
internal static class Pools
{
    public static WorkerPoolOptions Options(string function, MemoryCeiling ceiling, string? functionsAssembly = null)
    {
        var (command, prefix) = OomLabExecutable.Command;
        return new WorkerPoolOptions(command, prefix, functionsAssembly ?? OomLabExecutable.SampleFunctions, function, ceiling)
        {
            RestartBackoffInitial = TimeSpan.FromMilliseconds(50),
            RestartBackoffMax = TimeSpan.FromMilliseconds(200),
            SamplingInterval = TimeSpan.FromMilliseconds(20),
        };
    }

    public static InvocationRequest Request(TempDirectory dir, string inputPath, string? id = null)
    {
        var invocationId = id ?? Guid.NewGuid().ToString("N");
        var output = dir.Combine("staging", invocationId);
        Directory.CreateDirectory(output);
        return new InvocationRequest(invocationId, Path.GetFileName(inputPath), inputPath, new FileInfo(inputPath).Length, output, "input");
    }
}
