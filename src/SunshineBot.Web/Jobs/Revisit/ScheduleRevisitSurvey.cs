using System.Globalization;
using Quartz;
using SunshineBot.Core.Tickets;
using SunshineBot.Web.Tickets;

namespace SunshineBot.Web.Jobs.Revisit;

/// <summary>Sets the one-shot survey trigger for a ticket whose reply was just published (persisted by Quartz).</summary>
public sealed class ScheduleRevisitSurvey(ISchedulerFactory schedulers, RevisitOptions options)
{
    public static TriggerKey TriggerKeyOf(string number, int round) =>
        new($"{number}.{round.ToString(CultureInfo.InvariantCulture)}", "revisit-survey");

    public async Task RunAsync(Ticket ticket, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (ticket.ReplyPublishedAt is not { } published || !ParentMessages.CanReach(ticket))
        {
            return;
        }

        var trigger = TriggerBuilder.Create()
            .WithIdentity(TriggerKeyOf(ticket.Number, ticket.RedoCount))
            .ForJob(RevisitSurveyJob.Key)
            .UsingJobData("number", ticket.Number)
            .UsingJobData("round", ticket.RedoCount.ToString(CultureInfo.InvariantCulture))
            .StartAt(published + options.Delay)
            // Fired late after downtime rather than skipped: the job itself decides whether it is still wanted.
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        var scheduler = await schedulers.GetScheduler(ct);
        try
        {
            await scheduler.ScheduleJob(trigger, new ScheduleJobOptions(), ct);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Published twice for the same round (a retried request): one trigger is enough.
        }
    }
}

/// <summary>Wraps the channel's notifier: after the parent is told about the reply, the revisit survey is scheduled.</summary>
public sealed class RevisitSchedulingNotifier(IParentNotifier inner, ScheduleRevisitSurvey schedule, ILogger<RevisitSchedulingNotifier> logger) : IParentNotifier
{
    public Task AddReplyPublishedAsync(Ticket ticket, CancellationToken ct) => inner.AddReplyPublishedAsync(ticket, ct);

    // Quartz keeps its triggers on its own connection, so the trigger is set after the save: if the process dies in
    // between, the follow-up job finds the replied ticket without a survey and sends it.
    public async Task ReplyPublishedSavedAsync(Ticket ticket, CancellationToken ct)
    {
        await inner.ReplyPublishedSavedAsync(ticket, ct);
        try
        {
            await schedule.RunAsync(ticket, ct);
        }
        catch (SchedulerException e)
        {
            // The follow-up job sends surveys whose trigger is missing, so this costs lateness, not the survey.
            logger.LogWarning(e, "Could not schedule the revisit survey for {Number}; the follow-up job will send it", ticket.Number);
        }
    }
}
