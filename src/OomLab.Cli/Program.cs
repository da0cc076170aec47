using OomLab.Cli;

return await CliApp.RunAsync(args);
