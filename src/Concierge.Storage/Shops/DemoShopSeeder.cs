using Concierge.Shops;
using Concierge.Storage.Bookings;

namespace Concierge.Storage.Shops;

/// <summary>Puts the demo tenant's shops, their services and their booking agents in place if they are missing (an operator's edits survive).</summary>
internal static class DemoShopSeeder
{
    public static async Task EnsureAsync(Database database, TimeProvider clock, TenantSeeder seeder, CancellationToken cancellationToken)
    {
        var services = new SqlBookingStore(database, clock);
        var shops = new SqlShopStore(database, seeder);
        if ((await shops.ListAsync(Concierge.Agents.DemoTenant.TenantId, null, null, 1, cancellationToken)).Count > 0)
        {
            return;
        }

        foreach (var (shop, agent, bookable) in DemoShops.All)
        {
            foreach (var service in bookable)
            {
                await services.AddServiceAsync(service, cancellationToken);
            }

            await database.WriteAsync((connection, transaction) => seeder.InsertAgentsAsync(connection, transaction, [agent], cancellationToken, firstIsDefault: false), cancellationToken);
            await shops.AddAsync(shop, null, cancellationToken);
        }
    }
}
