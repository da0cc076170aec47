using System.Text;
using OomLab.Memory;

namespace OomLab.Tests.Memory;

public sealed class ProcessMemorySamplerTests
{
    private const string Status = "Name:\tdotnet\nVmRSS:\t   81236 kB\nRssAnon:\t   40960 kB\nRssFile:\t   40276 kB\n";

    [Theory]
    [InlineData("RssAnon:", 40960L * 1024)]
    [InlineData("VmRSS:", 81236L * 1024)]
    public void Parses_kilobyte_fields_of_proc_status(string key, long expected)
    {
        ProcessMemorySampler.TryParseKilobytes(Encoding.ASCII.GetBytes(Status), Encoding.ASCII.GetBytes(key), out var bytes).ShouldBeTrue();
        bytes.ShouldBe(expected);
    }

    [Fact]
    public void A_missing_field_is_not_a_reading()
    {
        ProcessMemorySampler.TryParseKilobytes(Encoding.ASCII.GetBytes(Status), "VmSwap:"u8, out _).ShouldBeFalse();
    }

    [Fact]
    public void Samples_a_live_process_and_sees_its_memory_grow()
    {
        var sampler = new ProcessMemorySampler(Environment.ProcessId);
        sampler.TrySample(out var before, out var workingSet).ShouldBeTrue();
        workingSet.ShouldBeGreaterThanOrEqualTo(before);

        var ballast = GC.AllocateArray<byte>(64 * 1024 * 1024, pinned: true);
        Array.Fill(ballast, (byte)1);
        sampler.TrySample(out var after, out _).ShouldBeTrue();
        GC.KeepAlive(ballast);

        after.ShouldBeGreaterThan(before + (32 * 1024 * 1024));
    }

    [Fact]
    public void A_process_that_is_gone_gives_no_reading()
    {
        new ProcessMemorySampler(int.MaxValue).TrySample(out _, out _).ShouldBeFalse();
    }
}
