using OomLab.Memory;
using OomLab.Tests.Support;

namespace OomLab.Tests.Memory;

public sealed class CgroupMemoryLimitTests
{
    [Theory]
    [InlineData("max\n", null)]
    [InlineData("", null)]
    [InlineData("234881024\n", 234881024L)]
    [InlineData("9223372036854771712\n", null)]
    [InlineData("not a number", null)]
    [InlineData("-1", null)]
    public void Parse_reads_a_limit_and_treats_max_or_huge_values_as_none(string text, long? expected)
    {
        CgroupMemoryLimit.Parse(text).ShouldBe(expected);
    }

    [Fact]
    public void Read_prefers_cgroup_v2_memory_max()
    {
        using var root = new TempDirectory();
        File.WriteAllText(root.Combine("memory.max"), "536870912\n");

        CgroupMemoryLimit.Read(root.Path).ShouldBe(536870912L);
    }

    [Fact]
    public void Read_falls_back_to_cgroup_v1_limit_in_bytes()
    {
        using var root = new TempDirectory();
        Directory.CreateDirectory(root.Combine("memory"));
        File.WriteAllText(root.Combine("memory", "memory.limit_in_bytes"), "268435456\n");

        CgroupMemoryLimit.Read(root.Path).ShouldBe(268435456L);
    }

    [Fact]
    public void Read_without_any_cgroup_file_means_no_limit()
    {
        using var root = new TempDirectory();

        CgroupMemoryLimit.Read(root.Path).ShouldBeNull();
    }
}
