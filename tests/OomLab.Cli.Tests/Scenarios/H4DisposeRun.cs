using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Scenarios;

/// <summary>One run of <c>oomlab lab --scenario h4-dispose</c>, shared by the tests of its class.</summary>
public sealed class H4DisposeRun() : ScenarioRun("h4-dispose");
