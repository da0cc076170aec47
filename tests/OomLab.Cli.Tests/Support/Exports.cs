using System.Globalization;
using System.Text;

namespace OomLab.Cli.Tests.Support;

/// <summary>Application Insights exports as the REST API and the az CLI write them, for import tests.</summary>
internal static class Exports
{
    /// <summary>
    /// <paramref name="text"/> gzipped, cut where the compressed data ends (its trailer and last block gone): what an
    /// interrupted download leaves.
    /// </summary>
    public static byte[] TruncatedGzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        var bytes = buffer.ToArray();
        return bytes[..^8];
    }

    public static readonly DateTime T0 = new(2026, 4, 5, 1, 30, 0, DateTimeKind.Utc);

    /// <summary>REST / <c>az monitor app-insights query -o json</c>: requests of a function whose HTTP dependency fails; duration in milliseconds.</summary>
    public static string RestRequests(int rows, bool failing)
    {
        var text = new StringBuilder("""
            {"tables":[{"name":"PrimaryResult","columns":[
              {"name":"timestamp","type":"datetime"},{"name":"id","type":"string"},{"name":"name","type":"string"},
              {"name":"success","type":"bool"},{"name":"resultCode","type":"string"},{"name":"duration","type":"real"},
              {"name":"operation_Id","type":"string"},{"name":"cloud_RoleInstance","type":"string"},{"name":"customDimensions","type":"dynamic"},
              {"name":"client_City","type":"string"}],
            "rows":[
            """);
        for (var i = 0; i < rows; i++)
        {
            var ok = !failing || i < rows / 3;
            text.Append(i == 0 ? "\n" : ",\n").Append(CultureInfo.InvariantCulture,
                $"[\"{T0.AddSeconds(i * 30):O}\",\"r{i}\",\"ForwardOrders\",{(ok ? "true" : "false")},\"{(ok ? 200 : 503)}\",{(ok ? 41.5 : 5012.25)},\"op{i}\",\"RD0001\",{{\"ContentLengthBytes\":\"65536\"}},\"Paris\"]");
        }

        return text.Append("\n]}]}\n").ToString();
    }

    /// <summary><c>az monitor log-analytics query -o json</c>: an array of objects, every value a string, dynamic columns as JSON text.</summary>
    public static string AzLogAnalyticsAppMetrics(int rows)
    {
        var text = new StringBuilder("[\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append(i == 0 ? string.Empty : ",\n").Append(CultureInfo.InvariantCulture,
                $"  {{\"TimeGenerated\": \"{T0.AddSeconds(i * 15):O}\", \"Name\": \"PrivateBytes\", \"Value\": \"{100_000_000 + (i * 1000)}\", \"Properties\": \"{{\\\"ProcessId\\\":\\\"42\\\"}}\", \"cloud_RoleInstance\": \"RD0001\", \"TableName\": \"PrimaryResult\"}}");
        }

        return text.Append("\n]\n").ToString();
    }
}
