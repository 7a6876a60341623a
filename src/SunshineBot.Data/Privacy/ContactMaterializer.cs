using Microsoft.EntityFrameworkCore.Diagnostics;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Data.Privacy;

/// <summary>
/// Opens a ticket's sealed name and phone as EF builds it, tracked or not. One stateless instance for every context
/// (a singleton interceptor is part of EF's service-provider key); the key ring comes from the context.
/// </summary>
internal sealed class ContactMaterializer : IMaterializationInterceptor
{
    public static ContactMaterializer Instance { get; } = new();

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        if (entity is Ticket ticket && materializationData.Context is SunshineDbContext db)
        {
            db.OpenContact(
                ticket,
                materializationData.GetPropertyValue<string?>(TicketContacts.SealedName),
                materializationData.GetPropertyValue<string?>(TicketContacts.SealedPhone));
        }

        return entity;
    }
}
