using System.Globalization;
using System.Net;
using System.Numerics;
using System.Text.Json.Nodes;
using OomLab.Kql.Evaluation;

namespace OomLab.Kql.Binding;

/// <summary>
/// IPv4 and IPv6 functions (ipv4-*-function.md, ipv6-*-function.md, parse-ipv4, format-ipv4, has-ipv4) and parse_url. An
/// address may carry a prefix (<c>192.168.1.1/24</c>); comparisons use the shortest prefix of the two and the argument.
/// </summary>
internal static partial class ScalarFunctions
{
    private static void AddNetwork(List<ScalarFunction> all)
    {
        all.Add(new("parse_ipv4", 1, 1, Returns(KqlType.Long), (a, _) => Ipv4(a[0].ToKqlString()) is { } ip ? KqlValue.FromLong(Masked(ip.Address, ip.Prefix)) : KqlValue.Null(KqlType.Long)));
        all.Add(new("parse_ipv4_mask", 2, 2, Returns(KqlType.Long), (a, _) => Ipv4(a[0].ToKqlString()) is { } ip && a[1].Long is >= 0 and <= 32 ? KqlValue.FromLong(Masked(ip.Address, Math.Min(ip.Prefix, (int)a[1].Long))) : KqlValue.Null(KqlType.Long)));
        all.Add(new("ipv4_compare", 2, 3, Returns(KqlType.Long), (a, _) => Ipv4Compare(a) is { } c ? KqlValue.FromLong(c) : KqlValue.Null(KqlType.Long)));
        all.Add(new("ipv4_is_match", 2, 3, Returns(KqlType.Bool), (a, _) => Ipv4Compare(a) is { } c ? KqlValue.FromBool(c == 0) : KqlValue.Null(KqlType.Bool)));
        all.Add(new("ipv4_is_in_range", 2, 2, Returns(KqlType.Bool), (a, _) => InRange(a[0].ToKqlString(), a[1].ToKqlString()) is { } b ? KqlValue.FromBool(b) : KqlValue.Null(KqlType.Bool)));
        all.Add(new("ipv4_is_in_any_range", 2, 64, Returns(KqlType.Bool), (a, _) => InAnyRange(a)));
        all.Add(new("ipv4_is_private", 1, 1, Returns(KqlType.Bool), (a, _) => Ipv4(a[0].ToKqlString()) is { } ip ? KqlValue.FromBool(IsPrivate(ip.Address)) : KqlValue.Null(KqlType.Bool)));
        all.Add(new("ipv4_netmask_suffix", 1, 1, Returns(KqlType.Int), (a, _) => Ipv4(a[0].ToKqlString()) is { } ip ? KqlValue.FromLong(ip.Prefix, KqlType.Int) : KqlValue.Null(KqlType.Int)));
        all.Add(new("format_ipv4", 1, 2, Returns(KqlType.String), (a, _) => FormatIpv4(a, withMask: false)));
        all.Add(new("format_ipv4_mask", 1, 2, Returns(KqlType.String), (a, _) => FormatIpv4(a, withMask: true)));
        all.Add(new("has_ipv4", 2, 2, Returns(KqlType.Bool), (a, _) => KqlValue.FromBool(HasIpv4(a[0].ToKqlString(), a[1].ToKqlString()))));
        all.Add(new("has_any_ipv4", 2, 64, Returns(KqlType.Bool), (a, _) => HasAny(a, HasIpv4)));
        all.Add(new("has_ipv4_prefix", 2, 2, Returns(KqlType.Bool), (a, _) => KqlValue.FromBool(HasIpv4Prefix(a[0].ToKqlString(), a[1].ToKqlString()))));
        all.Add(new("has_any_ipv4_prefix", 2, 64, Returns(KqlType.Bool), (a, _) => HasAny(a, HasIpv4Prefix)));
        all.Add(new("ipv6_compare", 2, 3, Returns(KqlType.Long), (a, _) => Ipv6Compare(a) is { } c ? KqlValue.FromLong(c) : KqlValue.Null(KqlType.Long)));
        all.Add(new("ipv6_is_match", 2, 3, Returns(KqlType.Bool), (a, _) => Ipv6Compare(a) is { } c ? KqlValue.FromBool(c == 0) : KqlValue.Null(KqlType.Bool)));
        all.Add(new("ipv6_is_in_range", 2, 2, Returns(KqlType.Bool), (a, _) => Ipv6InRange(a[0].ToKqlString(), a[1].ToKqlString()) is { } b ? KqlValue.FromBool(b) : KqlValue.Null(KqlType.Bool)));
        all.Add(new("ipv6_is_in_any_range", 2, 64, Returns(KqlType.Bool), (a, _) => Ipv6InAnyRange(a)));
        all.Add(new("parse_url", 1, 1, Returns(KqlType.Dynamic), (a, _) => ParseUrl(a[0].ToKqlString())));
    }

