using OomLab.Memory;

namespace OomLab.Tests.Memory;

public sealed class MemoryCeilingTests
{
    private const long MiB = 1024 * 1024;

    [Theory]
    [InlineData("Consumption", 1536)]
    [InlineData("ep1", 3584)]
    [InlineData("EP2", 7168)]
    [InlineData("EP3", 14336)]
    [InlineData("Flex2048", 2048)]
    [InlineData("flex-4096", 4096)]
    [InlineData("Flex 2048", 2048)]
    public void Plan_presets_have_the_plan_table_sizes(string name, long mebibytes)
    {
        Plan.TryParse(name, out var plan).ShouldBeTrue();
        plan!.Bytes.ShouldBe(mebibytes * MiB);
    }

    [Theory]
    [InlineData("EP4")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_plan_names_do_not_parse(string? name)
    {
        Plan.TryParse(name, out var plan).ShouldBeFalse();
        plan.ShouldBeNull();
    }

    [Fact]
    public void A_lower_cgroup_limit_wins_and_says_so()
    {
        var ceiling = MemoryCeiling.FromPlan(Plan.EP1).Within(512 * MiB);

        ceiling.Bytes.ShouldBe(512 * MiB);
        ceiling.Source.ShouldBe(CeilingSource.Cgroup);
        ceiling.Description.ShouldBe("cgroup limit 512 MiB (asked for EP1 (3584 MiB))");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(4096L * 1024 * 1024)]
    public void No_or_a_higher_cgroup_limit_keeps_the_ceiling(long? cgroup)
    {
        var ceiling = MemoryCeiling.Custom(224 * MiB);

        ceiling.Within(cgroup).ShouldBe(ceiling);
        ceiling.Description.ShouldBe("custom 224 MiB");
    }
}
