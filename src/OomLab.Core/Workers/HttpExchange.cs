namespace OomLab.Workers;

/// <summary>
/// What an HTTP-triggered invocation carries beside its body file: the request line and headers going in, and the
/// function's status code coming out (its response body, when it has one, is the file <see cref="ResponseBodyFile"/>
/// in the invocation's staging folder).
/// </summary>
/// <param name="Method">The request's method, e.g. <c>POST</c>.</param>
/// <param name="Url">The request's absolute URL.</param>
/// <param name="Headers">The request's headers (the last value of a repeated one).</param>
/// <param name="Query">The query string's parameters.</param>
internal sealed record HttpExchange(string Method, string Url, IReadOnlyDictionary<string, string> Headers, IReadOnlyDictionary<string, string> Query)
{
    /// <summary>The response body's file name in the staging folder.</summary>
    public const string ResponseBodyFile = "$http-response";
}