    private static (uint Address, int Prefix)? Ipv4(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var prefix = 32;
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > 32))
        {
            return null;
        }

        var parts = (slash >= 0 ? text[..slash] : text).Trim().Split('.');
        if (parts.Length != 4)
        {
            return null;
        }

        uint address = 0;
        foreach (var part in parts)
        {
            if (!byte.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var b))
            {
                return null;
            }

            address = (address << 8) | b;
        }

        return (address, prefix);
    }

    private static long Masked(uint address, int prefix) => prefix == 0 ? 0 : address & (uint.MaxValue << (32 - prefix));

    private static long? Ipv4Compare(ReadOnlySpan<KqlValue> a)
    {
        if (Ipv4(a[0].ToKqlString()) is not { } x || Ipv4(a[1].ToKqlString()) is not { } y)
        {
            return null;
        }

        var prefix = Math.Min(x.Prefix, y.Prefix);
        if (a.Length > 2)
        {
            if (a[2].IsNull || a[2].Long is < 0 or > 32)
            {
                return null;
            }

            prefix = Math.Min(prefix, (int)a[2].Long);
        }

        return Masked(x.Address, prefix).CompareTo(Masked(y.Address, prefix));
    }

    private static bool? InRange(string address, string range) =>
        Ipv4(address) is { } ip && Ipv4(range) is { } r ? Masked(ip.Address, r.Prefix) == Masked(r.Address, r.Prefix) : null;

    private static KqlValue InAnyRange(ReadOnlySpan<KqlValue> a)
    {
        var address = a[0].ToKqlString();
        var ranges = new List<string>();
        foreach (var v in a[1..])
        {
            if (v.Dynamic is JsonArray array)
            {
                ranges.AddRange(array.Select(ElementText));
            }
            else
            {
                ranges.Add(v.ToKqlString());
            }
        }

        var any = false;
        foreach (var range in ranges)
        {
            if (InRange(address, range) is not { } inside)
            {
                return KqlValue.Null(KqlType.Bool);
            }

            any |= inside;
        }

        return KqlValue.FromBool(any);
    }

    private static bool IsPrivate(uint address) =>
        (address >> 24) == 10 || (address >> 20) == ((172u << 4) | 1) || (address >> 16) == ((192u << 8) | 168);

    // format-ipv4-function.md: the address masked by the smaller of its prefix and the mask; an invalid mask gives "".
    private static KqlValue FormatIpv4(ReadOnlySpan<KqlValue> a, bool withMask)
    {
        if (Ipv4(a[0].ToKqlString()) is not { } ip)
        {
            return KqlValue.FromString(string.Empty);
        }

        var mask = a.Length > 1 ? (a[1].IsNull ? -1 : a[1].Long) : 32;
        if (mask is < 0 or > 32)
        {
            return KqlValue.FromString(string.Empty);
        }

        var prefix = Math.Min(ip.Prefix, (int)mask);
        var masked = (uint)Masked(ip.Address, prefix);
        var text = string.Join('.', new[] { masked >> 24, (masked >> 16) & 255, (masked >> 8) & 255, masked & 255 }.Select(b => b.ToString(CultureInfo.InvariantCulture)));
        return KqlValue.FromString(withMask ? text + "/" + prefix.ToString(CultureInfo.InvariantCulture) : text);
    }

    // has-ipv4-function.md: a valid address, delimited in the text by characters that are neither alphanumeric nor '.'.
    private static bool HasIpv4(string text, string address)
    {
        if (Ipv4(address) is null || address.Contains('/', StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = text.IndexOf(address, StringComparison.Ordinal); i >= 0; i = text.IndexOf(address, i + 1, StringComparison.Ordinal))
        {
            var end = i + address.Length;
            if ((i == 0 || !(char.IsAsciiLetterOrDigit(text[i - 1]) || text[i - 1] == '.')) && (end == text.Length || !(char.IsAsciiLetterOrDigit(text[end]) || text[end] == '.')))
            {
                return true;
            }
        }

        return false;
    }

    private static KqlValue HasAny(ReadOnlySpan<KqlValue> a, Func<string, string, bool> has)
    {
        var text = a[0].ToKqlString();
        foreach (var v in a[1..])
        {
            foreach (var item in v.Dynamic is JsonArray array ? array.Select(ElementText) : [v.ToKqlString()])
            {
                if (has(text, item))
                {
                    return KqlValue.FromBool(true);
                }
            }
        }

        return KqlValue.FromBool(false);
    }

    // has-ipv4-prefix-function.md: a prefix is one to three whole octets each followed by '.', or a whole address; it must
    // start an address of the text that is valid and delimited.
    private static bool HasIpv4Prefix(string text, string prefix)
    {
        var octets = prefix.Split('.');
        var valid = prefix.EndsWith('.') ? octets.Length is >= 2 and <= 4 && octets[..^1].All(o => byte.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out _)) : Ipv4(prefix) is not null;
        if (!valid)
        {
            return false;
        }

        for (var i = text.IndexOf(prefix, StringComparison.Ordinal); i >= 0; i = text.IndexOf(prefix, i + 1, StringComparison.Ordinal))
        {
            if (i > 0 && (char.IsAsciiLetterOrDigit(text[i - 1]) || text[i - 1] == '.'))
            {
                continue;
            }

            var end = i;
            while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
            {
                end++;
            }

            if (Ipv4(text[i..end]) is not null && (end == text.Length || !char.IsAsciiLetter(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    private static (BigInteger Address, int Prefix)? Ipv6(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var prefix = 128;
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > 128))
        {
            return null;
        }

        if (!IPAddress.TryParse(slash >= 0 ? text[..slash] : text, out var ip))
        {
            return null;
        }

        if (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            // An IPv4 address compares as its IPv4-mapped IPv6 form; its prefix counts from the IPv4 part.
            prefix = slash >= 0 ? Math.Min(128, prefix + 96) : 128;
            ip = ip.MapToIPv6();
        }

        return (new BigInteger(ip.GetAddressBytes(), isUnsigned: true, isBigEndian: true), prefix);
    }

    private static long? Ipv6Compare(ReadOnlySpan<KqlValue> a)
    {
        if (Ipv6(a[0].ToKqlString()) is not { } x || Ipv6(a[1].ToKqlString()) is not { } y)
        {
            return null;
        }

        var prefix = Math.Min(x.Prefix, y.Prefix);
        if (a.Length > 2)
        {
            if (a[2].IsNull || a[2].Long is < 0 or > 128)
            {
                return null;
            }

            prefix = Math.Min(prefix, (int)a[2].Long);
        }

        var shift = 128 - prefix;
        return (x.Address >> shift).CompareTo(y.Address >> shift);
    }

    private static bool? Ipv6InRange(string address, string range)
    {
        if (Ipv6(address) is not { } ip || Ipv6(range) is not { } r)
        {
            return null;
        }

        var shift = 128 - r.Prefix;
        return (ip.Address >> shift) == (r.Address >> shift);
    }

    private static KqlValue Ipv6InAnyRange(ReadOnlySpan<KqlValue> a)
    {
        var address = a[0].ToKqlString();
        var any = false;
        foreach (var v in a[1..])
        {
            foreach (var range in v.Dynamic is JsonArray array ? array.Select(ElementText) : [v.ToKqlString()])
            {
                if (Ipv6InRange(address, range) is not { } inside)
                {
                    return KqlValue.Null(KqlType.Bool);
                }

                any |= inside;
            }
        }

        return KqlValue.FromBool(any);
    }

    // parse-url-function.md: Scheme, Host, Port, Path (without its leading '/', as the page shows), Username, Password,
    // Query Parameters, Fragment.
    private static KqlValue ParseUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            return KqlValue.FromDynamic(new JsonObject());
        }

        var user = uri.UserInfo.Split(':', 2);
        var query = new JsonObject();
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            query[Uri.UnescapeDataString(kv[0])] = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : string.Empty;
        }

        return KqlValue.FromDynamic(new JsonObject
        {
            ["Scheme"] = uri.Scheme,
            ["Host"] = uri.Host,
            ["Port"] = uri.IsDefaultPort ? string.Empty : uri.Port.ToString(CultureInfo.InvariantCulture),
            ["Path"] = uri.AbsolutePath.TrimStart('/'),
            ["Username"] = user[0],
            ["Password"] = user.Length > 1 ? user[1] : string.Empty,
            ["Query Parameters"] = query,
            ["Fragment"] = uri.Fragment.TrimStart('#'),
        });
    }
}
