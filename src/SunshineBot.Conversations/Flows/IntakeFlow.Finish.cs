using System.Globalization;
using System.Text;
using SunshineBot.Conversations.Engine;
using SunshineBot.Conversations.Prompts;
using SunshineBot.Conversations.Services;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Conversations.Flows;

public sealed partial class IntakeFlow
{
    private const string Confirm = "intake:confirm";

    private static readonly QuickReply[] EditChoices =
    [
        new("确认提交", Confirm), new("改学校", "edit:school"), new("改类别", "edit:category"), new("改描述", "edit:description"),
        new("改电话", "edit:phone"), new("取消", "cmd:cancel"),
    ];

    private static OutgoingMessage AskPhotos(TurnContext turn, IntakeForm form)
    {
        var kept = form.Photos.Count + turn.State.HeldPhotos.Count;
        return OutgoingMessage.Say(
            (kept > 0 ? $"已经收到您的{kept}张图片。" : "")
            + $"有收据、缴费通知、聊天截图之类的照片吗？可以直接发图片（最多{turn.Services.Options.MaxPhotos}张）。发完回复“完成”，没有就回复“跳过”。",
            new QuickReply("完成", "完成"), Skip);
    }

    private static Task<StepOutcome> HandlePhotos(TurnContext turn, IntakeForm form, Reply reply)
    {
        var max = turn.Services.Options.MaxPhotos;
        TakeHeldPhotos(turn, form);
        if (reply.Image is { } image)
        {
            if (form.Photos.Count >= max)
            {
                turn.Say($"最多只能传{max}张，这张没有收下。回复“完成”继续。");
                return Task.FromResult(StepOutcome.Stay);
            }

            form.Photos.Add(image);
            turn.Say(form.Photos.Count < max
                ? $"收到第{form.Photos.Count}张。还有可以继续发，发完回复“完成”。"
                : $"收到第{form.Photos.Count}张，已经满{max}张了。回复“完成”继续。", new QuickReply("完成", "完成"));
            return Task.FromResult(StepOutcome.Stay);
        }

        var key = TextNormalizer.Key(reply.Value);
        if (key is "完成" or "好了" or "传完了" or "没了" or "发完了" || Parsers.IsSkip(reply.Value) || YesNo.Recognize(reply.Value) == false)
        {
            return Task.FromResult(StepOutcome.Next);
        }

        return Task.FromResult(StepOutcome.Retry("这一步请发送图片；发完或没有照片，回复“完成”或“跳过”。"));
    }

    private static OutgoingMessage AskAnonymous(TurnContext turn, IntakeForm form) => OutgoingMessage.Say(
        "举报可以实名，也可以匿名：选“匿名举报”就不记录您的姓名和电话，之后在这个对话里回复“查询进度”查看办理情况；实名举报也会严格保密。要匿名吗？",
        new QuickReply("匿名举报", "anon:yes"), new QuickReply("实名举报", "anon:no"));

    private static Task<StepOutcome> HandleAnonymous(TurnContext turn, IntakeForm form, Reply reply)
    {
        var key = TextNormalizer.Key(reply.Value);
        bool? anonymous = reply.Choice switch
        {
            "anon:yes" => true,
            "anon:no" => false,
            _ => key.Contains("实名", StringComparison.Ordinal) ? false : key.Contains("匿名", StringComparison.Ordinal) ? true : YesNo.Recognize(reply.Value),
        };
        if (anonymous is null)
        {
            return Task.FromResult(StepOutcome.Retry("请选“匿名举报”或“实名举报”（回复“匿名”或“实名”也可以）。"));
        }

        form.Anonymous = anonymous;
        if (anonymous.Value)
        {
            form.Name = null;
            form.Phone = null;
        }

        return Task.FromResult(StepOutcome.Next);
    }

    private static OutgoingMessage AskConfidential(TurnContext turn, IntakeForm form) => OutgoingMessage.Say(
        "需要为您保密吗？选“保密”后，这件事和您的姓名、电话只有负责办理的工作人员能看到，办结后也不会公开。",
        new QuickReply("保密", "secret:yes"), new QuickReply("不用保密", "secret:no"));

    private static Task<StepOutcome> HandleConfidential(TurnContext turn, IntakeForm form, Reply reply)
    {
        var key = TextNormalizer.Key(reply.Value);
        bool? confidential = reply.Choice switch
        {
            "secret:yes" => true,
            "secret:no" => false,
            _ when key.Contains("不用", StringComparison.Ordinal) || key.Contains("不需要", StringComparison.Ordinal) || key.Contains("无所谓", StringComparison.Ordinal) || key.Contains("公开", StringComparison.Ordinal) => false,
            _ when key.Contains("保密", StringComparison.Ordinal) || key.Contains("匿名", StringComparison.Ordinal) || key.Contains("别让", StringComparison.Ordinal) => true,
            _ => YesNo.Recognize(reply.Value),
        };
        if (confidential is null)
        {
            return Task.FromResult(StepOutcome.Retry("请选“保密”或“不用保密”。"));
        }

        form.Confidential = confidential;
        return Task.FromResult(StepOutcome.Next);
    }

