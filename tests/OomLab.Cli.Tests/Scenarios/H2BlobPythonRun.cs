using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Scenarios;

/// <summary>One run of <c>oomlab lab --scenario h2-blob --runtime python</c>, shared by the tests of its class.</summary>
public sealed class H2BlobPythonRun() : ScenarioRun("h2-blob", "--runtime", "python");
