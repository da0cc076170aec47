using OomLab.Configuration;

namespace OomLab.Tests.Configuration;

public sealed class AppSettingsTests
{
    [Fact]
    public void Assignments_become_settings_and_the_last_one_wins()
    {
        var settings = AppSettings.Parse(["BLOB_BATCH_SIZE=4", "X=a=b", "EMPTY=", "BLOB_BATCH_SIZE=2"]);

        settings["BLOB_BATCH_SIZE"].ShouldBe("2");
        settings["X"].ShouldBe("a=b");
        settings["EMPTY"].ShouldBe(string.Empty);
    }

    [Theory]
    [InlineData("NOEQUALS")]
    [InlineData("=value")]
    public void An_assignment_without_a_key_is_refused(string text) =>
        Should.Throw<SettingsException>(() => AppSettings.Parse([text]))
            .Message.ShouldBe(SettingsMessages.Assignment("--setting", text));

    [Fact]
    public void The_environment_is_read()
    {
        Environment.SetEnvironmentVariable("OOMLAB_TEST_SETTING", "7");

        AppSettings.FromEnvironment()["OOMLAB_TEST_SETTING"].ShouldBe("7");
    }
}
