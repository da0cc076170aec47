using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using OomLab.Workers.Protocol;
using OomLab.Workers.Rpc.Messages;

namespace OomLab.Workers.Rpc;

/// <remarks>
/// Invocations: the blob is read whole and sent as <c>TypedData.bytes</c> with the trigger metadata the blob trigger
/// binds (<c>BlobTrigger</c>, <c>Uri</c>, <c>Properties</c>, <c>Metadata</c> and one value per path token, such as
/// <c>name</c>); the response's output bindings (by name, or <c>$return</c>) become files in the invocation's staging
/// folder, named by the output path with the tokens filled in. An HTTP request goes as <c>TypedData.http</c> (method, URL,
/// headers, query, the whole body as bytes in <c>body</c> and <c>rawBody</c>, as the production host sends it to a worker
/// without the ASP.NET Core integration); the response's <c>http</c> output gives the status code and body.
/// </remarks>
internal sealed partial class RpcChannel
{
    private async Task InvokeAsync(InvocationRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var function = transport.Function;
            // An HTTP request binds no path tokens; a blob binds those of its trigger path.
            var tokens = function.TriggerPath is { } triggerPath ? triggerPath.Match(request.BlobName) : new Dictionary<string, string>(StringComparer.Ordinal);
            if (tokens is null)
            {
                Fail(request.InvocationId, "System.InvalidOperationException", RpcMessages.BlobNotMatched(request.BlobName, function.TriggerPath!), string.Empty, started);
                return;
            }

            if (transport.DefersBinding)
            {
                SendReference(request, tokens, started);
                return;
            }

            var read = Stopwatch.GetTimestamp();
            var content = await File.ReadAllBytesAsync(request.InputPath);
            transport.AddHeld(content.Length);
            if (request.TrackBlobRead)
            {
                // The blob trigger's download, as Application Insights records the host's storage call.
                deliver(new DependencyMessage(
                    request.InvocationId, WorkerBlobContext.BlobDependencyType, request.Container, $"GET {request.BlobName}", Stopwatch.GetElapsedTime(read).Ticks,
                    true, "200", new Dictionary<string, string>(StringComparer.Ordinal) { ["ContentLengthBytes"] = content.Length.ToString(CultureInfo.InvariantCulture) }));
            }

            running[request.InvocationId] = new Running(request, tokens, content.Length, started);
            var invocation = new Messages.InvocationRequest { InvocationId = request.InvocationId, FunctionId = functionId };
            invocation.InputData.Add(new ParameterBinding
            {
                Name = function.Trigger.Name,
                Data = function.IsHttp ? HttpData(request.Http, content)
                    : function.Trigger.DataType == "string" ? new TypedData { String = Encoding.UTF8.GetString(content) }
                    : new TypedData { Bytes = UnsafeByteOperations.UnsafeWrap(content) },
            });
            if (!function.IsHttp)
            {
                foreach (var (key, value) in TriggerMetadata(request, tokens, content.Length))
                {
                    invocation.TriggerMetadata[key] = value;
                }
            }

            invocation.TraceContext = TraceContextOf(request);
            Send(new StreamingMessage { InvocationRequest = invocation });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Release(request.InvocationId);
            Fail(request.InvocationId, ex.GetType().FullName ?? ex.GetType().Name, ex.Message, string.Empty, started);
        }
    }

    /// <summary>
    /// Deferred binding: the trigger gets a reference to the blob (the Blobs extension's <c>ModelBindingData</c>: source
    /// <c>AzureStorageBlobs</c>, JSON with <c>Connection</c>, <c>ContainerName</c>, <c>BlobName</c>) and the usual trigger
    /// metadata; the host holds none of the blob and the worker reads it itself.
    /// </summary>
    private void SendReference(InvocationRequest request, IReadOnlyDictionary<string, string> tokens, long started)
    {
        var function = transport.Function;
        var length = new FileInfo(request.InputPath).Length;
        running[request.InvocationId] = new Running(request, tokens, 0, started);
        var reference = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Connection"] = function.Trigger.Connection ?? "AzureWebJobsStorage",
            ["ContainerName"] = function.TriggerPath!.Container,
            ["BlobName"] = request.BlobName,
        }, RpcJsonContext.Default.DictionaryStringObject);
        var invocation = new Messages.InvocationRequest { InvocationId = request.InvocationId, FunctionId = functionId };
        invocation.InputData.Add(new ParameterBinding
        {
            Name = function.Trigger.Name,
            Data = new TypedData
            {
                ModelBindingData = new ModelBindingData
                {
                    Version = "1.0", Source = "AzureStorageBlobs", ContentType = "application/json", Content = ByteString.CopyFromUtf8(reference),
                },
            },
        });
        foreach (var (key, value) in TriggerMetadata(request, tokens, length))
        {
            invocation.TriggerMetadata[key] = value;
        }

        invocation.TraceContext = TraceContextOf(request);
        Send(new StreamingMessage { InvocationRequest = invocation });
    }

    private static RpcTraceContext TraceContextOf(InvocationRequest request) =>
        new() { TraceParent = $"00-{request.InvocationId.Replace("-", string.Empty, StringComparison.Ordinal)}-{Guid.NewGuid():N}"[..55] + "-01" };

    private static TypedData HttpData(HttpExchange? exchange, byte[] content)
    {
        var body = new TypedData { Bytes = UnsafeByteOperations.UnsafeWrap(content) };
        var http = new RpcHttp { Method = exchange?.Method ?? "POST", Url = exchange?.Url ?? string.Empty, Body = body, RawBody = body };
        foreach (var (key, value) in exchange?.Headers ?? new Dictionary<string, string>())
        {
            http.Headers[key] = value;
        }

        foreach (var (key, value) in exchange?.Query ?? new Dictionary<string, string>())
        {
            http.Query[key] = value;
        }

        return new TypedData { Http = http };
    }

    private Dictionary<string, TypedData> TriggerMetadata(InvocationRequest request, IReadOnlyDictionary<string, string> tokens, long length)
    {
        var container = transport.Function.TriggerPath!.Container;
        var lastWrite = File.GetLastWriteTimeUtc(request.InputPath).ToString("O", CultureInfo.InvariantCulture);
        var properties = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Length"] = length,
            ["ContentLength"] = length,
            ["ContentType"] = "application/octet-stream",
            ["BlobType"] = "Block",
            ["LastModified"] = lastWrite,
            ["CreatedOn"] = lastWrite,
        }, RpcJsonContext.Default.DictionaryStringObject);
        var metadata = new Dictionary<string, TypedData>(StringComparer.Ordinal)
        {
            ["BlobTrigger"] = new() { String = $"{container}/{request.BlobName}" },
            ["Uri"] = new() { String = new Uri(request.InputPath).AbsoluteUri },
            ["Properties"] = new() { Json = properties },
            ["Metadata"] = new() { Json = "{}" },
        };
        foreach (var (key, value) in tokens)
        {
            metadata[key] = new TypedData { String = value };
        }

        return metadata;
    }

    private async Task CompleteAsync(InvocationResponse response)
    {
        if (!running.TryGetValue(response.InvocationId, out var invocation))
        {
            return;
        }

        try
        {
            if (response.Result is not { Status: StatusResult.Types.Status.Success })
            {
                var exception = response.Result?.Exception;
                var (type, message) = Split(exception);
                Release(response.InvocationId);
                Fail(response.InvocationId, type, message, exception?.StackTrace ?? string.Empty, invocation.StartedAt);
                return;
            }

            var outputs = new List<string>();
            foreach (var (binding, path) in transport.Function.Outputs)
            {
                var data = binding.Name == "$return"
                    ? response.ReturnValue
                    : response.OutputData.FirstOrDefault(o => o.Name.Equals(binding.Name, StringComparison.OrdinalIgnoreCase))?.Data;
                if (data is null || data.DataCase == TypedData.DataOneofCase.None)
                {
                    continue;
                }

                var name = path.Expand(invocation.Tokens);
                if (!OutputName.IsValid(name))
                {
                    throw new InvalidDataException(RpcMessages.BadOutputName(binding.Name, name));
                }

                await WriteAsync(Path.Combine(invocation.Request.OutputDirectory, name), data);
                outputs.Add(name);
            }

            var status = await WriteHttpResponseAsync(response, invocation.Request.OutputDirectory);
            Release(response.InvocationId);
            deliver(new CompletedMessage(response.InvocationId, Stopwatch.GetElapsedTime(invocation.StartedAt).Ticks, outputs, status));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            Release(response.InvocationId);
            Fail(response.InvocationId, ex.GetType().FullName ?? ex.GetType().Name, ex.Message, string.Empty, invocation.StartedAt);
        }
    }

    /// <summary>An HTTP function's response: its body to the staging folder, its status code returned (200 when it says none).</summary>
    private async Task<int?> WriteHttpResponseAsync(InvocationResponse response, string staging)
    {
        if (transport.Function.HttpOutput is not { } binding)
        {
            return null;
        }

        var data = binding.Name == "$return"
            ? response.ReturnValue
            : response.OutputData.FirstOrDefault(o => o.Name.Equals(binding.Name, StringComparison.OrdinalIgnoreCase))?.Data;
        if (data is not { DataCase: TypedData.DataOneofCase.Http } answer)
        {
            return data is null || data.DataCase == TypedData.DataOneofCase.None ? 204 : 200;
        }

        if (answer.Http.Body is { DataCase: not TypedData.DataOneofCase.None } body)
        {
            await WriteAsync(Path.Combine(staging, HttpExchange.ResponseBodyFile), body);
        }

        return int.TryParse(answer.Http.StatusCode, NumberStyles.Integer, CultureInfo.InvariantCulture, out var status) && status is >= 100 and <= 599 ? status : 200;
    }

    private static async Task WriteAsync(string path, TypedData data)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0, useAsync: true);
        switch (data.DataCase)
        {
            case TypedData.DataOneofCase.Bytes:
                await file.WriteAsync(data.Bytes.Memory);
                break;
            case TypedData.DataOneofCase.Stream:
                await file.WriteAsync(data.Stream.Memory);
                break;
            default:
                await file.WriteAsync(Encoding.UTF8.GetBytes(TextOf(data)));
                break;
        }
    }

    private static string TextOf(TypedData data) => data.DataCase switch
    {
        TypedData.DataOneofCase.String => data.String,
        TypedData.DataOneofCase.Json => data.Json,
        TypedData.DataOneofCase.Int => data.Int.ToString(CultureInfo.InvariantCulture),
        TypedData.DataOneofCase.Double => data.Double.ToString(CultureInfo.InvariantCulture),
        _ => data.ToString(),
    };

    /// <summary>The exception's type and message: its <c>type</c> field, or the <c>Type: message</c> a worker puts first in the text.</summary>
    private static (string Type, string Message) Split(RpcException? exception)
    {
        if (exception is null)
        {
            return ("Microsoft.Azure.WebJobs.Script.Workers.Rpc.RpcException", "the invocation failed without an exception");
        }

        var text = exception.Message;
        var firstLine = text.Split('\n', 2)[0].TrimEnd('\r');
        var colon = firstLine.IndexOf(": ", StringComparison.Ordinal);
        var leading = colon > 0 ? firstLine[..colon] : string.Empty;
        var looksLikeType = leading.Length > 0 && !leading.Contains(' ', StringComparison.Ordinal) && leading.Contains('.', StringComparison.Ordinal);
        var type = !string.IsNullOrEmpty(exception.Type) ? exception.Type : looksLikeType ? leading : "Microsoft.Azure.WebJobs.Script.Workers.Rpc.RpcException";
        var message = looksLikeType && (string.IsNullOrEmpty(exception.Type) || exception.Type == leading) ? firstLine[(colon + 2)..] : firstLine;
        return (type, message);
    }

    private void Fail(string invocationId, string type, string message, string details, long startedAt) =>
        deliver(new FailedMessage(invocationId, type, message, details, Stopwatch.GetElapsedTime(startedAt).Ticks));

    private void Release(string invocationId)
    {
        if (running.TryRemove(invocationId, out var invocation))
        {
            transport.AddHeld(-invocation.HeldBytes);
        }
    }
}
