using SunshineBot.Conversations.Engine;

namespace SunshineBot.Conversations.Flows;

public static class AllFlows
{
    /// <summary>Every flow the engine runs.</summary>
    public static IReadOnlyList<IFlow> Create() => [new FaqFlow(), new IntakeFlow(), new TrackFlow(), new RevisitFlow(), new KindFlow(), new SupplementFlow()];
}
