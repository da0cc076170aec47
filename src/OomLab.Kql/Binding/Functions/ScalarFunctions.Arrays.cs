using System.Text.Json.Nodes;
using OomLab.Kql.Evaluation;

namespace OomLab.Kql.Binding;

/// <summary>Arrays, sets and property bags (array-*-function.md, set-*-function.md, bag-*-function.md, zip, range).</summary>
internal static partial class ScalarFunctions
{
    private static void AddArrays(List<ScalarFunction> all)
    {
        var dynamic = Returns(KqlType.Dynamic);
        all.Add(new("array_concat", 1, 64, dynamic, (a, _) => Arrays(a, out var arrays) ? ArrayOf(arrays.SelectMany(x => x)) : NullDynamic()));
        all.Add(new("array_reverse", 1, 1, dynamic, (a, _) => a[0].Dynamic is JsonArray x ? ArrayOf(x.Reverse()) : NullDynamic()));
        all.Add(new("array_sum", 1, 1, Returns(KqlType.Real), (a, _) => a[0].Dynamic is JsonArray x ? ArraySum(x) : KqlValue.Null(KqlType.Real)));
        all.Add(new("array_slice", 3, 3, dynamic, (a, _) => a[0].Dynamic is JsonArray x ? Slice(x, a[1].Long, a[2].Long) : NullDynamic()));
        all.Add(new("array_shift_left", 2, 3, dynamic, (a, _) => a[0].Dynamic is JsonArray x ? Shift(x, -a[1].Long, a.Length > 2 ? a[2] : default, a.Length > 2) : NullDynamic()));
        all.Add(new("array_shift_right", 2, 3, dynamic, (a, _) => a[0].Dynamic is JsonArray x ? Shift(x, a[1].Long, a.Length > 2 ? a[2] : default, a.Length > 2) : NullDynamic()));
        all.Add(new("array_rotate_left", 2, 2, dynamic, (a, _) => a[0].Dynamic is JsonArray x ? Rotate(x, -a[1].Long) : NullDynamic()));
        all.Add(new("array_rotate_right", 2, 2, dynamic, (a, _) => a[0].Dynamic is JsonArray x ? Rotate(x, a[1].Long) : NullDynamic()));
        all.Add(new("array_sort_asc", 1, 2, dynamic, (a, _) => a[0].Dynamic is JsonArray x ? Sort(x, 1, a.Length < 2 || a[1].IsNull || a[1].Bool) : NullDynamic()));
        all.Add(new("array_sort_desc", 1, 2, dynamic, (a, _) => a[0].Dynamic is JsonArray x ? Sort(x, -1, a.Length < 2 || a[1].IsNull || a[1].Bool) : NullDynamic()));
        all.Add(new("array_index_of", 2, 5, Returns(KqlType.Long), (a, _) => a[0].Dynamic is JsonArray x ? ArrayIndexOf(x, a) : KqlValue.Null(KqlType.Long)));
        all.Add(new("array_split", 2, 2, dynamic, (a, _) => a[0].Dynamic is JsonArray x ? ArraySplit(x, a[1]) : NullDynamic()));
        all.Add(new("array_iff", 3, 3, dynamic, (a, _) => a[0].Dynamic is JsonArray x ? ArrayIff(x, a[1], a[2]) : NullDynamic()));
        all.Add(all[^1] with { Name = "array_iif" });
        all.Add(new("strcat_array", 2, 2, Returns(KqlType.String), (a, _) => KqlValue.FromString(a[0].Dynamic is JsonArray x ? string.Join(a[1].ToKqlString(), x.Select(ElementText)) : string.Empty)));
        all.Add(new("zip", 2, 16, dynamic, (a, _) => Arrays(a, out var arrays) ? Zip(arrays) : NullDynamic()));
        all.Add(new("set_union", 2, 64, dynamic, (a, _) => Arrays(a, out var arrays) ? ArrayOf(Distinct(arrays.SelectMany(x => x))) : NullDynamic()));
        all.Add(new("set_intersect", 2, 64, dynamic, (a, _) => Arrays(a, out var arrays) ? ArrayOf(Distinct(arrays[0]).Where(v => arrays.Skip(1).All(o => o.Any(w => JsonNode.DeepEquals(v, w))))) : NullDynamic()));
        all.Add(new("set_difference", 2, 64, dynamic, (a, _) => Arrays(a, out var arrays) ? ArrayOf(Distinct(arrays[0]).Where(v => !arrays.Skip(1).Any(o => o.Any(w => JsonNode.DeepEquals(v, w))))) : NullDynamic()));
        all.Add(new("set_has_element", 2, 2, Returns(KqlType.Bool), (a, _) => a[0].Dynamic is JsonArray x ? HasElement(x, DynamicValues.From(a[1])) : KqlValue.Null(KqlType.Bool)));
        all.Add(new("jaccard_index", 2, 2, Returns(KqlType.Real), (a, _) => a[0].Dynamic is JsonArray x && a[1].Dynamic is JsonArray y ? Jaccard(x, y) : KqlValue.Null(KqlType.Real)));
        all.Add(new("range", 2, 3, dynamic, (a, _) => RangeArray(a)));
        all.Add(new("bag_has_key", 2, 2, Returns(KqlType.Bool), (a, _) => KqlValue.FromBool(a[0].Dynamic is JsonObject o && HasKey(o, a[1].ToKqlString()))));
        all.Add(new("bag_zip", 2, 2, dynamic, (a, _) => a[0].Dynamic is JsonArray keys ? BagZip(keys, a[1].Dynamic as JsonArray ?? []) : NullDynamic()));
        all.Add(new("bag_set_key", 3, 3, dynamic, (a, _) => a[0].Dynamic is JsonObject o ? BagSetKey(o, a[1].ToKqlString(), DynamicValues.From(a[2])) : NullDynamic()));
        all.Add(new("bag_merge", 2, 64, dynamic, (a, _) => BagMerge(a)));
        all.Add(new("bag_remove_keys", 2, 2, dynamic, (a, _) => a[0].Dynamic is JsonObject o && a[1].Dynamic is JsonArray keys ? BagRemove(o, keys) : NullDynamic()));
    }

