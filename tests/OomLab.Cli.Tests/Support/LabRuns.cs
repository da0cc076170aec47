namespace OomLab.Cli.Tests.Support;

/// <summary>Full lab runs take the machine for a couple of minutes each; they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class LabRuns
{
    public const string Name = "Full lab runs";
}
