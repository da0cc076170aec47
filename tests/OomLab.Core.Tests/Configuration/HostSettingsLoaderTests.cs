using OomLab.Configuration;
using OomLab.Tests.Support;

namespace OomLab.Tests.Configuration;

public sealed class HostSettingsLoaderTests : IDisposable
{
    private const string RealShape = """
        {
          "version": "2.0",
          "extensions": {
            "queues": { "batchSize": 8, "newBatchThreshold": 2, "maxDequeueCount": 3, "visibilityTimeout": "00:00:10" }
          },
          "logging": { "logLevel": { "default": "Information" } }
        }
        """;

    private static readonly Dictionary<string, string?> None = [];
    private readonly TempDirectory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public void Without_host_json_or_settings_the_defaults_are_Azure_s()
    {
        var settings = HostSettingsLoader.LoadFromAppDirectory(app.Path, None);

        settings.BatchSize.ShouldBe(16);
        settings.NewBatchThreshold.ShouldBe(8);
        settings.MaxDequeueCount.ShouldBe(5);
        settings.VisibilityTimeout.ShouldBe(TimeSpan.Zero);
        settings.MaxConcurrentInvocations.ShouldBe(24);
        settings.WorkerProcessCount.ShouldBe(1);
        settings.PayloadGuardMaxBytes.ShouldBeNull();
    }

    [Fact]
    public void Host_json_in_its_real_shape_is_read()
    {
        app.Write("host.json", RealShape);

        var settings = HostSettingsLoader.LoadFromAppDirectory(app.Path, None);

        settings.BatchSize.ShouldBe(8);
        settings.NewBatchThreshold.ShouldBe(2);
        settings.MaxDequeueCount.ShouldBe(3);
        settings.VisibilityTimeout.ShouldBe(TimeSpan.FromSeconds(10));
        settings.MaxConcurrentInvocations.ShouldBe(10);
    }

    [Fact]
    public void New_batch_threshold_defaults_to_half_the_effective_batch_size()
    {
        var settings = HostSettingsLoader.LoadFromAppDirectory(app.Path, None, new Dictionary<string, string?> { ["BLOB_BATCH_SIZE"] = "4" });

        settings.BatchSize.ShouldBe(4);
        settings.NewBatchThreshold.ShouldBe(2);
        settings.MaxConcurrentInvocations.ShouldBe(6);
    }

    [Theory]
    [InlineData("AzureFunctionsJobHost__extensions__queues__batchSize", "2", 2, 2)]
    [InlineData("azurefunctionsjobhost__Extensions__Queues__BatchSize", "3", 3, 2)]
    [InlineData("AzureFunctionsJobHost__extensions__queues__newBatchThreshold", "0", 8, 0)]
    [InlineData("BLOB_BATCH_SIZE", "1", 1, 2)]
    public void Overrides_win_over_host_json(string key, string value, int batchSize, int threshold)
    {
        app.Write("host.json", RealShape);

        var settings = HostSettingsLoader.LoadFromAppDirectory(app.Path, new Dictionary<string, string?> { [key] = value });

        settings.BatchSize.ShouldBe(batchSize);
        settings.NewBatchThreshold.ShouldBe(threshold);
    }

    [Fact]
    public void Blob_batch_size_wins_over_a_batch_size_override_and_app_settings_win_over_environment()
    {
        var environment = new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost__extensions__queues__batchSize"] = "20",
            ["BLOB_BATCH_SIZE"] = "12",
            ["FUNCTIONS_WORKER_PROCESS_COUNT"] = "2",
        };
        var appSettings = new Dictionary<string, string?> { ["BLOB_BATCH_SIZE"] = "6", ["MAX_CONCURRENT_INVOCATIONS"] = "3" };

        var settings = HostSettingsLoader.LoadFromAppDirectory(app.Path, environment, appSettings);

