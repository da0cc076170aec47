using System.Security.Cryptography;
using System.Text;

namespace OomLab.Cli.Tests.Support;

/// <summary>A fresh root folder with an <c>input/</c> container, deleted afterwards.</summary>
internal sealed class TempRoot : IDisposable
{
    public TempRoot()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "oomlab-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Input);
    }

    public string Path { get; }

    public string Input => System.IO.Path.Combine(Path, "input");

    public string Output => System.IO.Path.Combine(Path, "output");

    public string TelemetryDb => System.IO.Path.Combine(Path, ".oomlab", "telemetry.db");

    public string QueueDb => System.IO.Path.Combine(Path, ".oomlab", "queue.db");

    /// <summary>Writes a text blob of exactly <paramref name="size"/> bytes the way finished uploads arrive (temp file, then rename); returns its content's SHA-256.</summary>
    public string WriteBlob(string name, long size, int seed = 0)
    {
        var target = System.IO.Path.Combine(Input, name);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        var temp = target + ".tmp";
        using (var file = File.Create(temp))
        {
            WriteContent(file, size, seed);
        }

        File.Move(temp, target);
        return Sha256(target);
    }

    public static void WriteContent(Stream stream, long size, int seed)
    {
        var line = Encoding.ASCII.GetBytes($"seed {seed},2026-04-05T01:30:00Z,some csv payload for oomlab tests,{seed * 7919}\n");
        var chunk = new byte[64 * 1024];
        for (var i = 0; i < chunk.Length; i++)
        {
            chunk[i] = line[i % line.Length];
        }

        for (long written = 0; written < size;)
        {
            var count = (int)Math.Min(chunk.Length, size - written);
            stream.Write(chunk, 0, count);
            written += count;
        }
    }

    public static string Sha256(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
