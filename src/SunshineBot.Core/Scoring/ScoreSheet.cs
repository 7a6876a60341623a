namespace SunshineBot.Core.Scoring;

/// <summary>Points lost (or, in a bonus item, won) under one rule, with the tickets behind them.</summary>
public sealed record Deduction(decimal Points, string Reason, IReadOnlyList<string> Tickets);

public sealed record ItemScore(string Id, string Title, decimal Points, decimal Max, bool Manual, bool Bonus, IReadOnlyList<Deduction> Deductions, string? Note);

public sealed record UnitScore(string Code, string Name, decimal Score, decimal Max, IReadOnlyList<ItemScore> Items);

/// <summary>A unit to score: its code, name and path in the tree.</summary>
public sealed record ScoredUnit(string Code, string Name, string Path);

public sealed record ScoreSheet(string Rubric, string Title, DateOnly From, DateOnly To, IReadOnlyList<UnitScore> Units);
