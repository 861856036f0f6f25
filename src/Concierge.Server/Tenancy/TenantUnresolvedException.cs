namespace Concierge.Server.Tenancy;

/// <summary>A route asked for the tenant, but the request carried no credentials or public agent that names one.</summary>
public sealed class TenantUnresolvedException() : Exception("This route needs a bearer token, an API key or an agent key.");
