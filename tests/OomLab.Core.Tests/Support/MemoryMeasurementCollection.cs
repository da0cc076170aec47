namespace OomLab.Tests.Support;

/// <summary>Tests that measure this process's own memory run alone, so that no other test's allocations count.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
    public const string Name = "MemoryMeasurement";
}