        settings.BatchSize.ShouldBe(6);
        settings.MaxConcurrentInvocations.ShouldBe(3);
        settings.WorkerProcessCount.ShouldBe(2);
    }

    [Fact]
    public void Payload_guard_takes_a_size()
    {
        var settings = HostSettingsLoader.LoadFromAppDirectory(app.Path, new Dictionary<string, string?> { ["PAYLOAD_GUARD_MAX_BYTES"] = "64MiB" });

        settings.PayloadGuardMaxBytes.ShouldBe(ByteSize.FromMiB(64));
    }

    public static TheoryData<string, string, string, string> BadHostJsonValues => new()
    {
        { "batchSize", "\"abc\"", "abc", SettingsMessages.WholeNumber(1, 32) },
        { "batchSize", "0", "0", SettingsMessages.WholeNumber(1, 32) },
        { "batchSize", "33", "33", SettingsMessages.WholeNumber(1, 32) },
        { "batchSize", "1.5", "1.5", SettingsMessages.WholeNumber(1, 32) },
        { "newBatchThreshold", "-1", "-1", SettingsMessages.WholeNumber(0, int.MaxValue) },
        { "maxDequeueCount", "0", "0", SettingsMessages.WholeNumber(1, int.MaxValue) },
        { "visibilityTimeout", "\"soon\"", "soon", SettingsMessages.TimeSpan },
        { "visibilityTimeout", "\"-00:00:01\"", "-00:00:01", SettingsMessages.TimeSpan },
    };

    [Theory]
    [MemberData(nameof(BadHostJsonValues))]
    public void A_bad_host_json_value_names_the_file_the_key_and_the_value(string key, string json, string value, string expectation)
    {
        var path = app.Write("host.json", $$"""{ "version": "2.0", "extensions": { "queues": { "{{key}}": {{json}} } } }""");

        var error = Should.Throw<SettingsException>(() => HostSettingsLoader.LoadFromAppDirectory(app.Path, None));

        error.Message.ShouldBe(SettingsMessages.Invalid(path, $"extensions.queues.{key}", value, expectation));
        error.Source.ShouldBe(path);
        error.Key.ShouldBe($"extensions.queues.{key}");
        error.Value.ShouldBe(value);
        error.ExitCode.ShouldBe(2);
    }

    public static TheoryData<string, string, string> BadAppSettings => new()
    {
        { "BLOB_BATCH_SIZE", "many", SettingsMessages.WholeNumber(1, 32) },
        { "BLOB_BATCH_SIZE", "64", SettingsMessages.WholeNumber(1, 32) },
        { "MAX_CONCURRENT_INVOCATIONS", "0", SettingsMessages.WholeNumber(1, int.MaxValue) },
        { "FUNCTIONS_WORKER_PROCESS_COUNT", "11", SettingsMessages.WholeNumber(1, 10) },
        { "FUNCTIONS_WORKER_PROCESS_COUNT", "0", SettingsMessages.WholeNumber(1, 10) },
        { "PAYLOAD_GUARD_MAX_BYTES", "big", SettingsMessages.Size },
        { "PAYLOAD_GUARD_MAX_BYTES", "0", SettingsMessages.Size },
        { "AzureFunctionsJobHost__extensions__queues__maxDequeueCount", "x", SettingsMessages.WholeNumber(1, int.MaxValue) },
    };

    [Theory]
    [MemberData(nameof(BadAppSettings))]
    public void A_bad_app_setting_names_the_setting_and_the_value(string key, string value, string expectation)
    {
        var error = Should.Throw<SettingsException>(() =>
            HostSettingsLoader.LoadFromAppDirectory(app.Path, None, new Dictionary<string, string?> { [key] = value }));

        error.Message.ShouldBe(SettingsMessages.Invalid("app setting", key, value, expectation));
    }

    [Fact]
    public void A_bad_environment_variable_is_named_as_one()
    {
        var error = Should.Throw<SettingsException>(() =>
            HostSettingsLoader.LoadFromAppDirectory(app.Path, new Dictionary<string, string?> { ["BLOB_BATCH_SIZE"] = "abc" }));

        error.Message.ShouldBe(SettingsMessages.Invalid("environment variable", "BLOB_BATCH_SIZE", "abc", SettingsMessages.WholeNumber(1, 32)));
    }

    [Fact]
    public void A_wrong_version_is_refused()
    {
        var path = app.Write("host.json", """{ "version": "1.0" }""");

        Should.Throw<SettingsException>(() => HostSettingsLoader.LoadFromAppDirectory(app.Path, None))
            .Message.ShouldBe(SettingsMessages.Invalid(path, "version", "1.0", SettingsMessages.Version));
    }

    [Fact]
    public void Corrupt_json_is_reported_with_file_line_and_column()
    {
        var path = app.Write("host.json", "{\n  \"version\": \"2.0\",\n  \"extensions\": { \"queues\": { \"batchSize\": 4, } \n  oops\n}");

        var error = Should.Throw<SettingsException>(() => HostSettingsLoader.LoadFromAppDirectory(app.Path, None));

        error.Message.ShouldStartWith($"{path}: line 4, column 3: not valid JSON");
    }
}
