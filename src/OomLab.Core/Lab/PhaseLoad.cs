using OomLab.Configuration;

namespace OomLab.Lab;

/// <summary>A burst of blobs the lab writes into <c>input/</c>: when (lab offset), how many, how big, how fast.</summary>
/// <param name="Phase">The phase it belongs to.</param>
/// <param name="Start">When it starts, as an offset from T0 on the lab clock.</param>
/// <param name="Count">How many blobs.</param>
/// <param name="Sizes">Each blob's size, drawn uniformly and deterministically from the seed.</param>
/// <param name="Rate">Blobs per real second.</param>
internal sealed record PhaseLoad(LabPhase Phase, TimeSpan Start, int Count, ByteSizeRange Sizes, double Rate);
