using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SunshineBot.Core.Parents;

namespace SunshineBot.Data.Chat;

/// <summary>Stores a <see cref="ParentChannel"/> as its key ("webchat", "wechat"), the values the tables always held.</summary>
internal sealed class ParentChannelConverter() : ValueConverter<ParentChannel, string>(
    channel => channel == ParentChannel.WeChat ? "wechat" : "webchat",
    key => key == "wechat" ? ParentChannel.WeChat : ParentChannel.WebChat)
{
    public static readonly ParentChannelConverter Instance = new();
}
