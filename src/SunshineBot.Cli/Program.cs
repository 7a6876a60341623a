using System.CommandLine;
using System.Text;
using SunshineBot.Cli;

Console.OutputEncoding = Encoding.UTF8;
Console.InputEncoding = Encoding.UTF8;
return await CliApp.Create().Parse(args).InvokeAsync(new InvocationConfiguration());
