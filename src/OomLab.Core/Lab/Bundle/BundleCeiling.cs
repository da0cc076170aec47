namespace OomLab.Lab.Bundle;

/// <summary>The seed lab's <c>ceiling</c>: bytes and how it was chosen, e.g. <c>EP1/16 (224 MiB)</c>.</summary>
internal sealed record BundleCeiling(long? Bytes, string? Description);
