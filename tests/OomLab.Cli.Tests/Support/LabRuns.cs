namespace OomLab.Cli.Tests.Support;

/// <summary>
/// Full lab runs take the machine for a couple of minutes each: they run one at a time and alone, after the
/// other tests of the assembly, so that a busy machine does not reshape the memory profile under test. The seed
/// lab runs once for the whole collection (<see cref="SeedLabRun"/>) and every test that reads its bundle shares it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LabRuns : ICollectionFixture<SeedLabRun>
{
    public const string Name = "Full lab runs";
}
