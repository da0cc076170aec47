using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace OomLab.Configuration;

/// <summary>
/// Builds <see cref="HostSettings"/> the way a Functions host does: host.json, overridden by
/// <c>AzureFunctionsJobHost__a__b</c> variables (environment, then app settings), then the app settings
/// <c>BLOB_BATCH_SIZE</c>, <c>MAX_CONCURRENT_INVOCATIONS</c>, <c>FUNCTIONS_WORKER_PROCESS_COUNT</c> and
/// <c>PAYLOAD_GUARD_MAX_BYTES</c>. App settings given by the caller (<c>--setting KEY=VALUE</c>) win over
/// environment variables of the same name. A bad value throws <see cref="SettingsException"/> naming
/// its source, key and value.
/// </summary>
internal static class HostSettingsLoader
{
    /// <summary>The prefix of host.json overrides in app settings and environment variables.</summary>
    public const string OverridePrefix = "AzureFunctionsJobHost__";

    public const string BlobBatchSize = "BLOB_BATCH_SIZE";
    public const string MaxConcurrentInvocations = "MAX_CONCURRENT_INVOCATIONS";
    public const string WorkerProcessCount = "FUNCTIONS_WORKER_PROCESS_COUNT";
    public const string PayloadGuardMaxBytes = "PAYLOAD_GUARD_MAX_BYTES";

    private const string EnvironmentSource = "environment variable";
    private const string AppSettingSource = "app setting";

    /// <summary>Loads settings from <c>host.json</c> in <paramref name="appDirectory"/> (if present) and the given variables.</summary>
    public static HostSettings LoadFromAppDirectory(
        string appDirectory,
        IReadOnlyDictionary<string, string?> environment,
        IReadOnlyDictionary<string, string?>? appSettings = null) =>
        Load(Path.Combine(appDirectory, "host.json"), environment, appSettings);

    /// <param name="hostJsonPath">The host.json to read; a missing file means Azure's defaults.</param>
    /// <param name="environment">Environment variables (for example from <see cref="Environment.GetEnvironmentVariables()"/>).</param>
    /// <param name="appSettings">App settings given explicitly; they override environment variables of the same name.</param>
    public static HostSettings Load(
        string? hostJsonPath,
        IReadOnlyDictionary<string, string?> environment,
        IReadOnlyDictionary<string, string?>? appSettings = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var reader = new Reader(ReadHostJson(hostJsonPath), hostJsonPath ?? "host.json", environment, appSettings ?? new Dictionary<string, string?>());

        reader.CheckVersion();
        var batchSize = reader.Int("extensions:queues:batchSize", 1, HostSettings.MaxBatchSize);
        batchSize = reader.AppInt(BlobBatchSize, 1, HostSettings.MaxBatchSize) ?? batchSize;
        var threshold = reader.Int("extensions:queues:newBatchThreshold", 0, int.MaxValue);
        var maxDequeue = reader.Int("extensions:queues:maxDequeueCount", 1, int.MaxValue);
        var visibility = reader.Time("extensions:queues:visibilityTimeout");
        var concurrency = reader.AppInt(MaxConcurrentInvocations, 1, int.MaxValue);
        var workers = reader.AppInt(WorkerProcessCount, 1, HostSettings.MaxWorkerProcessCount);
        var guard = reader.AppSize(PayloadGuardMaxBytes);
        var functionTimeout = reader.Timeout("functionTimeout");

        return new HostSettings(
            batchSize ?? 16,
            threshold,
            maxDequeue ?? 5,
            visibility ?? TimeSpan.Zero,
            concurrency,
            workers ?? 1,
            guard,
            functionTimeout);
    }

    private static IConfiguration ReadHostJson(string? path)
    {
        var builder = new ConfigurationBuilder();
        if (path is null || !File.Exists(path))
        {
            return builder.Build();
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SettingsException(path, string.Empty, null, SettingsMessages.Unreadable(path, ex.Message), ex);
        }

        try
        {
            return builder.AddJsonStream(new MemoryStream(bytes)).Build();
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or JsonException)
        {
            var json = FindJsonException(ex);
            var line = (json?.LineNumber ?? 0) + 1;
            var column = (json?.BytePositionInLine ?? 0) + 1;
            var detail = FirstSentence(json?.Message ?? ex.Message);
            throw new SettingsException(path, string.Empty, null, SettingsMessages.CorruptJson(path, line, column, detail), ex);
        }
    }

