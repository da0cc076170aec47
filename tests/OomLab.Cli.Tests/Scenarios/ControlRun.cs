using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests.Scenarios;

/// <summary>
/// One run of <c>oomlab lab --scenario control --scale small</c>, shared by the tests of its class: small is the
/// scenarios' scale, so naming it is accepted (only another scale is refused).
/// </summary>
public sealed class ControlRun() : ScenarioRun("control", "--scale", "small");
