namespace SunshineBot.Knowledge.Answering;

/// <summary>
/// Receives every answer given, with its question, so staff can see what parents ask and which answers
/// fall short. The web host stores them in the database; the CLI passes none.
/// </summary>
public interface IKbAnswerLog
{
    void Record(string question, KbAnswer answer);
}
