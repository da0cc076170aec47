using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Scenarios;

/// <summary>One run of <c>oomlab lab --scenario h2-blob</c>, shared by the tests of its class.</summary>
public sealed class H2BlobRun() : ScenarioRun("h2-blob");
