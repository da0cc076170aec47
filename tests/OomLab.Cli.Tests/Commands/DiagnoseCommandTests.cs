using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Commands;

/// <summary><c>oomlab diagnose</c>'s bad input: exit 2, a message naming the file, line and key, no stack trace.</summary>
public sealed class DiagnoseCommandTests
{
    [Fact]
    public async Task Malformed_playbook_is_named_by_file_line_and_key()
    {
        using var directory = new TempDirectory();
        var store = await ImportedStoreAsync(directory);
        var builtIn = (await OomLabCli.RunAsync("diagnose", "--print-playbook")).Stdout;
        var broken = directory.Write("team.yaml", builtIn.Replace("when: oomExceptions > 0\n", "when: oomExceptionz > 0\n", StringComparison.Ordinal));
        var line = File.ReadAllLines(broken).ToList().FindIndex(l => l.Contains("oomExceptionz", StringComparison.Ordinal)) + 1;

        var result = await OomLabCli.RunAsync("diagnose", store, "--playbook", broken, "--plan", "EP1");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.ErrorText.ShouldContain($"team.yaml:{line}:");
        result.ErrorText.ShouldContain("decisionFlow.nodes[1].when");
        result.ErrorText.ShouldContain("oomExceptionz");
        result.Stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Imported_telemetry_without_a_ceiling_asks_for_plan_or_ceiling()
    {
        using var directory = new TempDirectory();
        var store = await ImportedStoreAsync(directory);

        var result = await OomLabCli.RunAsync("diagnose", store);

        result.ExitCode.ShouldBe(2);
        result.ErrorText.ShouldContain("--plan");
    }

    [Theory]
    [InlineData("--ceiling", "lots", "--ceiling \"lots\"")]
    [InlineData("--plan", "EP9", "--plan \"EP9\"")]
    [InlineData("--now", "soon", "--now \"soon\"")]
    public async Task Bad_option_value_is_named(string option, string value, string fragment)
    {
        using var directory = new TempDirectory();
        var store = await ImportedStoreAsync(directory);

        var result = await OomLabCli.RunAsync("diagnose", store, option, value);

        result.ExitCode.ShouldBe(2);
        result.ErrorText.ShouldContain(fragment);
    }

    [Fact]
    public async Task Json_output_of_a_non_memory_incident_says_so_and_exits_3()
    {
        using var directory = new TempDirectory();
        var store = await ImportedStoreAsync(directory);

        var result = await OomLabCli.RunAsync("diagnose", store, "--ceiling", "1.5GiB", "--format", "json");

        result.ExitCode.ShouldBe(3);
        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        json.RootElement.GetProperty("memoryIsCause").GetBoolean().ShouldBeFalse();
        json.RootElement.GetProperty("exitCode").GetInt32().ShouldBe(3);
        string.Join(" ", json.RootElement.GetProperty("path").EnumerateArray().Select(p => p.GetProperty("node").GetString())).ShouldBe("A B D F");
    }

    private static async Task<string> ImportedStoreAsync(TempDirectory directory)
    {
        var file = directory.Write("requests.json", Exports.RestRequests(20, failing: true));
        var store = directory.Combine("store");
        (await OomLabCli.RunAsync("import", file, "--out", store)).ExitCode.ShouldBe(0);
        return store;
    }
}
