using System.Globalization;

namespace OomLab.Lab;

/// <summary>Builds a deployment's app settings: the worker runtime, batch and concurrency, and the function's own.</summary>
internal static class DeploymentSettings
{
    public static IReadOnlyDictionary<string, string> Of(int batchSize, int maxConcurrent, params (string Key, long Value)[] extra)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
            ["BLOB_BATCH_SIZE"] = batchSize.ToString(CultureInfo.InvariantCulture),
            ["MAX_CONCURRENT_INVOCATIONS"] = maxConcurrent.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value.ToString(CultureInfo.InvariantCulture);
        }

        return settings;
    }
}
