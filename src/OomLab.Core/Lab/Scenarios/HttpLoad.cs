using OomLab.Configuration;

namespace OomLab.Lab.Scenarios;

/// <summary>A burst of HTTP POST requests to the HTTP-triggered function: when (lab offset), how many, how big, how fast.</summary>
/// <param name="Phase">The phase it belongs to.</param>
/// <param name="Start">When it starts, as an offset from T0 on the lab clock.</param>
/// <param name="Count">How many requests.</param>
/// <param name="Sizes">Each body's size, drawn deterministically from the seed.</param>
/// <param name="Rate">Requests started per real second.</param>
internal sealed record HttpLoad(LabPhase Phase, TimeSpan Start, int Count, ByteSizeRange Sizes, double Rate);
