using System.Text;

namespace SunshineBot.WeChat;

/// <summary>
/// One button of the custom menu (自定义菜单). A top-level button either has an action
/// (<see cref="Type"/> <c>click</c> with a <see cref="Key"/>, or <c>view</c> with a <see cref="Url"/>)
/// or holds up to five <see cref="SubButtons"/>.
/// </summary>
public sealed class WeChatMenuButton
{
    /// <summary>The label shown in WeChat.</summary>
    public string Name { get; set; } = "";

    /// <summary><c>click</c> (sends a CLICK event with <see cref="Key"/>) or <c>view</c> (opens <see cref="Url"/>); empty for a group.</summary>
    public string? Type { get; set; }

    /// <summary>The event key of a <c>click</c> button; our flows start from it.</summary>
    public string? Key { get; set; }

    /// <summary>The address a <c>view</c> button opens.</summary>
    public string? Url { get; set; }

    /// <summary>The buttons of a group; empty for an action button.</summary>
    public List<WeChatMenuButton> SubButtons { get; set; } = [];

    /// <summary>Checks a menu against WeChat's documented limits (3 groups, 5 buttons each, byte lengths).</summary>
    public static IReadOnlyList<string> ValidateMenu(IReadOnlyList<WeChatMenuButton> menu)
    {
        ArgumentNullException.ThrowIfNull(menu);
        var problems = new List<string>();
        if (menu.Count > 3)
        {
            problems.Add("WeChat:Menu may have at most 3 top-level buttons.");
        }

        for (var i = 0; i < menu.Count; i++)
        {
            var button = menu[i];
            var path = $"WeChat:Menu:{i}";
            CheckName(button, path, 16, problems);
            if (button.SubButtons.Count > 0)
            {
                if (button.SubButtons.Count > 5)
                {
                    problems.Add($"{path} may have at most 5 sub-buttons.");
                }

                for (var j = 0; j < button.SubButtons.Count; j++)
                {
                    var sub = button.SubButtons[j];
                    var subPath = $"{path}:SubButtons:{j}";
                    CheckName(sub, subPath, 60, problems);
                    if (sub.SubButtons.Count > 0)
                    {
                        problems.Add($"{subPath} cannot have its own sub-buttons.");
                    }

                    CheckAction(sub, subPath, problems);
                }
            }
            else
            {
                CheckAction(button, path, problems);
            }
        }

        return problems;
    }

    private static void CheckName(WeChatMenuButton button, string path, int maxBytes, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(button.Name))
        {
            problems.Add($"{path}:Name is required.");
        }
        else if (Encoding.UTF8.GetByteCount(button.Name) > maxBytes)
        {
            problems.Add($"{path}:Name is longer than {maxBytes} bytes.");
        }
    }

    private static void CheckAction(WeChatMenuButton button, string path, List<string> problems)
    {
        switch (button.Type)
        {
            case "click":
                if (string.IsNullOrWhiteSpace(button.Key) || Encoding.UTF8.GetByteCount(button.Key) > 128)
                {
                    problems.Add($"{path}:Key is required for a click button (at most 128 bytes).");
                }

                break;
            case "view":
                if (!Uri.TryCreate(button.Url, UriKind.Absolute, out _) || Encoding.UTF8.GetByteCount(button.Url!) > 1024)
                {
                    problems.Add($"{path}:Url must be an absolute URL (at most 1024 bytes) for a view button.");
                }

                break;
            default:
                problems.Add($"{path}:Type must be 'click' or 'view'.");
                break;
        }
    }
}
