using System.Text.Json;

namespace OomLab.Lab.Bundle;

/// <summary>Reads <c>ceiling</c> as an object {bytes, description} or a bare number of bytes.</summary>
internal sealed class BundleCeilingConverter : NumberOrObjectConverter<BundleCeiling>
{
    protected override BundleCeiling FromNumber(ref Utf8JsonReader reader) => new(reader.GetInt64(), null);
}
