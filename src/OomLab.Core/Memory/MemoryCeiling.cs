namespace OomLab.Memory;

/// <summary>The most memory an instance's workers may hold together (sum of Private Bytes) before the largest is killed.</summary>
/// <param name="Bytes">The ceiling in bytes; positive.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="Description">For people: <c>EP1 (3584 MiB)</c>, <c>custom 224 MiB</c>, <c>cgroup limit 512 MiB (asked for EP1 (3584 MiB))</c>.</param>
internal readonly record struct MemoryCeiling(long Bytes, CeilingSource Source, string Description)
{
    public static MemoryCeiling FromPlan(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(plan.Bytes, CeilingSource.Plan, plan.ToString());
    }

    public static MemoryCeiling Custom(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        return new(bytes, CeilingSource.Custom, $"custom {MemoryText.Format(bytes)}");
    }

    /// <summary>
    /// Lowers the ceiling to the cgroup limit when that limit is lower, because the kernel would kill
    /// the whole instance (host included) before oomlab's ceiling is ever reached.
    /// </summary>
    public MemoryCeiling Within(long? cgroupLimitBytes) =>
        cgroupLimitBytes is { } limit && limit < Bytes
            ? new(limit, CeilingSource.Cgroup, $"cgroup limit {MemoryText.Format(limit)} (asked for {Description})")
            : this;

    public override string ToString() => Description;
}
