using System.Runtime.CompilerServices;

// The kb command tests call the stdin loop directly with a StringReader.
[assembly: InternalsVisibleTo("SunshineBot.Cli.Tests")]