    private static Task<StepOutcome> HandleName(TurnContext turn, IntakeForm form, Reply reply)
    {
        if (Parsers.IsSkip(reply.Value))
        {
            form.Name = null;
            return Task.FromResult(StepOutcome.Next);
        }

        var name = reply.Text;
        if (ContactInfo.NormalizePhone(reply.Folded) is var phone && ContactInfo.IsMobile(phone))
        {
            // The phone number typed ahead ("王女士 13812345678"): kept, with the name beside it if there is one.
            var rest = new string(name.Where(c => !char.IsDigit(c) && c is not ('-' or '+')).ToArray());
            foreach (var words in (string[])["我的手机号码是", "我的手机号是", "我的电话是", "手机号码", "手机号", "电话号码", "电话", "手机", "号码", "联系方式"])
            {
                rest = rest.Replace(words, "", StringComparison.Ordinal);
            }

            rest = rest.Trim(' ', '，', ',', '。', '：', ':', '是');
            var hasName = TextNormalizer.Key(rest).Length is >= 2 and <= 20;
            (form.Name, form.Phone) = (hasName ? rest : null, phone);
            if (!hasName)
            {
                turn.Say("这是手机号，已经记下了，称呼就先空着。");
            }

            return Task.FromResult(StepOutcome.Next);
        }

        if (TextNormalizer.Key(name).Length == 1 && reply.Folded.All(c => c is >= '\u4e00' and <= '\u9fff'))
        {
            return Task.FromResult(StepOutcome.Retry($"只写了一个字，请写成“{name}女士”或“{name}先生”这样；不想留可以回复“跳过”。"));
        }

        if (TextNormalizer.Key(name).Length is <= 1 or > 20 || name.Length > 20 || reply.Folded.Any(char.IsDigit))
        {
            return Task.FromResult(StepOutcome.Retry("称呼请写20个字以内，比如“张女士”，不要带数字；不想留可以回复“跳过”。"));
        }

        form.Name = name;
        return Task.FromResult(StepOutcome.Next);
    }

    private static Task<StepOutcome> HandlePhone(TurnContext turn, IntakeForm form, Reply reply)
    {
        var phone = ContactInfo.NormalizePhone(reply.Folded);
        if (!ContactInfo.IsMobile(phone))
        {
            return Task.FromResult(StepOutcome.Retry("这个手机号好像不对，请输入11位手机号，比如 13812345678。"));
        }

        form.Phone = phone;
        return Task.FromResult(StepOutcome.Next);
    }

    private static OutgoingMessage AskConfirm(TurnContext turn, IntakeForm form)
    {
        var sb = new StringBuilder("请核对一下：\n");
        sb.Append("类型：").Append(Labels.Of(form.Kind)).Append(form.Urgent ? "（重大特急件）" : "").Append('\n');
        sb.Append("学校/单位：").Append(form.SchoolName ?? "不清楚").Append('\n');
        sb.Append("类别：").Append(form.Category is { } c ? Labels.Of(c) : "").Append('\n');
        sb.Append("情况：").Append(form.Description).Append('\n');
        if (form.Amount is { } amount)
        {
            sb.Append("金额：").Append(amount.ToString("0.##", CultureInfo.InvariantCulture)).Append("元\n");
        }

        if (form.IncidentDate is { } date)
        {
            sb.Append("日期：").Append(date.Month).Append('月').Append(date.Day).Append("日\n");
        }

        sb.Append("照片：").Append(form.Photos.Count + turn.State.HeldPhotos.Count).Append("张\n");
        if (form.Confidential == true)
        {
            sb.Append("保密：是（只有负责办理的工作人员能看到）\n");
        }

        sb.Append(form.IsAnonymous
            ? "匿名举报（不记录姓名和电话）"
            : $"联系人：{form.Name ?? "未留称呼"}，{ContactInfo.MaskPhone(form.Phone)}");
        sb.Append("\n\n没问题请点“确认提交”；要改哪一项就点对应的按钮。");
        return OutgoingMessage.Say(sb.ToString(), form.IsAnonymous ? EditChoices.Where(c => c.Value != "edit:phone").ToArray() : EditChoices);
    }

