using System.Security.Cryptography;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace IsolatedBlobApp;

/// <summary>Blob-triggered functions that hash each upload into scanned/{name}.sha256, written the ways users write them.</summary>
public sealed class ScanFunctions(ILogger<ScanFunctions> logger)
{
    /// <summary>The anti-pattern: the whole blob arrives as one array.</summary>
    [Function("ScanBuffered")]
    [BlobOutput("scanned/{name}.sha256")]
    public string ScanBuffered([BlobTrigger("uploads/{name}")] byte[] content, string name)
    {
        logger.LogInformation("Scanning {Name} ({Length} bytes) buffered", name, content.Length);
        // A working copy, as code that decodes or transforms the upload keeps one.
        var copy = content.ToArray();
        return Convert.ToHexStringLower(SHA256.HashData(copy));
    }

    /// <summary>The fix: the blob is read as a stream, a buffer at a time.</summary>
    [Function("ScanStreamed")]
    [BlobOutput("scanned/{name}.sha256")]
    public async Task<string> ScanStreamed([BlobTrigger("uploads/{name}")] Stream content, string name)
    {
        logger.LogInformation("Scanning {Name} streamed", name);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(content));
    }

    /// <summary>
    /// A Stream trigger and no output path with an expression: the host binds it lazily (deferred binding), so with a
    /// storage account the worker opens the blob itself and reads it a buffer at a time.
    /// </summary>
    [Function("ScanDeferred")]
    public async Task ScanDeferred([BlobTrigger("uploads/{name}")] Stream content, string name)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long length = 0;
        int read;
        while ((read = await content.ReadAsync(buffer)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            length += read;
        }

        logger.LogInformation("Scanned {Name}: {Length} bytes, sha256 {Hash}", name, length, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    [Function("ScanText")]
    [BlobOutput("scanned/{name}.sha256")]
    public string ScanText([BlobTrigger("uploads/{name}")] string content, string name) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content)));

    [Function("ScanMemory")]
    [BlobOutput("scanned/{name}.sha256")]
    public string ScanMemory([BlobTrigger("uploads/{name}")] ReadOnlyMemory<byte> content, string name) =>
        Convert.ToHexStringLower(SHA256.HashData(content.Span));

    /// <summary>Two outputs through a return type, and a failure for blobs named bad-*.</summary>
    [Function("ScanWithReport")]
    public ScanResult ScanWithReport([BlobTrigger("uploads/{name}")] byte[] content, string name)
    {
        if (name.StartsWith("bad-", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{name} is not a valid upload");
        }

        return new ScanResult(Convert.ToHexStringLower(SHA256.HashData(content)), $"{name}: {content.Length} bytes");
    }

    /// <summary>Hangs for SLEEP_SECONDS (an app setting) before hashing: a function that outlives functionTimeout.</summary>
    [Function("ScanSlowly")]
    [BlobOutput("scanned/{name}.sha256")]
    public async Task<string> ScanSlowly([BlobTrigger("uploads/{name}")] byte[] content, string name, CancellationToken cancellationToken)
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("SLEEP_SECONDS"), out var s) ? s : 0;
        logger.LogInformation("Scanning {Name} after {Seconds} s", name, seconds);
        await Task.Delay(TimeSpan.FromSeconds(seconds), CancellationToken.None);
        return Convert.ToHexStringLower(SHA256.HashData(content));
    }
}

public sealed record ScanResult(
    [property: BlobOutput("scanned/{name}.sha256")] string Hash,
    [property: BlobOutput("scanned/{name}.txt")] string Report);
