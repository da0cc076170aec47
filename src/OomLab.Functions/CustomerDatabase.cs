using System.Globalization;
using Microsoft.Data.Sqlite;

namespace OomLab.Functions;

/// <summary>The customer database the sync function reads: a SQLite file, seeded with rows on first use.</summary>
internal static class CustomerDatabase
{
    /// <summary>Customers seeded into an empty database.</summary>
    public const int SeedRows = 20_000;

    private static readonly Lock Gate = new();
    private static string? seeded;

    /// <summary>The connection string for <paramref name="path"/>, creating and seeding the file once per process.</summary>
    public static string Open(string path)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        lock (Gate)
        {
            if (seeded != path)
            {
                Seed(connectionString);
                seeded = path;
            }
        }

        return connectionString;
    }

    private static void Seed(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "PRAGMA busy_timeout = 5000; CREATE TABLE IF NOT EXISTS customers (id INTEGER PRIMARY KEY, region INTEGER, name TEXT, email TEXT, address TEXT, notes TEXT)";
            create.ExecuteNonQuery();
        }

        using (var count = connection.CreateCommand())
        {
            count.CommandText = "SELECT count(*) FROM customers";
            if (Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture) > 0)
            {
                transaction.Commit();
                return;
            }
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO customers (id, region, name, email, address, notes) VALUES ($id, $region, $name, $email, $address, $notes)";
        var id = insert.Parameters.Add("$id", SqliteType.Integer);
        var region = insert.Parameters.Add("$region", SqliteType.Integer);
        var name = insert.Parameters.Add("$name", SqliteType.Text);
        var email = insert.Parameters.Add("$email", SqliteType.Text);
        var address = insert.Parameters.Add("$address", SqliteType.Text);
        var notes = insert.Parameters.Add("$notes", SqliteType.Text);
        for (var i = 1; i <= SeedRows; i++)
        {
            id.Value = i;
            region.Value = i % 8;
            name.Value = string.Create(CultureInfo.InvariantCulture, $"Customer {i:D6}");
            email.Value = string.Create(CultureInfo.InvariantCulture, $"customer{i:D6}@contoso.example");
            address.Value = string.Create(CultureInfo.InvariantCulture, $"{i % 900 + 1} Harbour Street, Unit {i % 40 + 1}, Port Melbourne VIC 3207");
            notes.Value = string.Create(CultureInfo.InvariantCulture, $"Preferred delivery window {i % 12 + 7}:00-{i % 12 + 9}:00; account tier {i % 5}; last synced batch {i / 100}");
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
