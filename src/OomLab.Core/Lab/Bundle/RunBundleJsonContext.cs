using System.Text.Json.Serialization;

namespace OomLab.Lab.Bundle;

/// <summary>
/// The source-generated serializer of <see cref="RunBundle"/>: camelCase, indented, absent values left out; numbers
/// may be read from strings (as hand-edited files hold them).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(RunBundle))]
[JsonSerializable(typeof(BundleCeiling))]
[JsonSerializable(typeof(BundleCompression))]
internal sealed partial class RunBundleJsonContext : JsonSerializerContext;
