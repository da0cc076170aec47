using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Commands;

/// <summary><c>oomlab azurite</c>: the real emulator (tools/azurite) on free loopback ports, its connection string on stdout, gone after Ctrl-C.</summary>
public sealed class AzuriteCommandTests
{
    [Fact]
    public async Task Azurite_starts_prints_a_connection_string_that_answers_and_stops_on_ctrl_c()
    {
        using var location = new TempDirectory();
        using var azurite = OomLabCli.Start(["azurite", "--location", location.Path]);
        azurite.StandardInput.Close();
        var stderr = azurite.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var connection = await azurite.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException(await stderr);
        var parts = connection.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        parts["AccountName"].ShouldBe("devstoreaccount1");
        var blob = new Uri(parts["BlobEndpoint"]);
        blob.Host.ShouldBe("127.0.0.1");

        // The blob service answers (an unauthenticated list is refused by the service itself, with its own error code).
        using (var http = new HttpClient())
        using (var answer = await http.GetAsync(new Uri(blob, "?comp=list"), timeout.Token))
        {
            answer.Headers.Contains("x-ms-request-id").ShouldBeTrue(answer.ToString());
        }

        using (var interrupt = Process.Start("kill", ["-INT", azurite.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync(timeout.Token);
        }

        await azurite.WaitForExitAsync(timeout.Token);
        azurite.ExitCode.ShouldBe(130, await stderr);
        (await stderr).ShouldNotContain("   at ");
        using var probe = new TcpClient();
        await Should.ThrowAsync<SocketException>(async () => await probe.ConnectAsync(blob.Host, blob.Port, timeout.Token));
    }
}
