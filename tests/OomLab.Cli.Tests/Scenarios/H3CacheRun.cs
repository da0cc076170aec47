using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Scenarios;

/// <summary>One run of <c>oomlab lab --scenario h3-cache</c>, shared by the tests of its class.</summary>
public sealed class H3CacheRun() : ScenarioRun("h3-cache");
