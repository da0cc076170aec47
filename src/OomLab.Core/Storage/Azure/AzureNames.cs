using System.Text;
using OomLab.Blobs;

namespace OomLab.Storage.Azure;

/// <summary>
/// The names the Functions blob trigger uses in the host's storage account, so an account oomlab ran on looks like one a
/// Functions app ran on: the <c>azure-webjobs-hosts</c> container (scan lock, scan cursor, receipts), the internal queue
/// every instance consumes and the poison queue.
/// </summary>
internal sealed record AzureNames(string HostId, string? FunctionId, string AccountName, ContainerName Input)
{
    public const string HostsContainer = "azure-webjobs-hosts";

    public const string PoisonQueue = "webjobs-blobtrigger-poison";

    /// <summary><c>azure-webjobs-blobtrigger-&lt;hostId&gt;</c>.</summary>
    public string Queue => $"azure-webjobs-blobtrigger-{HostId}";

    /// <summary>The blob whose lease makes one instance per host id the scanner.</summary>
    public string ScanLock => $"locks/{HostId}/WebJobs.Internal.Blobs";

    /// <summary>The scan cursor of the input container (<c>{"LatestScan": ...}</c>).</summary>
    public string ScanInfo => $"blobscaninfo/{HostId}/{AccountName}/{Input.Value}/scanInfo";

    /// <summary>The receipts of this function, <c>blobreceipts/&lt;hostId&gt;/&lt;functionId&gt;/</c>; of every function of the host id without one.</summary>
    public string ReceiptPrefix => FunctionId is null ? $"blobreceipts/{HostId}/" : $"blobreceipts/{HostId}/{FunctionId}/";

    /// <summary>The receipt of one blob version: the ETag before the name, because names may hold '/'.</summary>
    public string Receipt(string etag, BlobName blob) => $"{ReceiptPrefix}{etag}/{Input.Value}/{blob.Value}";

    /// <summary>
    /// The host id as the Functions host derives it from the app name: lower case, letters, digits and '-', at most 32
    /// characters, no '-' at either end (<c>AzureFunctionsWebHost__hostId</c> sets it explicitly).
    /// </summary>
    public static string HostIdFor(string appName)
    {
        ArgumentNullException.ThrowIfNull(appName);
        var id = new StringBuilder(32);
        foreach (var c in appName.ToLowerInvariant())
        {
            if (id.Length == 32)
            {
                break;
            }

            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
            {
                id.Append(c);
            }
        }

        var trimmed = id.ToString().Trim('-');
        return trimmed.Length > 0 ? trimmed : "oomlab-app";
    }
}
