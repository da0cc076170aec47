using System.Text.Json;

namespace OomLab.Lab.Bundle;

/// <summary>Reads <c>compression</c> as an object or, as older <c>scenario.json</c> files wrote it, a bare number of lab seconds per real second.</summary>
internal sealed class BundleCompressionConverter : NumberOrObjectConverter<BundleCompression>
{
    protected override BundleCompression FromNumber(ref Utf8JsonReader reader) => new(reader.GetDouble());
}
