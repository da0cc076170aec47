using System.Text.Json.Serialization;

namespace OomLab.Workers.Rpc;

[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(string))]
internal sealed partial class RpcJsonContext : JsonSerializerContext;
