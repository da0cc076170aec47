namespace OomLab.Hosting;

/// <summary>What <see cref="InvocationRecorder"/> needs to know of one invocation, from the host that triggered it.</summary>
/// <param name="InvocationId">The invocation's id, also its <c>operation_Id</c>.</param>
/// <param name="StartedAt">When it started (the <c>requests</c> row's timestamp).</param>
/// <param name="Dimensions">A fresh set of its trigger's <c>customDimensions</c> for a row, given the worker that ran it.</param>
/// <param name="Url">The <c>requests.url</c>; empty for a blob trigger.</param>
/// <param name="RequestDimensions">Adds what only the <c>requests</c> row carries (a blob trigger's latencies); none by default.</param>
internal sealed record RecordedInvocation(
    string InvocationId, DateTimeOffset StartedAt, Func<string, Dictionary<string, string>> Dimensions, string Url = "",
    Action<Dictionary<string, string>>? RequestDimensions = null);
