using Microsoft.EntityFrameworkCore;
using SunshineBot.Data;
using SunshineBot.Data.Jobs;

namespace SunshineBot.Web.Jobs;

/// <summary>
/// The guard every job action goes through: a mark is added to the unit of work of the change it stands for, and the
/// unique key makes the second of two racing runs fail on save instead of acting twice.
/// </summary>
public sealed class JobMarks(SunshineDbContext db, TimeProvider clock)
{
    public Task<bool> ExistsAsync(string key, CancellationToken ct) => db.JobMarks.AnyAsync(m => m.Key == key, ct);

    /// <summary>Adds the mark (not saved); the caller's SaveChanges saves it with the change.</summary>
    public void Add(string key) => db.JobMarks.Add(new JobMark { Key = key, At = clock.GetUtcNow() });

    /// <summary>
    /// Saves; false when another run saved the same mark first (a unique-key clash), in which case nothing of this
    /// unit of work was saved and the tracked changes are dropped.
    /// </summary>
    public async Task<bool> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