    private static KqlValue NullDynamic() => KqlValue.Null(KqlType.Dynamic);

    private static KqlValue ArrayOf(IEnumerable<JsonNode?> items) => KqlValue.FromDynamic(new JsonArray(items.Select(i => i?.DeepClone()).ToArray()));

    private static string ElementText(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? string.Empty;

    private static bool Arrays(ReadOnlySpan<KqlValue> a, out List<JsonArray> arrays)
    {
        arrays = [];
        foreach (var v in a)
        {
            if (v.Dynamic is not JsonArray array)
            {
                return false;
            }

            arrays.Add(array);
        }

        return true;
    }

    private static IEnumerable<JsonNode?> Distinct(IEnumerable<JsonNode?> items)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return items.Where(i => seen.Add(i?.ToJsonString() ?? "null"));
    }

    // bag-has-key-function.md: a key, or a JSONPath such as $.key2.prop1.
    private static bool HasKey(JsonObject bag, string key)
    {
        if (!key.StartsWith("$.", StringComparison.Ordinal))
        {
            return bag.ContainsKey(key);
        }

        JsonNode? node = bag;
        foreach (var part in key[2..].Split('.'))
        {
            if (node is not JsonObject o || !o.TryGetPropertyValue(part, out node))
            {
                return false;
            }
        }

        return true;
    }

    private static KqlValue HasElement(JsonArray x, JsonNode? target) => KqlValue.FromBool(x.Any(v => JsonNode.DeepEquals(v, target)));

    private static KqlValue ArraySum(JsonArray x)
    {
        double total = 0;
        foreach (var item in x)
        {
            if (DynamicValues.ToScalar(item).AsReal() is not { } v)
            {
                return KqlValue.Null(KqlType.Real);
            }

            total += v;
        }

        return KqlValue.FromReal(total);
    }

    // array-slice-function.md: negative indexes count from the end; the end index is inclusive.
    private static KqlValue Slice(JsonArray x, long start, long end)
    {
        var n = x.Count;
        start = start < 0 ? Math.Max(0, n + start) : start;
        end = end < 0 ? n + end : Math.Min(end, n - 1);
        return start > end || start >= n ? ArrayOf([]) : ArrayOf(x.Skip((int)start).Take((int)(end - start + 1)));
    }

    private static KqlValue Shift(JsonArray x, long by, in KqlValue fill, bool hasFill)
    {
        var n = x.Count;
        var result = new JsonNode?[n];
        var filler = hasFill ? DynamicValues.From(fill) : null;
        for (var i = 0; i < n; i++)
        {
            var from = i - by;
            result[i] = from >= 0 && from < n ? x[(int)from]?.DeepClone() : filler?.DeepClone();
        }

        return KqlValue.FromDynamic(new JsonArray(result));
    }

