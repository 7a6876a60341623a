using SunshineBot.Knowledge.Content;

namespace SunshineBot.Knowledge.Indexing;

/// <summary>
/// One ranked entry. <see cref="Score"/> is bm25 made positive (higher is better); <see cref="Coverage"/> is
/// the share (by idf weight) of the question's terms that the entry contains, from 0 to 1.
/// </summary>
public sealed record KbHit(KbEntry Entry, double Score, double Coverage, IReadOnlyList<KbCitation> Citations);
