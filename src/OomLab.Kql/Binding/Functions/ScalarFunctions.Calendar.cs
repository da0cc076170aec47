using System.Globalization;
using System.Text;
using OomLab.Kql.Evaluation;

namespace OomLab.Kql.Binding;

/// <summary>Building datetimes and timespans, differences in calendar units, period ends, aligned bins, timespan formats.</summary>
internal static partial class ScalarFunctions
{
    private static void AddMoreDateTimes(List<ScalarFunction> all)
    {
        var date = Returns(KqlType.DateTime, IsDateTime);
        all.Add(new("make_datetime", 1, 7, Returns(KqlType.DateTime), (a, _) => MakeDateTime(a)));
        all.Add(new("make_timespan", 1, 5, Returns(KqlType.TimeSpan), (a, _) => MakeTimeSpan(a)));
        all.Add(new("datetime_diff", 3, 3, Returns(KqlType.Long, t => t[1] == KqlType.DateTime && t[2] == KqlType.DateTime), (a, _) => DateDiff(a[0].ToKqlString(), a[1], a[2])));
        all.Add(new("endofweek", 1, 2, date, (a, _) => { var o = Offset(a); return Date(a[0], t => t.Date.AddDays(7 - (int)t.DayOfWeek + (7 * o)).AddTicks(-1)); }));
        all.Add(new("endofmonth", 1, 2, date, (a, _) => { var o = Offset(a); return Date(a[0], t => new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths((int)o + 1).AddTicks(-1)); }));
        all.Add(new("endofyear", 1, 2, date, (a, _) => { var o = Offset(a); return Date(a[0], t => new DateTime(t.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddYears((int)o + 1).AddTicks(-1)); }));
        all.Add(new("dayofmonth", 1, 1, Returns(KqlType.Int, IsDateTime), (a, _) => Part(a[0], t => t.Day)));
        all.Add(new("dayofyear", 1, 1, Returns(KqlType.Int, IsDateTime), (a, _) => Part(a[0], t => t.DayOfYear)));
        all.Add(new("monthofyear", 1, 1, Returns(KqlType.Int, IsDateTime), (a, _) => Part(a[0], t => t.Month)));
        all.Add(new("week_of_year", 1, 1, Returns(KqlType.Int, IsDateTime), (a, _) => Part(a[0], ISOWeek.GetWeekOfYear)));
        all.Add(all[^1] with { Name = "weekofyear" });
        all.Add(new("unixtime_milliseconds_todatetime", 1, 1, Returns(KqlType.DateTime), (a, _) => Unix(a[0], TimeSpan.TicksPerMillisecond)));
        all.Add(new("unixtime_microseconds_todatetime", 1, 1, Returns(KqlType.DateTime), (a, _) => Unix(a[0], 10)));
        all.Add(new("unixtime_nanoseconds_todatetime", 1, 1, Returns(KqlType.DateTime), (a, _) => Unix(a[0], 0.01)));
        all.Add(new("bin_at", 3, 3, t => t[0] == KqlType.Int ? KqlType.Long : t[0], (a, _) => BinAt(a[0], a[1], a[2])));
        all.Add(new("around", 3, 3, Returns(KqlType.Bool), (a, _) => a[0].AsReal() is { } v && a[1].AsReal() is { } c && a[2].AsReal() is { } d ? KqlValue.FromBool(v >= c - d && v <= c + d) : KqlValue.Null(KqlType.Bool)));
        all.Add(new("datetime_utc_to_local", 2, 2, Returns(KqlType.DateTime, t => t[0] == KqlType.DateTime), (a, _) => ToZone(a[0], a[1].ToKqlString(), toLocal: true)));
        all.Add(new("datetime_local_to_utc", 2, 2, Returns(KqlType.DateTime, t => t[0] == KqlType.DateTime), (a, _) => ToZone(a[0], a[1].ToKqlString(), toLocal: false)));
        all.Add(new("format_timespan", 2, 2, Returns(KqlType.String, t => t[0] == KqlType.TimeSpan), (a, _) => a[0].IsNull ? KqlValue.FromString(string.Empty) : KqlValue.FromString(FormatTimeSpan(new TimeSpan(a[0].Long), a[1].ToKqlString()))));
    }

    // datetime-utc-to-local-function.md, datetime-local-to-utc-function.md: IANA time zone names; a local time that a
    // clock change skips takes the offset after the change (Europe/Brussels 2022-03-27 02:00 is 00:00 UTC). An unknown zone is null.
    private static KqlValue ToZone(in KqlValue value, string zone, bool toLocal)
    {
        if (value.IsNull || !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var tz))
        {
            return KqlValue.Null(KqlType.DateTime);
        }

        var t = new DateTime(value.Long, DateTimeKind.Unspecified);
        if (toLocal)
        {
            return KqlValue.FromLong(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(t, DateTimeKind.Utc), tz).Ticks, KqlType.DateTime);
        }

