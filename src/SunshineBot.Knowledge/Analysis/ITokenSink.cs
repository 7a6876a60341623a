namespace SunshineBot.Knowledge.Analysis;

/// <summary>Receives the analyzer's tokens one at a time; the span is only valid during the call.</summary>
internal interface ITokenSink
{
    void Add(ReadOnlySpan<char> token);
}
