using SunshineBot.Knowledge.Loading;

namespace SunshineBot.Knowledge.Tests.Answering;

public sealed class KnowledgeBaseRebuildTests
{
    [Fact]
    public async Task Rebuild_WhileQuerying_NoQueryFailsAndNewContentIsServed()
    {
        using var kb = new KnowledgeBase(new KnowledgeBaseOptions(), SampleKb.Create());
        using var stop = new CancellationTokenSource();
        var failures = 0;
        var answered = 0;
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var answer = kb.Ask("校服必须买吗");
                    if (answer.Best?.Entry.Id == "uniform-must-buy")
                    {
                        Interlocked.Increment(ref answered);
                    }
                    else
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToArray();

        for (var i = 0; i < 20; i++)
        {
            await Task.Delay(5);
            kb.Rebuild(SampleKb.Create(answerSuffix: $"（第{i}版）"));
        }

        stop.Cancel();
        await Task.WhenAll(readers);

        Assert.Equal(0, failures);
        Assert.True(answered > 0);
        Assert.EndsWith("（第19版）", kb.Ask("校服必须买吗").Best!.Entry.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Rebuild_FromFolder_PicksUpNewEntries()
    {
        using var folder = new TempKbFolder().Policy("materials").Entry("materials-voluntary", ["教辅必须买吗"], ["materials"]);
        using var kb = new KnowledgeBase(new KnowledgeBaseOptions { Path = folder.Path });
        folder.Entry("uniform-must-buy", ["校服必须买吗", "不买校服行不行"], ["materials"], topic: "uniforms", title: "校服必须买吗？");

        var report = kb.Rebuild();

        Assert.Equal(2, report.EntryCount);
        Assert.Equal("uniform-must-buy", kb.Ask("校服必须买吗").Ranked[0].Entry.Id);
    }

    [Fact]
    public void Ask_AfterDispose_Throws()
    {
        var kb = new KnowledgeBase(new KnowledgeBaseOptions(), SampleKb.Create());
        kb.Dispose();

        Assert.Throws<ObjectDisposedException>(() => kb.Ask("校服必须买吗"));
    }

    [Fact]
    public void Constructor_RealKb_BuildsWellUnderASecond()
    {
        // Not a timing assertion (machines differ): the build report must exist and count the real entries.
        var path = Path.Combine(RepositoryRoot.Find(), "kb");
        using var kb = new KnowledgeBase(new KnowledgeBaseOptions { Path = path });

        Assert.Equal(KbLoader.Load(path).Entries.Count, kb.LastBuild.EntryCount);
    }
}
