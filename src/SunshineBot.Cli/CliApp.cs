using System.CommandLine;
using SunshineBot.Cli.Calendar;
using SunshineBot.Cli.Db;
using SunshineBot.Cli.Kb;

namespace SunshineBot.Cli;

/// <summary>The <c>sunshinebot</c> command tree.</summary>
public static class CliApp
{
    public static RootCommand Create()
    {
        var root = new RootCommand("SunshineBot 运维命令行：工作日历、数据库、知识库、台账");
        root.Subcommands.Add(CalendarCommands.Create());
        root.Subcommands.Add(DbCommands.Create());
        root.Subcommands.Add(KbCommands.Create());
        root.Subcommands.Add(WeChat.WeChatCommands.Create());
        root.Subcommands.Add(Users.UsersCommands.Create());
        root.Subcommands.Add(Ledger.LedgerCommands.Create());
        root.Subcommands.Add(Dev.DevCommands.Create());
        root.Subcommands.Add(Reports.ReportCommands.Create());
        root.Subcommands.Add(Privacy.PrivacyCommands.Create());
        return root;
    }
}
