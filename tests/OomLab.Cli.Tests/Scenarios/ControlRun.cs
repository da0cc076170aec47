using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Scenarios;

/// <summary>One run of <c>oomlab lab --scenario control</c>, shared by the tests of its class.</summary>
public sealed class ControlRun() : ScenarioRun("control");
