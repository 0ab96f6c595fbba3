using SupportBot.Host.Cli;

return await SupportBotCli.RunAsync(args, Console.Out, Console.Error, CancellationToken.None).ConfigureAwait(false);
