using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OomLab.Kql.Evaluation;

namespace OomLab.Kql.Binding;

/// <summary>More string functions: repetition, regex searches, comparison, encodings and hashes.</summary>
internal static partial class ScalarFunctions
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(5);

    private static void AddText(List<ScalarFunction> all)
    {
        var text = Returns(KqlType.String);
        all.Add(new("strcat_delim", 3, 64, text, (a, _) => KqlValue.FromString(string.Join(a[0].ToKqlString(), a[1..].ToArray().Select(v => v.ToKqlString())))));
        all.Add(new("strrep", 2, 3, text, (a, _) => StrRep(a)));
        all.Add(new("string_size", 1, 1, Returns(KqlType.Long), (a, _) => KqlValue.FromLong(Encoding.UTF8.GetByteCount(a[0].ToKqlString()))));
        all.Add(new("strcmp", 2, 2, Returns(KqlType.Int), (a, _) => KqlValue.FromLong(Math.Sign(string.CompareOrdinal(a[0].ToKqlString(), a[1].ToKqlString())), KqlType.Int)));
        all.Add(new("countof", 2, 3, Returns(KqlType.Long), (a, _) => CountOf(a)));
        all.Add(new("indexof_regex", 2, 5, Returns(KqlType.Long), (a, _) => IndexOfRegex(a)));
        all.Add(new("extract_all", 2, 3, Returns(KqlType.Dynamic), (a, _) => ExtractAll(a)));
        all.Add(new("replace_strings", 3, 3, text, (a, _) => ReplaceStrings(a[0].ToKqlString(), a[1].Dynamic as JsonArray, a[2].Dynamic as JsonArray)));
        all.Add(new("parse_csv", 1, 1, Returns(KqlType.Dynamic), (a, _) => ParseCsv(a[0].ToKqlString())));
        all.Add(new("toguid", 1, 1, text, (a, _) => ToGuid(a[0].ToKqlString())));
        all.Add(new("regex_quote", 1, 1, text, (a, _) => KqlValue.FromString(Regex.Escape(a[0].ToKqlString()))));
        all.Add(new("isascii", 1, 1, Returns(KqlType.Bool), (a, _) => KqlValue.FromBool(Ascii.IsValid(a[0].ToKqlString()))));
        all.Add(new("translate", 3, 3, text, (a, _) => Translate(a[0].ToKqlString(), a[1].ToKqlString(), a[2].ToKqlString())));
        all.Add(new("tohex", 1, 2, text, (a, _) => ToHex(a)));
        all.Add(new("unicode_codepoints_from_string", 1, 1, Returns(KqlType.Dynamic), (a, _) => CodePoints(a[0].ToKqlString())));
        all.Add(new("unicode_codepoints_to_string", 1, 64, text, (a, _) => FromCodePoints(a)));
        all.Add(new("base64_encode_tostring", 1, 1, text, (a, _) => KqlValue.FromString(Convert.ToBase64String(Encoding.UTF8.GetBytes(a[0].ToKqlString())))));
        all.Add(new("base64_decode_tostring", 1, 1, text, (a, _) => KqlValue.FromString(Utf8(Base64(a[0].ToKqlString())))));
        all.Add(new("base64_decode_toarray", 1, 1, Returns(KqlType.Dynamic), (a, _) => Base64(a[0].ToKqlString()) is { } b ? ArrayOf(b.Select(x => (JsonNode?)JsonValue.Create((long)x))) : NullDynamic()));
        all.Add(new("base64_encode_fromarray", 1, 1, text, (a, _) => a[0].Dynamic is JsonArray x ? KqlValue.FromString(Convert.ToBase64String(x.Select(n => DynamicValues.TryGetLong(n, out var v) ? (byte)v : (byte)0).ToArray())) : KqlValue.FromString(string.Empty)));
        all.Add(new("url_encode", 1, 1, text, (a, _) => KqlValue.FromString(System.Web.HttpUtility.UrlEncode(a[0].ToKqlString()))));
        all.Add(new("url_encode_component", 1, 1, text, (a, _) => KqlValue.FromString(System.Web.HttpUtility.UrlEncode(a[0].ToKqlString()).Replace("+", "%20", StringComparison.Ordinal))));
        all.Add(new("url_decode", 1, 1, text, (a, _) => KqlValue.FromString(System.Web.HttpUtility.UrlDecode(a[0].ToKqlString()))));
        all.Add(new("hash", 1, 2, Returns(KqlType.Long), (a, _) => HashXx(a)));
        all.Add(all[^1] with { Name = "hash_xxhash64" });
        all.Add(new("hash_md5", 1, 1, text, (a, _) => Hash(MD5.HashData, a[0])));
        all.Add(new("hash_sha1", 1, 1, text, (a, _) => Hash(SHA1.HashData, a[0])));
        all.Add(new("hash_sha256", 1, 1, text, (a, _) => Hash(SHA256.HashData, a[0])));
    }

    /// <summary>A regex in Kusto's RE2 syntax: <c>(?P&lt;name&gt;...)</c> names a group as .NET's <c>(?&lt;name&gt;...)</c> does.</summary>
    internal static Regex KqlRegex(string pattern) => new(pattern.Replace("(?P<", "(?<", StringComparison.Ordinal), RegexOptions.None, RegexTimeout);

    // replace-strings-function.md: each lookup in turn claims its non-overlapping matches in the text not yet claimed
    // ("the earlier match takes precedence"); a rewrite that is not a string keeps the matched text; matches don't overlap.
    private static KqlValue ReplaceStrings(string text, JsonArray? lookups, JsonArray? rewrites)
    {
        var claimed = new List<(int Start, int Length, string? Rewrite)>();
        for (var i = 0; lookups is not null && i < lookups.Count; i++)
        {
            if (lookups[i] is not JsonValue l || !l.TryGetValue<string>(out var lookup) || lookup.Length == 0)
            {
                continue;
            }

            string? rewrite = rewrites is not null && i < rewrites.Count && rewrites[i] is JsonValue r && r.TryGetValue<string>(out var text2) ? text2 : null;
            for (var at = text.IndexOf(lookup, StringComparison.Ordinal); at >= 0; at = text.IndexOf(lookup, at + 1, StringComparison.Ordinal))
            {
                var start = at;
                if (!claimed.Exists(c => start < c.Start + c.Length && c.Start < start + lookup.Length))
                {
                    claimed.Add((at, lookup.Length, rewrite));
                    at += lookup.Length - 1;
                }
            }
        }

        var builder = new StringBuilder(text.Length);
        var position = 0;
        foreach (var (start, length, rewrite) in claimed.OrderBy(c => c.Start))
        {
            builder.Append(text, position, start - position).Append(rewrite ?? text.Substring(start, length));
            position = start + length;
        }

        return KqlValue.FromString(builder.Append(text, position, text.Length - position).ToString());
    }

    // parse-csv-function.md: the first record's fields; "" inside quotes is a quote; a quoted field may hold newlines.
    private static KqlValue ParseCsv(string text)
    {
        var fields = new JsonArray();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                break;
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return KqlValue.FromDynamic(fields);
    }

    // toguid-function.md: 32 hexadecimal digits, with or without dashes anywhere; the engine has no guid type, so the
    // result is the guid's text (empty when the text is not a guid).
    private static KqlValue ToGuid(string text) =>
        KqlValue.FromString(Guid.TryParseExact(text.Replace("-", string.Empty, StringComparison.Ordinal), "N", out var guid) ? guid.ToString("D") : string.Empty);

    private static KqlValue StrRep(ReadOnlySpan<KqlValue> a)
    {
        var count = (int)Math.Clamp(a[1].IsNull ? 0 : a[1].Long, 0, 1024);
        var value = a[0].ToKqlString();
        var delimiter = a.Length > 2 ? a[2].ToKqlString() : string.Empty;
        return KqlValue.FromString(string.Join(delimiter, Enumerable.Repeat(value, count)));
    }

    // countof-function.md: kind "normal" counts overlapping matches of the substring, "regex" the regex's matches.
    private static KqlValue CountOf(ReadOnlySpan<KqlValue> a)
    {
        var text = a[0].ToKqlString();
        var search = a[1].ToKqlString();
        if (a.Length > 2 && a[2].ToKqlString() == "regex")
        {
            return KqlValue.FromLong(Regex.Matches(text, search, RegexOptions.None, RegexTimeout).Count);
        }

        if (search.Length == 0)
        {
            return KqlValue.FromLong(0);
        }

        var count = 0;
        for (var i = text.IndexOf(search, StringComparison.Ordinal); i >= 0; i = text.IndexOf(search, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return KqlValue.FromLong(count);
    }

    private static KqlValue IndexOfRegex(ReadOnlySpan<KqlValue> a)
    {
        var text = a[0].ToKqlString();
        var start = a.Length > 2 && !a[2].IsNull ? a[2].Long : 0;
        var length = a.Length > 3 && !a[3].IsNull ? a[3].Long : -1;
        var occurrence = a.Length > 4 && !a[4].IsNull ? a[4].Long : 1;
        if (start < 0 || length < -1 || occurrence < 0)
        {
            return KqlValue.Null(KqlType.Long);
        }

        if (start > text.Length)
        {
            return KqlValue.FromLong(-1);
        }

        var end = length == -1 ? text.Length : (int)Math.Min(text.Length, start + length);
        var regex = KqlRegex(a[1].ToKqlString());
        var match = regex.Match(text[..end], (int)start);
        for (var i = 1; i < occurrence && match.Success; i++)
        {
            match = match.NextMatch();
        }

        return KqlValue.FromLong(match.Success ? match.Index : -1);
    }

    // extract-all-function.md: one capture group gives an array of strings, several an array of arrays; no match is null.
    private static KqlValue ExtractAll(ReadOnlySpan<KqlValue> a)
    {
        var regex = KqlRegex(a[0].ToKqlString());
        var source = a[^1].ToKqlString();
        var groups = a.Length == 3 && a[1].Dynamic is JsonArray wanted
            ? wanted.Select(g => DynamicValues.TryGetLong(g, out var n) ? regex.GroupNumberFromName(n.ToString(CultureInfo.InvariantCulture)) is var k and >= 0 ? k : (int)n : regex.GroupNumberFromName(ElementText(g))).ToList()
            : Enumerable.Range(1, Math.Max(1, regex.GetGroupNumbers().Length - 1)).ToList();
        var matches = regex.Matches(source);
        if (matches.Count == 0)
        {
            return NullDynamic();
        }

        var result = new JsonArray();
        foreach (Match match in matches)
        {
            if (groups.Count == 1)
            {
                result.Add(match.Groups[groups[0]].Value);
            }
            else
            {
                result.Add(new JsonArray(groups.Select(g => (JsonNode?)JsonValue.Create(match.Groups[g].Value)).ToArray()));
            }
        }

        return KqlValue.FromDynamic(result);
    }

    // translate-function.md: each character of searchList becomes the one at the same place in replacementList
    // (the last one when replacementList is shorter); an empty replacementList removes them.
    private static KqlValue Translate(string searchList, string replacementList, string source)
    {
        var builder = new StringBuilder(source.Length);
        foreach (var c in source)
        {
            var i = searchList.IndexOf(c, StringComparison.Ordinal);
            if (i < 0)
            {
                builder.Append(c);
            }
            else if (replacementList.Length > 0)
            {
                builder.Append(replacementList[Math.Min(i, replacementList.Length - 1)]);
            }
        }

        return KqlValue.FromString(builder.ToString());
    }

    // tohex-function.md: two's complement, 64-bit for long and 32-bit for int; min_length pads with zeros.
    private static KqlValue ToHex(ReadOnlySpan<KqlValue> a)
    {
        if (a[0].IsNull || a[0].Type is not (KqlType.Int or KqlType.Long))
        {
            return KqlValue.FromString(string.Empty);
        }

        var hex = a[0].Type == KqlType.Int ? ((int)a[0].Long).ToString("x", CultureInfo.InvariantCulture) : a[0].Long.ToString("x", CultureInfo.InvariantCulture);
        var width = a.Length > 1 && !a[1].IsNull ? (int)a[1].Long : 0;
        return KqlValue.FromString(hex.PadLeft(width, '0'));
    }

    private static KqlValue CodePoints(string text)
    {
        var result = new JsonArray();
        foreach (var rune in text.EnumerateRunes())
        {
            result.Add((long)rune.Value);
        }

        return KqlValue.FromDynamic(result);
    }

    // unicode-codepoints-to-string-function.md: each argument a code point or an array of them.
    private static KqlValue FromCodePoints(ReadOnlySpan<KqlValue> a)
    {
        var builder = new StringBuilder();
        foreach (var value in a)
        {
            IEnumerable<JsonNode?> points = value.Dynamic is JsonArray array ? array : [DynamicValues.From(value)];
            foreach (var point in points)
            {
                if (DynamicValues.TryGetLong(point, out var v) && v is >= 0 and <= 0x10FFFF && Rune.IsValid((int)v))
                {
                    builder.Append(new Rune((int)v).ToString());
                }
            }
        }

        return KqlValue.FromString(builder.ToString());
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // base64-decode-tostring-function.md: bytes that are not valid UTF-8 give an empty result.
    private static string Utf8(byte[]? bytes)
    {
        try
        {
            return bytes is null ? string.Empty : StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return string.Empty;
        }
    }

    private static byte[]? Base64(string text)
    {
        var buffer = new byte[((text.Length * 3) / 4) + 3];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }

    // hash-function.md: XXH64 of the value's bytes (a string's UTF-8, a number's or datetime's 8 little-endian bytes);
    // with mod, a value from 0 to mod - 1.
    private static KqlValue HashXx(ReadOnlySpan<KqlValue> a)
    {
        var v = a[0];
        if (v.IsNull)
        {
            return KqlValue.Null(KqlType.Long);
        }

        byte[] data = v.Type switch
        {
            KqlType.Real => BitConverter.GetBytes(v.Real),
            KqlType.Bool => [(byte)(v.Bool ? 1 : 0)],
            KqlType.Int or KqlType.Long or KqlType.DateTime or KqlType.TimeSpan => BitConverter.GetBytes(v.Long),
            _ => Encoding.UTF8.GetBytes(v.ToKqlString()),
        };
        var hash = (long)XxHash64.Hash(data);
        if (a.Length < 2)
        {
            return KqlValue.FromLong(hash);
        }

        return a[1].IsNull || a[1].Long <= 0 ? KqlValue.Null(KqlType.Long) : KqlValue.FromLong((long)((ulong)hash % (ulong)a[1].Long));
    }

    // hash-md5-function.md: the hash of the value's text (hash_md5(datetime(2020-01-01)) hashes its tostring()), in lower-case hex.
    private static KqlValue Hash(Func<byte[], byte[]> hash, in KqlValue value) =>
        value.IsNull ? KqlValue.FromString(string.Empty) : KqlValue.FromString(Convert.ToHexStringLower(hash(Encoding.UTF8.GetBytes(value.ToKqlString()))));
}
