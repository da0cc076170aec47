using OomLab.Cli.Tests.Support;

namespace OomLab.Report.Tests;

public sealed class ReportSourceTests
{
    [Fact]
    public void A_bundle_folder_finds_its_files_and_reports_into_itself()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine(".oomlab"));
        File.WriteAllText(temp.Combine(".oomlab", "telemetry.db"), string.Empty);
        temp.Write("settings.json", "{}");
        temp.Write("diagnosis.json", "{}");

        var source = ReportSource.Resolve(temp.Path);

        source.Telemetry.ShouldBe([temp.Combine(".oomlab", "telemetry.db")]);
        source.Settings.ShouldBe(temp.Combine("settings.json"));
        source.Diagnosis.ShouldBe(temp.Combine("diagnosis.json"));
        source.Verdict.ShouldBeNull();
        source.Session.ShouldBeNull();
        source.DefaultOutput.ShouldBe(temp.Combine("report.html"));
    }

    [Fact]
    public void A_telemetry_file_inside_a_bundle_still_gets_the_bundle()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine(".oomlab"));
        var telemetry = temp.Combine(".oomlab", "telemetry.db");
        File.WriteAllText(telemetry, string.Empty);
        temp.Write("verdict.json", "{}");

        var source = ReportSource.Resolve(telemetry);

        source.Telemetry.ShouldBe([telemetry]);
        source.Verdict.ShouldBe(temp.Combine("verdict.json"));
        source.DefaultOutput.ShouldBe(temp.Combine("report.html"));
    }

    [Fact]
    public void A_bare_telemetry_file_reports_beside_itself()
    {
        using var temp = new TempDirectory();
        var telemetry = temp.Write("run.db", string.Empty);

        var source = ReportSource.Resolve(telemetry);

        source.BundleDirectory.ShouldBeNull();
        source.Settings.ShouldBeNull();
        source.DefaultOutput.ShouldBe(temp.Combine("report.html"));
    }

    [Fact]
    public void A_folder_of_instances_stores_reports_them_as_one_into_itself_and_stores_after_it_join()
    {
        using var temp = new TempDirectory();
        foreach (var folder in new[] { "instances/a/.oomlab", "instances/b/.oomlab", "more" })
        {
            Directory.CreateDirectory(temp.Combine(folder));
        }

        var b = temp.Write("instances/b/.oomlab/telemetry.db", string.Empty);
        var a = temp.Write("instances/a/.oomlab/telemetry.db", string.Empty);
        var more = temp.Write("more/telemetry.db", string.Empty);

        var source = ReportSource.Resolve([temp.Combine("instances"), temp.Combine("more"), a]);

        source.Telemetry.ShouldBe([a, b, more]);
        source.DefaultOutput.ShouldBe(temp.Combine("instances", "report.html"));
    }

    [Fact]
    public void A_missing_path_or_an_empty_folder_is_refused_with_its_name()
    {
        using var temp = new TempDirectory();

        Should.Throw<ReportException>(() => ReportSource.Resolve(temp.Combine("nope"))).Message.ShouldContain("nope");
        Should.Throw<ReportException>(() => ReportSource.Resolve(temp.Path)).Message.ShouldContain(ReportMessages.NotABundle);
    }
}
