namespace OomLab.Tests.Support;

/// <summary>Tests that capture the process-wide <c>SelfLog</c> run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SelfLogCollection
{
    public const string Name = "SelfLog";
}
