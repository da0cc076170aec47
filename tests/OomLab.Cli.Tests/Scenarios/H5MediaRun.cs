using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Scenarios;

/// <summary>One run of <c>oomlab lab --scenario h5-media</c>, shared by the tests of its class.</summary>
public sealed class H5MediaRun() : ScenarioRun("h5-media");
