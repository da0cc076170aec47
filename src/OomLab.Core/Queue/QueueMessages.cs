using System.Globalization;

namespace OomLab.Queue;

/// <summary>Texts of queue reasons and errors; tests assert these factories, not literals.</summary>
internal static class QueueMessages
{
    public static string LeaseExpired(int dequeueCount) =>
        string.Create(CultureInfo.InvariantCulture, $"lease expired after {dequeueCount} attempts without completing");

    public static string NoQueue(string path) => $"no queue at {path}: the root has not been used by 'oomlab host' yet";

    public static string NotAQueue(string path, string detail) => $"{path} is not an oomlab queue: {detail}";
}
