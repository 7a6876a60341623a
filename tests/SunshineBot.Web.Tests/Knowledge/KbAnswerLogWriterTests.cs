using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SunshineBot.Data;
using SunshineBot.Knowledge;
using SunshineBot.Web.Tests.Hosting;

namespace SunshineBot.Web.Tests.Knowledge;

public sealed class KbAnswerLogWriterTests
{
    [Fact]
    public async Task Ask_AnsweredAndUnanswerableQuestions_AreStoredWithTheEntryShown()
    {
        using var factory = new SunshineWebFactory();
        var kb = factory.Services.GetRequiredService<KnowledgeBase>();

        var answered = kb.Ask("学校让买练习册是强制的吗");
        var refused = kb.Ask("明天天气怎么样");

        Assert.True(answered.Answered);
        Assert.False(refused.Answered);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SunshineDbContext>();
        var rows = await PollAsync(async () => await db.KbAnswerLog.AsNoTracking().OrderBy(r => r.Id).ToListAsync(), r => r.Count >= 2);

        Assert.Equal("学校让买练习册是强制的吗", rows[0].Question);
        Assert.Equal("Answered", rows[0].Status);
        Assert.Equal(answered.Best!.Entry.Id, rows[0].EntryId);
        Assert.Equal("明天天气怎么样", rows[1].Question);
        Assert.NotEqual("Answered", rows[1].Status);
        Assert.Null(rows[1].Helpful);
    }

    private static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        for (var attempt = 0; ; attempt++)
        {
            var value = await read();
            if (done(value) || attempt == 100)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }
}
