using System.Globalization;
using SunshineBot.Load;

// dotnet bench/SunshineBot.Load/bin/Release/net10.0/SunshineBot.Load.dll run --product /srv/sunshinebot/SunshineBot.Web.dll [options]
//   --provider Sqlite|Postgres  --database CONNECTION (Postgres; a fresh database name, created at start)
//   --connections 200  --followers 200  --duration 15  --warmup 30 --scenarios faq-plain,faq-safe,intake-plain,intake-safe,webchat
//   --kb DIR (default: kb/ of this checkout)  --only product|baseline  --setting Key=Value (extra product setting, repeatable)
// dotnet SunshineBot.Load.dll baseline --urls http://127.0.0.1:5700   the no-work baseline host alone
Console.OutputEncoding = System.Text.Encoding.UTF8;
var options = LoadOptions.Parse(args);
switch (options.Command)
{
    case "baseline":
        await BaselineHost.RunAsync(options.Get("urls", "http://127.0.0.1:5700"));
        return 0;
    case "run":
        return await LoadCommand.RunAsync(options);
    default:
        Console.Error.WriteLine("usage: SunshineBot.Load run --product PATH/SunshineBot.Web.dll [options] | baseline --urls URL");
        return 2;
}

/// <summary>The command line: a command and <c>--name value</c> pairs (<c>--setting</c> may repeat).</summary>
internal sealed class LoadOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public string Command { get; private init; } = "";

    public List<string> Settings { get; } = [];

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions { Command = args.FirstOrDefault() ?? "" };
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            var name = args[i].TrimStart('-');
            if (name == "setting")
            {
                options.Settings.Add(args[i + 1]);
            }
            else
            {
                options._values[name] = args[i + 1];
            }
        }

        return options;
    }

    public string Get(string name, string fallback) => _values.TryGetValue(name, out var v) ? v : fallback;

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public int GetInt(string name, int fallback) => _values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
