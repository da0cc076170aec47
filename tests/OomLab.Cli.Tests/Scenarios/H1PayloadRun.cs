using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Scenarios;

/// <summary>One run of <c>oomlab lab --scenario h1-payload</c>, shared by the tests of its class.</summary>
public sealed class H1PayloadRun() : ScenarioRun("h1-payload");
