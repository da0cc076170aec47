using System.Diagnostics;
using System.Globalization;
using OomLab.Sdk;

namespace OomLab.Functions;

/// <summary>
/// Syncs the customers an order file mentions: opens a <see cref="CustomerDbContext"/>, loads the region's
/// customers from the SQLite database at <c>CUSTOMER_DB_PATH</c> (tracked as a <c>SQL</c> dependency) and
/// writes a sync report. The context is never disposed, so every invocation leaves its connection and
/// <c>SYNC_ROWS_PER_INVOCATION</c> (default 4000) tracked rows alive: memory climbs with the contexts alive.
/// </summary>
[Function("SyncCustomerRecords")]
public sealed class SyncCustomerRecords : IBlobFunction
{
    /// <summary>Rows loaded per invocation when <c>SYNC_ROWS_PER_INVOCATION</c> is not set.</summary>
    public const int DefaultRows = 4000;

    /// <inheritdoc />
    public async Task RunAsync(BlobContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        long length;
        await using (var input = context.OpenRead())
        {
            length = await CountAsync(input, cancellationToken);
        }

        var path = context.GetSetting("CUSTOMER_DB_PATH") ?? Path.Combine(Path.GetTempPath(), "oomlab-customers.db");
        var rows = int.TryParse(context.GetSetting("SYNC_ROWS_PER_INVOCATION"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var configured) && configured > 0
            ? configured
            : DefaultRows;
        var connectionString = CustomerDatabase.Open(path);

        // The leak under study: the context is created per invocation and never disposed.
        var db = new CustomerDbContext(connectionString);

        var region = (int)(length % 8);
        var started = Stopwatch.GetTimestamp();
        var loaded = db.LoadRegion(region, rows);
        context.TrackDependency(new DependencyCall(
            "SQL", $"{Path.GetFileName(path)} | sqlite", "SELECT customers WHERE region = $region", Stopwatch.GetElapsedTime(started), true, "0",
            new Dictionary<string, string>(StringComparer.Ordinal) { ["RowCount"] = loaded.Count.ToString(CultureInfo.InvariantCulture) }));
        context.Logger.Log(LogLevel.Information, string.Create(CultureInfo.InvariantCulture,
            $"DbContext opened for {context.BlobName} ({CustomerChangeFeed.Count} contexts alive, {CustomerChangeFeed.TrackedRows} rows tracked)"));

        await using var report = context.CreateOutput(context.BlobName + ".sync.txt");
        await using var writer = new StreamWriter(report);
        await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"region {region}: {loaded.Count} customers synced"));
    }

    private static async Task<long> CountAsync(Stream input, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
        }

        return total;
    }
}
