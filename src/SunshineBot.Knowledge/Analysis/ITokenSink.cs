namespace SunshineBot.Knowledge.Analysis;

/// <summary>
/// Receives the analyzer's tokens one at a time; the span is only valid during the call. Start and end are
/// offsets into the text that was analysed.
/// </summary>
internal interface ITokenSink
{
    void Add(ReadOnlySpan<char> token, int start, int end);
}
