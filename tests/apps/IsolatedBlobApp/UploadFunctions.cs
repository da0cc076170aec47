using System.Net;
using System.Security.Cryptography;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;

namespace IsolatedBlobApp;

/// <summary>An HTTP-triggered function as users write one: it reads the whole request body, the h1 anti-pattern.</summary>
public sealed class UploadFunctions(ILogger<UploadFunctions> logger)
{
    [Function("HashUpload")]
    public async Task<HttpResponseData> HashUpload([HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequestData request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        if (buffer.Length == 0)
        {
            var refused = request.CreateResponse(HttpStatusCode.BadRequest);
            await refused.WriteStringAsync("empty upload");
            return refused;
        }

        logger.LogInformation("Hashing an upload of {Length} bytes for {Client}", buffer.Length, request.Query["client"]);
        var response = request.CreateResponse(HttpStatusCode.OK);
        await response.WriteStringAsync(Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray())));
        return response;
    }
}
