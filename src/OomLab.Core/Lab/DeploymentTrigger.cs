namespace OomLab.Lab;

/// <summary>How a deployment's function is triggered.</summary>
internal enum DeploymentTrigger
{
    /// <summary>New blobs in <c>input/</c>, through the durable queue (the default).</summary>
    Blob,

    /// <summary>HTTP requests to a listener on 127.0.0.1; the request body is the function's input.</summary>
    Http,
}