    private static KqlValue Rotate(JsonArray x, long by)
    {
        var n = x.Count;
        if (n == 0)
        {
            return ArrayOf([]);
        }

        var shift = (int)(((by % n) + n) % n);
        return ArrayOf(Enumerable.Range(0, n).Select(i => x[((i - shift) % n + n) % n]));
    }

    // array-sort-asc-function.md: nulls go last unless nulls_last is false.
    private static KqlValue Sort(JsonArray x, int sign, bool nullsLast)
    {
        var values = x.Select(n => (Node: n, Value: DynamicValues.ToScalar(n))).ToList();
        var present = values.Where(v => !v.Value.IsNull).ToList();
        present.Sort((p, q) => ValueComparer.Compare(p.Value, q.Value) * sign);
        var nulls = values.Where(v => v.Value.IsNull).Select(v => v.Node);
        var sorted = present.Select(p => p.Node);
        return ArrayOf(nullsLast ? sorted.Concat(nulls) : nulls.Concat(sorted));
    }

    // array-index-of-function.md: array_index_of(array, value[, start[, length[, occurrence]]]), -1 when not found.
    private static KqlValue ArrayIndexOf(JsonArray x, ReadOnlySpan<KqlValue> a)
    {
        var target = DynamicValues.From(a[1]);
        var start = a.Length > 2 && !a[2].IsNull ? a[2].Long : 0;
        var length = a.Length > 3 && !a[3].IsNull ? a[3].Long : -1;
        var occurrence = a.Length > 4 && !a[4].IsNull ? a[4].Long : 1;
        if (length < -1 || occurrence < 0)
        {
            return KqlValue.Null(KqlType.Long);
        }

        start = start < 0 ? Math.Max(0, x.Count + start) : start;
        var end = length == -1 ? x.Count : Math.Min(x.Count, start + length);
        var seen = 0L;
        for (var i = (int)start; i < end; i++)
        {
            if (JsonNode.DeepEquals(x[i], target) && ++seen == Math.Max(1, occurrence))
            {
                return KqlValue.FromLong(i);
            }
        }

        return KqlValue.FromLong(-1);
    }

    private static KqlValue ArraySplit(JsonArray x, in KqlValue indexes)
    {
        var cuts = (indexes.Dynamic is JsonArray list ? list.Select(i => DynamicValues.TryGetLong(i, out var v) ? v : 0) : [indexes.Long])
            .Select(i => (int)Math.Clamp(i < 0 ? x.Count + i : i, 0, x.Count)).ToList();
        var parts = new JsonArray();
        var from = 0;
        foreach (var cut in cuts.Append(x.Count))
        {
            parts.Add(new JsonArray(x.Skip(from).Take(Math.Max(0, cut - from)).Select(n => n?.DeepClone()).ToArray()));
            from = Math.Max(from, cut);
        }

        return KqlValue.FromDynamic(parts);
    }

    // array-iff-function.md: element-wise; a scalar when_true/when_false applies to every element; a non-bool condition gives null.
    private static KqlValue ArrayIff(JsonArray conditions, in KqlValue whenTrue, in KqlValue whenFalse)
    {
        var t = whenTrue.Dynamic as JsonArray;
        var f = whenFalse.Dynamic as JsonArray;
        var yes = t is null ? DynamicValues.From(whenTrue) : null;
        var no = f is null ? DynamicValues.From(whenFalse) : null;
        var result = new JsonArray();
        for (var i = 0; i < conditions.Count; i++)
        {
            var condition = ToBool(DynamicValues.ToScalar(conditions[i]));
            JsonNode? pick = condition.IsNull ? null
                : condition.Bool ? (t is null ? yes : i < t.Count ? t[i] : null)
                : (f is null ? no : i < f.Count ? f[i] : null);
            result.Add(pick?.DeepClone());
        }

        return KqlValue.FromDynamic(result);
    }

    // zip-function.md: the i-th elements of each array together; a shorter array contributes null.
    private static KqlValue Zip(List<JsonArray> arrays)
    {
        var n = arrays.Max(x => x.Count);
        return ArrayOf(Enumerable.Range(0, n).Select(i => (JsonNode?)new JsonArray(arrays.Select(x => i < x.Count ? x[i]?.DeepClone() : null).ToArray())));
    }

