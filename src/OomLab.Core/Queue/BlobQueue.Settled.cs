using Microsoft.Data.Sqlite;

namespace OomLab.Queue;

internal sealed partial class BlobQueue
{
    /// <summary>
    /// The names of blobs that reached an end (done or poison), read without disturbing a host that has the
    /// queue open; empty when there is no queue yet.
    /// </summary>
    public static IReadOnlyList<string> ReadSettledNames(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var connection = Connect(path, SqliteOpenMode.ReadOnly);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT blob_name FROM messages WHERE state IN (2, 3);";
        var names = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
