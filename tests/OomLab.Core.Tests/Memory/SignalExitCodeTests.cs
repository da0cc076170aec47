using System.Diagnostics;
using OomLab.Memory;

namespace OomLab.Tests.Memory;

public sealed class SignalExitCodeTests
{
    [Fact]
    public async Task A_child_killed_with_SIGKILL_is_observed_as_exit_137()
    {
        using var child = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;

        child.Kill();
        await child.WaitForExitAsync();

        ExitStatus.From(child.ExitCode, killedByHost: false).ShouldBe(new ExitStatus(137, 9));
    }
}