    private static async Task<StepOutcome> HandleConfirmAsync(TurnContext turn, IntakeForm form, Reply reply)
    {
        var picked = ChoiceRecognizer.Match(reply.Value, EditChoices);
        if (picked?.Value.StartsWith("edit:", StringComparison.Ordinal) == true)
        {
            if (picked.Value == "edit:school")
            {
                (form.SchoolCode, form.SchoolName) = (null, null);
            }

            return picked.Value == "edit:phone" && form.IsAnonymous ? StepOutcome.Retry("匿名举报不需要电话。") : StepOutcome.Edit(picked.Value[5..]);
        }

        var confirmed = picked?.Value == Confirm || YesNo.Recognize(reply.Value) == true || TextNormalizer.Key(reply.Value) is "提交" or "确认";
        if (!confirmed)
        {
            return StepOutcome.Retry("请点“确认提交”，或者点要修改的那一项。");
        }

        if (form.Kind != TicketKind.Consultation && turn.Message.UserId.Length > 0)
        {
            form.Similar = await turn.Services.Tickets.FindSimilarAsync(turn.Message.UserId, form.Kind, form.SchoolCode, form.SchoolName, turn.CancellationToken);
            if (form.Similar is not null)
            {
                return StepOutcome.Next;
            }
        }

        return await FileAsync(turn, form);
    }

    private static OutgoingMessage AskDuplicate(TurnContext turn, IntakeForm form)
    {
        var similar = form.Similar!;
        return OutgoingMessage.Say(
            $"您在{Texts.Date(similar.ReceivedAt)}已经反映过{similar.SchoolName ?? "这所学校"}的{Labels.Of(similar.Kind)}（工单号 {similar.Number}，{Texts.Status(similar.Status)}）。这次说的是同一件事吗？",
            new QuickReply("是同一件事", "dup:yes"), new QuickReply("不是，新问题", "dup:no"));
    }

    private static async Task<StepOutcome> HandleDuplicateAsync(TurnContext turn, IntakeForm form, Reply reply)
    {
        bool? same = reply.Choice switch { "dup:yes" => true, "dup:no" => false, _ => YesNo.Recognize(reply.Value) };
        if (same is null)
        {
            return StepOutcome.Retry("请点“是同一件事”或“不是，新问题”。");
        }

        if (!same.Value)
        {
            return await FileAsync(turn, form);
        }

        var number = form.Similar!.Number;
        TakeHeldPhotos(turn, form);
        await turn.Services.Tickets.LinkToAsync(number, turn.Message.UserId, form.Description ?? "", form.Photos, turn.CancellationToken);
        turn.Say($"好的，这次补充的情况已经并入工单 {number}，不会重复登记。回复“查询进度”可以看到办理情况。");
        return StepOutcome.Done;
    }

    private static void HeldPhotosNotice(TurnContext turn)
    {
        if (turn.State.HeldPhotos.Count > 0)
        {
            turn.Say($"您之前发的{turn.State.HeldPhotos.Count}张图片会附在这次登记里。");
        }
    }

    /// <summary>Pictures the parent sent before the photo step (or before the form) join this ticket.</summary>
    private static void TakeHeldPhotos(TurnContext turn, IntakeForm form)
    {
        var held = turn.State.HeldPhotos;
        form.Photos.AddRange(held.Take(Math.Max(0, turn.Services.Options.MaxPhotos - form.Photos.Count)));
        held.Clear();
    }

    private static async Task<StepOutcome> FileAsync(TurnContext turn, IntakeForm form)
    {
        TakeHeldPhotos(turn, form);
        var intake = new TicketIntake
        {
            Kind = form.Kind,
            Severity = form.Urgent ? Severity.Urgent : Severity.Normal,
            Channel = GlobalCommands.ChannelOf(turn.Message.Channel),
            Category = form.Category ?? TicketCategory.Other,
            Description = form.Description ?? "",
            VisitorName = form.IsAnonymous ? null : form.Name,
            VisitorPhone = form.IsAnonymous ? null : form.Phone,
            Anonymous = form.IsAnonymous,
            Confidential = form.Confidential == true,
            FiledBy = turn.Message.UserId,
            SchoolName = form.SchoolName,
            SchoolUnitCode = form.SchoolCode,
            FeeAmount = form.Amount,
            IncidentDate = form.IncidentDate,
        };

        FiledTicket filed;
        try
        {
            filed = await turn.Services.Tickets.FileAsync(new IntakeRequest(intake, form.Photos), turn.CancellationToken);
        }
        catch (DomainException e)
        {
            return StepOutcome.Retry("提交没有成功：" + e.Message);
        }

        var text = new StringBuilder($"已受理！\n工单号：{filed.Number}\n我们会在 {Texts.Date(filed.ReplyDueAt)} 前给您答复（按工作日计算，遇节假日顺延）。");
        if (filed.Severity == Severity.Urgent)
        {
            text.Append("\n已按重大特急件处理，值班工作人员已收到通知。");
        }

        text.Append(form.IsAnonymous
            ? "\n匿名举报不会记录您的身份。请记下工单号，之后在这个对话里回复“查询进度”即可查看。"
            : "\n答复会发到这个对话里。随时回复“查询进度”可以查看办理情况。");
        turn.Say(text.ToString());
        return StepOutcome.Done;
    }
}