    private static KqlValue Jaccard(JsonArray x, JsonArray y)
    {
        var a = Distinct(x).Select(n => n?.ToJsonString() ?? "null").ToHashSet(StringComparer.Ordinal);
        var b = Distinct(y).Select(n => n?.ToJsonString() ?? "null").ToHashSet(StringComparer.Ordinal);
        var union = a.Union(b).Count();
        return KqlValue.FromReal(union == 0 ? double.NaN : (double)a.Intersect(b).Count() / union);
    }

    // range-function.md: range(start, stop[, step]) of numbers, datetimes or timespans; step defaults to 1 (or 1h for datetimes).
    private static KqlValue RangeArray(ReadOnlySpan<KqlValue> a)
    {
        if (a[0].IsNull || a[1].IsNull || (a.Length > 2 && a[2].IsNull))
        {
            return NullDynamic();
        }

        var result = new JsonArray();
        if (a[0].Type is KqlType.DateTime or KqlType.TimeSpan)
        {
            var step = a.Length > 2 ? a[2].Long : TimeSpan.TicksPerHour;
            for (var t = a[0].Long; step > 0 ? t <= a[1].Long : t >= a[1].Long; t += step)
            {
                if (step == 0 || result.Count >= 1_048_576)
                {
                    break;
                }

                result.Add(DynamicValues.From(KqlValue.FromLong(t, a[0].Type)));
            }

            return KqlValue.FromDynamic(result);
        }

        var integers = a[0].Type.IsInteger() && a[1].Type.IsInteger() && (a.Length < 3 || a[2].Type.IsInteger());
        var start = a[0].AsReal() ?? 0;
        var stop = a[1].AsReal() ?? 0;
        var by = a.Length > 2 ? a[2].AsReal() ?? 1 : 1;
        for (var i = 0; by != 0 && result.Count < 1_048_576; i++)
        {
            var v = start + (i * by);
            if (by > 0 ? v > stop : v < stop)
            {
                break;
            }

            result.Add(integers ? JsonValue.Create((long)v) : JsonValue.Create(v));
        }

        return KqlValue.FromDynamic(result);
    }

    // bag-zip.md: keys that are not strings are skipped; a missing value is null.
    private static KqlValue BagZip(JsonArray keys, JsonArray values)
    {
        var bag = new JsonObject();
        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i] is JsonValue k && k.TryGetValue<string>(out var key))
            {
                bag[key] = i < values.Count ? values[i]?.DeepClone() : null;
            }
        }

        return KqlValue.FromDynamic(bag);
    }

    // bag-set-key-function.md: a key, or a JSONPath ($.a.b) whose missing levels are created.
    private static KqlValue BagSetKey(JsonObject bag, string key, JsonNode? value)
    {
        var copy = (JsonObject)bag.DeepClone();
        var path = key.StartsWith("$.", StringComparison.Ordinal) ? key[2..].Split('.') : [key];
        var node = copy;
        foreach (var part in path[..^1])
        {
            if (node[part] is not JsonObject inner)
            {
                inner = [];
                node[part] = inner;
            }

            node = inner;
        }

        node[path[^1]] = value;
        return KqlValue.FromDynamic(copy);
    }

    private static KqlValue BagMerge(ReadOnlySpan<KqlValue> a)
    {
        var merged = new JsonObject();
        foreach (var v in a)
        {
            if (v.Dynamic is JsonObject bag)
            {
                foreach (var (key, value) in bag)
                {
                    if (!merged.ContainsKey(key))
                    {
                        merged[key] = value?.DeepClone();
                    }
                }
            }
        }

        return KqlValue.FromDynamic(merged);
    }

    private static KqlValue BagRemove(JsonObject bag, JsonArray keys)
    {
        var copy = (JsonObject)bag.DeepClone();
        foreach (var key in keys)
        {
            var path = ElementText(key);
            if (!copy.Remove(path) && path.StartsWith("$.", StringComparison.Ordinal))
            {
                RemovePath(copy, path[2..].Split('.'));
            }
        }

        return KqlValue.FromDynamic(copy);
    }

    private static void RemovePath(JsonObject bag, string[] path)
    {
        var node = bag;
        for (var i = 0; i < path.Length - 1; i++)
        {
            if (node[path[i]] is not JsonObject inner)
            {
                return;
            }

            node = inner;
        }

        node.Remove(path[^1]);
    }
}
