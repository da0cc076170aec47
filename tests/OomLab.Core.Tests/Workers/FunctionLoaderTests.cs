using OomLab.Tests.Support;
using OomLab.Workers;

namespace OomLab.Tests.Workers;

public sealed class FunctionLoaderTests
{
    [Theory]
    [InlineData("BlobBufferProcessor")]
    [InlineData("blobstreamprocessor")]
    public void Loads_a_function_by_name_from_an_assembly_path_in_its_own_context(string name)
    {
        var loaded = FunctionLoader.Load(OomLabExecutable.SampleFunctions, name);

        loaded.Name.ShouldBe(name, StringCompareShould.IgnoreCase);
        System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(loaded.Type.Assembly)
            .ShouldNotBe(System.Runtime.Loader.AssemblyLoadContext.Default);
    }

    [Fact]
    public void An_unknown_function_lists_the_ones_available()
    {
        var error = Should.Throw<FunctionLoadException>(() => FunctionLoader.Load(OomLabExecutable.SampleFunctions, "Nope"));

        error.Message.ShouldBe(WorkerErrors.UnknownFunction("Nope", OomLabExecutable.SampleFunctions, [
            "BlobBufferProcessor", "BlobStreamProcessor", "EnrichOrderRecords", "ProcessOrderHttpTrigger", "RenderPdfActivity",
            "RollupMeterReadings", "SubmitOrderToFulfillment", "SyncCustomerRecords",
        ]));
        error.FunctionName.ShouldBe("Nope");
    }

    [Fact]
    public void A_missing_assembly_is_named()
    {
        var error = Should.Throw<FunctionLoadException>(() => FunctionLoader.Load("/no/such/Functions.dll", "X"));

        error.Message.ShouldBe(WorkerErrors.AssemblyNotFound("/no/such/Functions.dll"));
        error.ExitCode.ShouldBe(2);
    }

    [Fact]
    public void A_file_that_is_not_an_assembly_is_named()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("Broken.dll");
        File.WriteAllText(path, "not an assembly");

        var error = Should.Throw<FunctionLoadException>(() => FunctionLoader.Load(path, "X"));

        error.Message.ShouldStartWith($"functions assembly cannot be loaded: {path} (--functions)");
    }
}