        var offset = tz.IsInvalidTime(t) ? tz.GetUtcOffset(t.AddHours(1)) : tz.GetUtcOffset(t);
        return KqlValue.FromLong((t - offset).Ticks, KqlType.DateTime);
    }

    private static KqlValue Part(in KqlValue value, Func<DateTime, int> part) =>
        value.IsNull ? KqlValue.Null(KqlType.Int) : KqlValue.FromLong(part(new DateTime(value.Long, DateTimeKind.Utc)), KqlType.Int);

    private static KqlValue Unix(in KqlValue value, double ticksPerUnit) =>
        value.AsReal() is { } v ? KqlValue.FromLong(DateTime.UnixEpoch.Ticks + (long)Math.Round(v * ticksPerUnit), KqlType.DateTime) : KqlValue.Null(KqlType.DateTime);

    // make-datetime-function.md: year, month, day[, hour, minute, second (real)]; an invalid date is null.
    private static KqlValue MakeDateTime(ReadOnlySpan<KqlValue> a)
    {
        var parts = new double[6];
        parts[1] = parts[2] = 1;
        for (var i = 0; i < a.Length && i < 6; i++)
        {
            if (a[i].AsReal() is not { } v)
            {
                return KqlValue.Null(KqlType.DateTime);
            }

            parts[i] = v;
        }

        try
        {
            var t = new DateTime((int)parts[0], (int)parts[1], (int)parts[2], (int)parts[3], (int)parts[4], 0, DateTimeKind.Utc).AddTicks((long)Math.Round(parts[5] * TimeSpan.TicksPerSecond));
            return KqlValue.FromLong(t.Ticks, KqlType.DateTime);
        }
        catch (ArgumentOutOfRangeException)
        {
            return KqlValue.Null(KqlType.DateTime);
        }
    }

    // make-timespan-function.md: (hour, minute), (hour, minute, second) or (day, hour, minute, second).
    private static KqlValue MakeTimeSpan(ReadOnlySpan<KqlValue> a)
    {
        var values = new double[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i].AsReal() is not { } v)
            {
                return KqlValue.Null(KqlType.TimeSpan);
            }

            values[i] = v;
        }

        double[] units = a.Length switch
        {
            1 => [TimeSpan.TicksPerHour],
            2 => [TimeSpan.TicksPerHour, TimeSpan.TicksPerMinute],
            3 => [TimeSpan.TicksPerHour, TimeSpan.TicksPerMinute, TimeSpan.TicksPerSecond],
            _ => [TimeSpan.TicksPerDay, TimeSpan.TicksPerHour, TimeSpan.TicksPerMinute, TimeSpan.TicksPerSecond, 1],
        };
        return KqlValue.FromLong((long)Math.Round(values.Zip(units).Sum(p => p.First * p.Second)), KqlType.TimeSpan);
    }

    // datetime-diff-function.md: the number of unit boundaries crossed from the second datetime to the first.
    private static KqlValue DateDiff(string part, in KqlValue first, in KqlValue second)
    {
        if (first.IsNull || second.IsNull)
        {
            return KqlValue.Null(KqlType.Long);
        }

        var a = new DateTime(first.Long, DateTimeKind.Utc);
        var b = new DateTime(second.Long, DateTimeKind.Utc);
        static long Floor(long ticks, long unit) => FloorDiv(ticks, unit);
        long result = part.ToLowerInvariant() switch
        {
            "year" => a.Year - b.Year,
            "quarter" => ((a.Year - b.Year) * 4) + ((a.Month - 1) / 3) - ((b.Month - 1) / 3),
            "month" => ((a.Year - b.Year) * 12) + a.Month - b.Month,
            "week" => Floor(a.Date.AddDays(-(int)a.DayOfWeek).Ticks, TimeSpan.TicksPerDay * 7) - Floor(b.Date.AddDays(-(int)b.DayOfWeek).Ticks, TimeSpan.TicksPerDay * 7),
            "day" => Floor(a.Ticks, TimeSpan.TicksPerDay) - Floor(b.Ticks, TimeSpan.TicksPerDay),
            "hour" => Floor(a.Ticks, TimeSpan.TicksPerHour) - Floor(b.Ticks, TimeSpan.TicksPerHour),
            "minute" => Floor(a.Ticks, TimeSpan.TicksPerMinute) - Floor(b.Ticks, TimeSpan.TicksPerMinute),
            "second" => Floor(a.Ticks, TimeSpan.TicksPerSecond) - Floor(b.Ticks, TimeSpan.TicksPerSecond),
            "millisecond" => Floor(a.Ticks, TimeSpan.TicksPerMillisecond) - Floor(b.Ticks, TimeSpan.TicksPerMillisecond),
            "microsecond" => Floor(a.Ticks, 10) - Floor(b.Ticks, 10),
            "nanosecond" => (a.Ticks - b.Ticks) * 100,
            _ => throw new ArgumentException($"unknown datetime part '{part}'"),
        };
        return KqlValue.FromLong(result);
    }

    // bin-at-function.md: bins of the given size aligned so that fixed_point starts a bin.
    private static KqlValue BinAt(in KqlValue value, in KqlValue size, in KqlValue anchor)
    {
        var type = value.Type == KqlType.Int ? KqlType.Long : value.Type;
        if (value.IsNull || size.IsNull || anchor.IsNull)
        {
            return KqlValue.Null(type);
        }

        if (type.IsInt64Backed() && size.Type.IsInt64Backed() && anchor.Type.IsInt64Backed())
        {
            return size.Long <= 0 ? KqlValue.Null(type) : KqlValue.FromLong((FloorDiv(value.Long - anchor.Long, size.Long) * size.Long) + anchor.Long, type);
        }

        var v = value.AsReal() ?? 0;
        var s = size.AsReal() ?? 0;
        var f = anchor.AsReal() ?? 0;
        return s <= 0 ? KqlValue.Null(KqlType.Real) : KqlValue.FromReal((Math.Floor((v - f) / s) * s) + f);
    }

    // format-timespan-function.md: d (days), h/H, m, s, f (fractions, zeros kept), F (fractions, trailing zeros dropped), [] and other text copied.
    private static string FormatTimeSpan(TimeSpan value, string format)
    {
        var builder = new StringBuilder();
        var i = 0;
        var span = value.Duration();
        while (i < format.Length)
        {
            var c = format[i];
            var run = 1;
            while (i + run < format.Length && format[i + run] == c)
            {
                run++;
            }

            var fraction = (span.Ticks % TimeSpan.TicksPerSecond).ToString("0000000", CultureInfo.InvariantCulture);
            builder.Append(c switch
            {
                'd' => span.Days.ToString(new string('0', run), CultureInfo.InvariantCulture),
                'h' or 'H' => span.Hours.ToString(new string('0', run), CultureInfo.InvariantCulture),
                'm' => span.Minutes.ToString(new string('0', run), CultureInfo.InvariantCulture),
                's' => span.Seconds.ToString(new string('0', run), CultureInfo.InvariantCulture),
                'f' => fraction[..Math.Min(run, 7)],
                'F' => fraction[..Math.Min(run, 7)].TrimEnd('0'),
                _ => new string(c, run),
            });
            i += run;
        }

        return (value.Ticks < 0 ? "-" : string.Empty) + builder;
    }
}
