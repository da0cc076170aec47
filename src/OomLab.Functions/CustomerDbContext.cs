using Microsoft.Data.Sqlite;

namespace OomLab.Functions;

/// <summary>
/// A unit-of-work data context: one open connection and the rows it has materialised (its change tracker).
/// It registers itself with <see cref="CustomerChangeFeed"/> when created and unregisters only in
/// <see cref="Dispose"/>; a context that is never disposed stays reachable from that static feed, with its
/// connection and every row it tracks.
/// </summary>
internal sealed class CustomerDbContext : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly List<CustomerRecord> tracked = [];

    public CustomerDbContext(string connectionString)
    {
        connection = new SqliteConnection(connectionString);
        connection.Open();
        CustomerChangeFeed.Subscribe(this);
    }

    /// <summary>Rows this context tracks.</summary>
    public int TrackedCount => tracked.Count;

    /// <summary>Loads up to <paramref name="limit"/> customers of a region and tracks them.</summary>
    public IReadOnlyList<CustomerRecord> LoadRegion(int region, int limit)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, email, address, notes FROM customers WHERE region = $region ORDER BY id LIMIT $limit";
        command.Parameters.AddWithValue("$region", region);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var loaded = new List<CustomerRecord>();
        while (reader.Read())
        {
            loaded.Add(new CustomerRecord(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }

        tracked.AddRange(loaded);
        return loaded;
    }

    public void Dispose()
    {
        CustomerChangeFeed.Unsubscribe(this);
        tracked.Clear();
        connection.Dispose();
    }
}
