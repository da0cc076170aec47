using System.Diagnostics;
using Microsoft.Data.Sqlite;
using OomLab.Queue;
using OomLab.Tests.Support;

namespace OomLab.Tests.Queue;

/// <summary>A real child process holds the queue and is killed with SIGKILL; the queue must reopen intact.</summary>
public sealed class QueueCrashTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Killed_mid_transaction_keeps_every_commit_and_nothing_of_the_open_transaction()
    {
        var path = directory.Combine("queue.db");

        await RunChildUntilAsync(path, "mid-transaction", line => line == "IN-TRANSACTION");

        using var queue = BlobQueue.Open(path);
        queue.RecoveredLeases.ShouldBe(10);
        var status = queue.GetStatus();
        (status.Queued, status.Leased, status.Total).ShouldBe((100L, 0L, 100L));
        IntegrityCheck(path).ShouldBe("ok");
    }

    [Fact]
    public async Task Killed_while_committing_in_a_loop_keeps_every_reported_commit()
    {
        var path = directory.Combine("queue.db");
        var lastCommitted = -1;

        await RunChildUntilAsync(path, "committed-loop", line =>
        {
            if (line.StartsWith("COMMITTED ", StringComparison.Ordinal))
            {
                lastCommitted = int.Parse(line["COMMITTED ".Length..], System.Globalization.CultureInfo.InvariantCulture);
            }

            return lastCommitted >= 20;
        });

        using var queue = BlobQueue.Open(path);
        var status = queue.GetStatus();
        status.Total.ShouldBeGreaterThanOrEqualTo(100 + ((lastCommitted + 1) * 50));
        (status.Total % 50).ShouldBe(0);
        IntegrityCheck(path).ShouldBe("ok");
    }

    private static async Task RunChildUntilAsync(string path, string mode, Func<string, bool> killWhen)
    {
        var child = Path.Combine(AppContext.BaseDirectory, "OomLab.Core.Tests.CrashChild.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "exec", child, path, mode })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (killWhen(line))
                {
                    break;
                }
            }
        }
        finally
        {
            // Process.Kill sends SIGKILL on Unix: no finalizers, no dispose, no SQLite close.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        process.ExitCode.ShouldNotBe(0, await process.StandardError.ReadToEndAsync(CancellationToken.None));
    }

    private static string IntegrityCheck(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string)command.ExecuteScalar()!;
    }
}
