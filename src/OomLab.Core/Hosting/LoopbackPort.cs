using System.Net;
using System.Net.Sockets;

namespace OomLab.Hosting;

/// <summary>Finds a free TCP port on 127.0.0.1 for a listener the run starts.</summary>
internal static class LoopbackPort
{
    public static int Free()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
