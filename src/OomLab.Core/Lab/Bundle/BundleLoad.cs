namespace OomLab.Lab.Bundle;

/// <summary>One burst of the seed lab's blob load.</summary>
internal sealed record BundleLoad(string Phase, DateTime Start, int Count, string Sizes, double BlobsPerRealSecond);
