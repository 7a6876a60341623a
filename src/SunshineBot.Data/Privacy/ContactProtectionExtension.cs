using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace SunshineBot.Data.Privacy;

/// <summary>
/// Carries the <see cref="ContactProtection"/> to each context through its options. It is not part of the model nor of
/// EF's internal services, so hosts with different key rings share one model and one query cache.
/// </summary>
internal sealed class ContactProtectionExtension(ContactProtection protection) : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;

    public ContactProtection Protection => protection;

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
        }
    }
}

public static class ContactProtectionOptions
{
    /// <summary>Names and phones of tickets saved or loaded through this context are sealed and opened with <paramref name="protection"/>.</summary>
    public static DbContextOptionsBuilder UseContactProtection(this DbContextOptionsBuilder builder, ContactProtection protection)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(protection);
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new ContactProtectionExtension(protection));
        return builder;
    }
}