    private static JsonException? FindJsonException(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (end < 0)
        {
            end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        return (end < 0 ? message : message[..end]).TrimEnd('.', ' ');
    }

    /// <summary>Finds each value and remembers where it came from, for the error message.</summary>
    private sealed class Reader(
        IConfiguration hostJson,
        string hostJsonPath,
        IReadOnlyDictionary<string, string?> environment,
        IReadOnlyDictionary<string, string?> appSettings)
    {
        public void CheckVersion()
        {
            var version = hostJson["version"];
            if (version is not null && version != "2.0")
            {
                throw Invalid(hostJsonPath, "version", version, SettingsMessages.Version);
            }
        }

        public int? Int(string configKey, int min, int max)
        {
            var found = Find(configKey);
            return found is null ? null : ParseInt(found, min, max);
        }

        public TimeSpan? Time(string configKey)
        {
            if (Find(configKey) is not { } found)
            {
                return null;
            }

            return TimeSpan.TryParse(found.Value, CultureInfo.InvariantCulture, out var value) && value >= TimeSpan.Zero
                ? value
                : throw Invalid(found.Source, found.Key, found.Value, SettingsMessages.TimeSpan);
        }

        /// <summary>A <c>functionTimeout</c>-style value: a positive time span, or <c>-1</c> for none.</summary>
        public TimeSpan? Timeout(string configKey)
        {
            if (Find(configKey) is not { } found)
            {
                return null;
            }

            if (found.Value.Trim() == "-1")
            {
                return System.Threading.Timeout.InfiniteTimeSpan;
            }

            return TimeSpan.TryParse(found.Value, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero
                ? value
                : throw Invalid(found.Source, found.Key, found.Value, SettingsMessages.Timeout);
        }

        public int? AppInt(string name, int min, int max)
        {
            var found = FindApp(name);
            return found is null ? null : ParseInt(found, min, max);
        }

        public ByteSize? AppSize(string name)
        {
            if (FindApp(name) is not { } found)
            {
                return null;
            }

            return ByteSize.TryParse(found.Value, out var size) && size.Bytes > 0
                ? size
                : throw Invalid(found.Source, found.Key, found.Value, SettingsMessages.Size);
        }

        private static int ParseInt(Found found, int min, int max) =>
            int.TryParse(found.Value, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max
                ? value
                : throw Invalid(found.Source, found.Key, found.Value, SettingsMessages.WholeNumber(min, max));

        private static SettingsException Invalid(string source, string key, string? value, string expectation) =>
            new(source, key, value, SettingsMessages.Invalid(source, key, value, expectation));

        private Found? Find(string configKey)
        {
            var overrideName = OverridePrefix + configKey.Replace(":", "__", StringComparison.Ordinal);
            if (FindOverride(appSettings, overrideName) is { } fromApp)
            {
                return new Found(AppSettingSource, fromApp.Key, fromApp.Value);
            }

            if (FindOverride(environment, overrideName) is { } fromEnvironment)
            {
                return new Found(EnvironmentSource, fromEnvironment.Key, fromEnvironment.Value);
            }

            var value = hostJson[configKey];
            return value is null ? null : new Found(hostJsonPath, configKey.Replace(':', '.'), value);
        }

        private Found? FindApp(string name)
        {
            if (appSettings.TryGetValue(name, out var fromApp) && !string.IsNullOrEmpty(fromApp))
            {
                return new Found(AppSettingSource, name, fromApp);
            }

            return environment.TryGetValue(name, out var fromEnvironment) && !string.IsNullOrEmpty(fromEnvironment)
                ? new Found(EnvironmentSource, name, fromEnvironment)
                : null;
        }

        // Functions configuration keys are case-insensitive; environment variable names on Linux are not.
        private static KeyValuePair<string, string>? FindOverride(IReadOnlyDictionary<string, string?> source, string name)
        {
            foreach (var pair in source)
            {
                if (pair.Value is not null && string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return new KeyValuePair<string, string>(pair.Key, pair.Value);
                }
            }

            return null;
        }
    }

    private sealed record Found(string Source, string Key, string Value);
}
