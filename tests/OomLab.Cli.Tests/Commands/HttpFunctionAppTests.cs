using System.Diagnostics;
using System.Security.Cryptography;
using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Commands;

/// <summary>
/// <c>oomlab host --app</c> with an HTTP-triggered function of a user's app (the .NET isolated test app and the Python v2
/// one): served on loopback at its route, each request one invocation in the app's own worker, answered with the status
/// code and body the function gave.
/// </summary>
public sealed class HttpFunctionAppTests
{
    [Theory]
    [InlineData("dotnet", "HashUpload", "/api/HashUpload")]
    [InlineData("python", "hash_upload", "/api/hash")]
    public async Task An_HTTP_triggered_function_is_served_at_its_route_with_its_own_status_codes_and_bodies(string runtime, string function, string route)
    {
        using var root = new AppRoot(path => runtime == "python" ? PythonApp.Copy(Path.Combine(path, "app")) : IsolatedApp.Directory);
        using var process = OomLabCli.Start(
            ["host", "--root", root.Path, "--app", root.App, "--function", function, "--port", "0", "--plan", "EP1", "--until-idle", "3s"]);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var url = await ServedUrl(process);
        new Uri(url).AbsolutePath.ShouldBe(route);

        using var http = new HttpClient();
        var body = new byte[300_000];
        new Random(7).NextBytes(body);
        var answers = new List<(int Status, string Body)>();
        foreach (var content in new[] { body, body[..1000], [] })
        {
            using var response = await http.PostAsync(url + "?client=tests", new ByteArrayContent(content));
            answers.Add(((int)response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        using var exit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(exit.Token);
        var stderr = await process.StandardError.ReadToEndAsync();
        process.ExitCode.ShouldBe(0, stderr);
        answers[0].ShouldBe((200, Convert.ToHexStringLower(SHA256.HashData(body))));
        answers[1].ShouldBe((200, Convert.ToHexStringLower(SHA256.HashData(body.AsSpan(0, 1000)))));
        answers[2].ShouldBe((400, "empty upload"));
        (await stdout).ShouldContain("this run: 3 requests, 3 succeeded, 0 failed, 0 lost with their worker");
        using var telemetry = new TelemetryDb(root.TelemetryDb);
        telemetry.Count($"SELECT count(*) FROM requests WHERE success = 1 AND name = '{function}'").ShouldBe(3);
        telemetry.Count("SELECT count(*) FROM dependencies WHERE type = 'Azure blob'").ShouldBe(0);
        telemetry.Strings("SELECT message FROM traces").ShouldContain("Hashing an upload of 300000 bytes for tests");
    }

    /// <summary>The URL the host prints once its workers are ready and it listens.</summary>
    private static async Task<string> ServedUrl(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Trim().StartsWith("serving ", StringComparison.Ordinal))
            {
                return line.Trim()["serving ".Length..];
            }
        }

        throw new InvalidOperationException("oomlab host ended without serving");
    }
}
