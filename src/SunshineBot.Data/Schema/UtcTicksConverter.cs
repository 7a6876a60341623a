using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SunshineBot.Data.Schema;

/// <summary>Stores an instant as UTC ticks (SQLite only), so SQL can sort and compare instants.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));

/// <summary>Normalises instants to UTC on the way in (PostgreSQL's timestamptz accepts offset 0 only).</summary>
public sealed class ToUtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    v => v.ToUniversalTime(),
    v => v);
