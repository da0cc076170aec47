namespace OomLab.Queue;

/// <summary>A successful invocation to record: its lease and its receipt.</summary>
/// <param name="InvocationId">The invocation that processed the blob (the <c>operation_Id</c> in telemetry).</param>
/// <param name="Outputs">The durable outputs written, as <c>container/name</c>; stored as a JSON array.</param>
public sealed record Completion(LeasedMessage Lease, string InvocationId, IReadOnlyList<string> Outputs);
