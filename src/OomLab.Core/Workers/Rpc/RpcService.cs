using Grpc.Core;
using OomLab.Workers.Rpc.Messages;

namespace OomLab.Workers.Rpc;

/// <summary>The <c>FunctionRpc</c> service: each worker's one bidirectional <c>EventStream</c> is handed to its channel.</summary>
internal sealed class RpcService(RpcTransport transport) : FunctionRpc.FunctionRpcBase
{
    public override Task EventStream(
        IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context) =>
        transport.AcceptAsync(requestStream, responseStream, context.CancellationToken);
}
