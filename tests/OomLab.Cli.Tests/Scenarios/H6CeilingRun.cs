using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Scenarios;

/// <summary>One run of <c>oomlab lab --scenario h6-ceiling</c>, shared by the tests of its class.</summary>
public sealed class H6CeilingRun() : ScenarioRun("h6-ceiling");
