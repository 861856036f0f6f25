using Concierge.Server.Errors;

namespace Concierge.Server.Shops;

/// <summary>The problem documents of the shops API and the router (see <see cref="Problem"/>).</summary>
public static class ShopProblems
{
    /// <summary>A field the request carries cannot be used (a wrong type, out of range, missing): 422 naming it.</summary>
    public static readonly Problem Invalid = new(StatusCodes.Status422UnprocessableEntity, "invalid_field", "A field has a wrong type or value.");
    public static readonly Problem ShopNotFound = new(StatusCodes.Status404NotFound, "shop_not_found", "No such shop.");
    public static readonly Problem ShopExists = new(StatusCodes.Status409Conflict, "shop_exists", "The tenant already has a shop with this slug.");
    public static readonly Problem RouterOff = new(StatusCodes.Status404NotFound, "not_found", "No such route.");
}
