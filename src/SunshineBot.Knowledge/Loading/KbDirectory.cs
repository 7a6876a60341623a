namespace SunshineBot.Knowledge.Loading;

/// <summary>Finds the kb/ folder when none is given: the nearest <c>kb</c> with a synonyms file, walking up.</summary>
public static class KbDirectory
{
    public static string? FindFrom(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "kb");
            if (File.Exists(Path.Combine(candidate, KbLoader.SynonymsFile)))
            {
                return candidate;
            }
        }

        return null;
    }
}
