using SunshineBot.Knowledge.Content;

namespace SunshineBot.Knowledge.Indexing;

/// <summary>
/// One ranked entry. <see cref="Score"/> is bm25 made positive (higher is better); <see cref="Coverage"/> is
/// the share (by idf weight) of the question's terms that the entry contains, from 0 to 1.
/// </summary>
/// <see cref="Similarity"/> is how close the question is to the entry's closest question variant (0 to 1).
/// <see cref="Relevance"/> orders the hits: bm25 relative to the best bm25 of the query, plus half the similarity.
public sealed record KbHit(KbEntry Entry, double Score, double Coverage, double Similarity, double Relevance, IReadOnlyList<KbCitation> Citations);
