using System.Text.Json;

namespace OomLab.Workers.Protocol;

/// <summary>
/// Hand-written JSON for the messages every invocation sends (invoke, log, dependency, completed), in exactly the shape
/// the serializer gives them (camelCase, <c>type</c> first). The serializer's polymorphic path resolved the type's
/// metadata and went through its generic converters for each of the four or five messages per blob, several times the
/// work of writing or reading the few fields directly. Other messages, and anything this reader does not recognize,
/// go through <see cref="WorkerJsonContext"/> as before.
/// </summary>
internal static class ProtocolCodec
{
    /// <summary>Writes <paramref name="message"/> when it is one of the per-invocation messages; false otherwise.</summary>
    public static bool TryWrite(Utf8JsonWriter writer, object message)
    {
        switch (message)
        {
            case InvokeMessage invoke:
                writer.WriteStartObject();
                writer.WriteString("type"u8, "invoke"u8);
                writer.WriteString("invocationId"u8, invoke.InvocationId);
                writer.WriteString("blobName"u8, invoke.BlobName);
                writer.WriteString("inputPath"u8, invoke.InputPath);
                writer.WriteNumber("length"u8, invoke.Length);
                writer.WriteString("outputDir"u8, invoke.OutputDir);
                writer.WriteString("container"u8, invoke.Container);
                writer.WriteBoolean("trackBlobRead"u8, invoke.TrackBlobRead);
                writer.WriteEndObject();
                return true;
            case LogMessage log:
                writer.WriteStartObject();
                writer.WriteString("type"u8, "log"u8);
                writer.WriteString("invocationId"u8, log.InvocationId);
                writer.WriteNumber("level"u8, log.Level);
                writer.WriteString("message"u8, log.Message);
                writer.WriteEndObject();
                return true;
            case DependencyMessage dependency:
                writer.WriteStartObject();
                writer.WriteString("type"u8, "dependency"u8);
                writer.WriteString("invocationId"u8, dependency.InvocationId);
                writer.WriteString("dependencyType"u8, dependency.DependencyType);
                writer.WriteString("target"u8, dependency.Target);
                writer.WriteString("name"u8, dependency.Name);
                writer.WriteNumber("durationTicks"u8, dependency.DurationTicks);
                writer.WriteBoolean("success"u8, dependency.Success);
                writer.WriteString("resultCode"u8, dependency.ResultCode);
                if (dependency.Properties is null)
                {
                    writer.WriteNull("properties"u8);
                }
                else
                {
                    writer.WriteStartObject("properties"u8);
                    foreach (var (key, value) in dependency.Properties)
                    {
                        writer.WriteString(key, value);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
                return true;
            case CompletedMessage completed:
                writer.WriteStartObject();
                writer.WriteString("type"u8, "completed"u8);
                writer.WriteString("invocationId"u8, completed.InvocationId);
                writer.WriteNumber("durationTicks"u8, completed.DurationTicks);
                writer.WriteStartArray("outputs"u8);
                foreach (var output in completed.Outputs)
                {
                    writer.WriteStringValue(output);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Reads one line as a per-invocation message of <typeparamref name="T"/>; null when it is another message (or one
    /// with fields this reader does not know), for the serializer to read.
    /// </summary>
    /// <exception cref="JsonException">The line is not JSON.</exception>
    public static T? TryRead<T>(ReadOnlySpan<byte> line)
        where T : class
    {
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject
            || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("type"u8)
            || !reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return null;
        }

        object? message = typeof(T) == typeof(HostMessage)
            ? reader.ValueTextEquals("invoke"u8) ? ReadInvoke(ref reader) : null
            : typeof(T) == typeof(WorkerMessage)
                ? reader.ValueTextEquals("log"u8) ? ReadLog(ref reader)
                    : reader.ValueTextEquals("dependency"u8) ? ReadDependency(ref reader)
                    : reader.ValueTextEquals("completed"u8) ? ReadCompleted(ref reader)
                    : null
                : null;
        return message as T;
    }

    private static InvokeMessage? ReadInvoke(ref Utf8JsonReader reader)
    {
        string? id = null, blob = null, input = null, output = null, container = null;
        long length = 0;
        var track = true;
        var seen = 0;
        while (NextProperty(ref reader))
        {
            seen++;
            var known = reader.ValueTextEquals("invocationId"u8) ? String(ref reader, out id)
                : reader.ValueTextEquals("blobName"u8) ? String(ref reader, out blob)
                : reader.ValueTextEquals("inputPath"u8) ? String(ref reader, out input)
                : reader.ValueTextEquals("length"u8) ? Int64(ref reader, out length)
                : reader.ValueTextEquals("outputDir"u8) ? String(ref reader, out output)
                : reader.ValueTextEquals("container"u8) ? String(ref reader, out container)
                : reader.ValueTextEquals("trackBlobRead"u8) && Boolean(ref reader, out track);
            if (!known)
            {
                return null;
            }
        }

        return seen != 7 || id is null || blob is null || input is null || output is null || container is null
            ? null
            : new InvokeMessage(id, blob, input, length, output, container, track);
    }

    private static LogMessage? ReadLog(ref Utf8JsonReader reader)
    {
        string? id = null, text = null;
        long level = 0;
        var seen = 0;
        while (NextProperty(ref reader))
        {
            seen++;
            var known = reader.ValueTextEquals("invocationId"u8) ? String(ref reader, out id)
                : reader.ValueTextEquals("level"u8) ? Int64(ref reader, out level)
                : reader.ValueTextEquals("message"u8) && String(ref reader, out text);
            if (!known)
            {
                return null;
            }
        }

        return seen != 3 || id is null || text is null || level is < int.MinValue or > int.MaxValue ? null : new LogMessage(id, (int)level, text);
    }

    private static DependencyMessage? ReadDependency(ref Utf8JsonReader reader)
    {
        string? id = null, type = null, target = null, name = null, code = null;
        long duration = 0;
        var success = false;
        Dictionary<string, string>? properties = null;
        var seen = 0;
        while (NextProperty(ref reader))
        {
            seen++;
            var known = reader.ValueTextEquals("invocationId"u8) ? String(ref reader, out id)
                : reader.ValueTextEquals("dependencyType"u8) ? String(ref reader, out type)
                : reader.ValueTextEquals("target"u8) ? String(ref reader, out target)
                : reader.ValueTextEquals("name"u8) ? String(ref reader, out name)
                : reader.ValueTextEquals("durationTicks"u8) ? Int64(ref reader, out duration)
                : reader.ValueTextEquals("success"u8) ? Boolean(ref reader, out success)
                : reader.ValueTextEquals("resultCode"u8) ? String(ref reader, out code)
                : reader.ValueTextEquals("properties"u8) && Properties(ref reader, out properties);
            if (!known)
            {
                return null;
            }
        }

        return seen != 8 || id is null || type is null || target is null || name is null || code is null
            ? null
            : new DependencyMessage(id, type, target, name, duration, success, code, properties);
    }

    private static CompletedMessage? ReadCompleted(ref Utf8JsonReader reader)
    {
        string? id = null;
        long duration = 0;
        List<string>? outputs = null;
        var seen = 0;
        while (NextProperty(ref reader))
        {
            seen++;
            var known = reader.ValueTextEquals("invocationId"u8) ? String(ref reader, out id)
                : reader.ValueTextEquals("durationTicks"u8) ? Int64(ref reader, out duration)
                : reader.ValueTextEquals("outputs"u8) && Strings(ref reader, out outputs);
            if (!known)
            {
                return null;
            }
        }

        return seen != 3 || id is null || outputs is null ? null : new CompletedMessage(id, duration, outputs);
    }

    /// <summary>Moves to the next property name of the object; false at its end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("the message ends inside its object");
        }

        return reader.TokenType == JsonTokenType.PropertyName;
    }

    private static bool String(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return value is not null;
    }

    private static bool Int64(ref Utf8JsonReader reader, out long value)
    {
        value = 0;
        return reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out value);
    }

    private static bool Boolean(ref Utf8JsonReader reader, out bool value)
    {
        value = reader.Read() && reader.TokenType == JsonTokenType.True;
        return reader.TokenType is JsonTokenType.True or JsonTokenType.False;
    }

    private static bool Strings(ref Utf8JsonReader reader, out List<string>? values)
    {
        values = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var list = new List<string>();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            list.Add(reader.GetString()!);
        }

        values = list;
        return reader.TokenType == JsonTokenType.EndArray;
    }

    private static bool Properties(ref Utf8JsonReader reader, out Dictionary<string, string>? properties)
    {
        properties = null;
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (NextProperty(ref reader))
        {
            var key = reader.GetString()!;
            if (!String(ref reader, out var value))
            {
                return false;
            }

            map[key] = value!;
        }

        properties = map;
        return true;
    }
}
