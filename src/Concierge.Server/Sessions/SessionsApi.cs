using Concierge.Agents;
using Concierge.Conversations;
using Concierge.Server.Accounts;
using Concierge.Server.Errors;
using Concierge.Server.Http;
using Concierge.Server.Streaming;
using Concierge.Server.Tenancy;
using Concierge.Skills;
using Concierge.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concierge.Server.Sessions;

/// <summary>The native, versioned session API: start a session, send messages, read history and debug.</summary>
public static class SessionsApi
{
    public static RouteGroupBuilder MapSessions(this IEndpointRouteBuilder routes)
    {
        // A conversation's own routes are public-agent routes (the web chat calls them with its
        // X-Agent-Key, as the seed routes are called): a signed-in customer still sees only their own
        // sessions, staff see the tenant's. Listing and debug views are for staff.
        var group = routes.MapGroup("/api/v1/sessions").WithTags("Sessions").RequireRateLimiting(HttpSetup.RateLimitPolicy);

        group.MapGet("/", ListAsync).WithSummary(
            "The tenant's sessions, newest first; filters: customer_id, agent (key), channel, from/to (active in the range: a date or a time with offset), "
            + "crisis=true|false (a crisis-flagged message), fallback=true|false (a turn answered by the fallback), q (text in a message, case-insensitive substring); "
            + "page with after=next_after.").RequireRole(Role.Operator);

        group.MapPost("/", StartAsync)
            .WithSummary("Start a session with an agent (the tenant's default agent when none is named; an anonymous caller gets the public agent its key names).")
            .Accepts<StartSessionRequest>("application/json").AllowPublicAgent();
        group.MapGet("/{id}", GetAsync).WithSummary("A session's state.").AllowPublicAgent();
        group.MapPost("/{id}/messages", SendAsync).WithSummary("Send a user message; answers with the reply once both are stored.").AllowPublicAgent();
        group.MapGet("/{id}/messages", PageAsync).WithSummary("A page of a session's messages, oldest first, after a sequence number.").AllowPublicAgent();
        group.MapTurnStream().AllowPublicAgent();
        group.MapGet("/{id}/debug", DebugAsync).WithSummary("The debug document: messages, memory, draft and every model call.").RequireRole(Role.Operator);
        return group;
    }

    // The body is optional here, so it is read by hand rather than bound (binding would demand one).
    private static async Task<Created<SessionView>> StartAsync(HttpRequest request, SessionDirectory directory, SessionReader reader, RequestTenant tenant, CancellationToken cancellationToken)
    {
        var body = await OptionalJsonBody.ReadAsync<StartSessionRequest>(request, cancellationToken);
        // A customer's sessions always carry their own customer id, whatever the body says.
        var customerId = tenant.CustomerScope ?? Normalize(body?.CustomerId, "customer_id");
        var agent = Normalize(body?.Agent, "agent");
        var channel = "api";
        if (tenant.PublicAgent is { } publicAgent)
        {
            // An anonymous caller talks to the agent its key names, and to no other agent of the tenant.
            if (agent is not null && agent != publicAgent.Key)
            {
                throw new RequestFieldException("agent", $"Field 'agent' must be left out or be '{publicAgent.Key}', the agent the agent key names.");
            }

            // A customer id is an identity: only a signed-in caller may put one on a session, or
            // anyone could plant sessions in a customer's own list.
            if (body?.CustomerId is not null)
            {
                throw new RequestFieldException("customer_id", "Field 'customer_id' needs a signed-in caller; an agent key alone cannot name a customer.");
            }

            agent = publicAgent.Key;
            channel = "web";
        }

        var session = await directory.StartAsync(tenant.Id, agent, channel, customerId, cancellationToken);
        return TypedResults.Created($"/api/v1/sessions/{session.Id}", SessionView.From(session, reader.ViewOf(session)));
    }

    private static async Task<Ok<SessionView>> GetAsync(string id, SessionReader reader, CancellationToken cancellationToken)
    {
        var session = await reader.GetAsync(id, cancellationToken);
        return TypedResults.Ok(SessionView.From(session, reader.ViewOf(session)));
    }

    private static async Task<Ok<SessionList>> ListAsync(
        ISessionStore store, IAgentCatalog agents, SkillCatalog skills, RequestTenant tenant, CancellationToken cancellationToken,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "customer_id")] string? customerId = null, string? agent = null, string? after = null, string? limit = null,
        string? channel = null, string? from = null, string? to = null, string? crisis = null, string? fallback = null, string? q = null)
    {
        Guid? agentId = null;
        if (!string.IsNullOrEmpty(agent))
        {
            agentId = (await agents.FindByKeyAsync(tenant.Id, agent, cancellationToken))?.Id
                ?? throw new RequestFieldException("agent", $"Query parameter 'agent' names no agent of this tenant.");
        }

        Guid? afterId = null;
        if (!string.IsNullOrEmpty(after))
        {
            afterId = Guid.TryParse(after, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new RequestFieldException("after", "Query parameter 'after' must be a session id (the next_after of the previous page).");
        }

        var pageSize = QueryNumber(limit, "limit", 50, 1, SessionReader.MaxPageSize);
        var query = new SessionQuery(Normalize(customerId, "customer_id"), agentId, afterId, pageSize)
        {
            Channel = Normalize(channel, "channel"),
            From = QueryTime(from, "from", endOfDay: false),
            To = QueryTime(to, "to", endOfDay: true),
            Crisis = QueryFlag(crisis, "crisis"),
            Fallback = QueryFlag(fallback, "fallback"),
            Text = string.IsNullOrEmpty(q) ? null : Normalize(q, "q"),
        };
        if (query is { From: { } start, To: { } end } && start >= end)
        {
            throw new RequestFieldException("from", $"The range is empty: 'from' ({start:O}) must be before 'to' ({end:O}).");
        }

        var sessions = await store.ListAsync(tenant.Id, query, cancellationToken);
        return TypedResults.Ok(new SessionList([.. sessions.Select(s => SessionView.From(s, skills.ViewOf(s)))], sessions.Count == pageSize ? sessions[^1].Id : null));
    }

    /// <summary>Answers JSON once the turn is stored, or streams it when the caller accepts text/event-stream.</summary>
    private static async Task<Results<Ok<TurnView>, EmptyHttpResult>> SendAsync(
        string id, SendMessageRequest body, Turn turn, SessionReader reader, ConversationOptions options, StreamingOptions streaming,
        RequestTenant tenant, HttpContext http, CancellationToken cancellationToken)
    {
        var sessionId = SessionIds.ParseOrNotFound(id);
        if (tenant.CustomerScope is not null)
        {
            // Throws "not found" for a session that is not the customer's own.
            await reader.GetAsync(id, cancellationToken);
        }

        var text = UserText.From(body.Message, options.MaxMessageLength);
        var request = new TurnRequest(tenant.Id, sessionId, text, "api");
        if (TurnStreaming.Wants(http.Request))
        {
            // An unknown or expired session is a plain problem response, before the stream opens.
            await reader.GetAsync(id, cancellationToken);
            await TurnStreaming.RunAsync(http, turn, request, SseFormat.Native, streaming, TurnView.From);
            return TypedResults.Empty;
        }

        await TurnStreaming.CheckDoubleTextingAsync(http.RequestServices, request, cancellationToken);
        var result = await turn.TakeAsync(request, cancellationToken);
        http.Response.AddModelTime(result);
        return TypedResults.Ok(TurnView.From(result));
    }

    private static async Task<Ok<MessagePage>> PageAsync(string id, SessionReader reader, CancellationToken cancellationToken, string? after = null, string? limit = null)
    {
        var afterSequence = QueryNumber(after, "after", 0, 0, int.MaxValue);
        var pageSize = QueryNumber(limit, "limit", 50, 1, SessionReader.MaxPageSize);
        return TypedResults.Ok(await reader.PageAsync(id, afterSequence, pageSize, cancellationToken));
    }

    private static async Task<Ok<DebugDocument>> DebugAsync(string id, SessionReader reader, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reader.DebugAsync(id, cancellationToken));

    // Query numbers are parsed here, not bound, so a bad one is a 400 that names the parameter.
    private static int QueryNumber(string? raw, string name, int fallback, int min, int max)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return fallback;
        }

        return int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new RequestFieldException(name, $"Query parameter '{name}' must be a whole number from {min} to {max}.");
    }

    private static DateTimeOffset? QueryTime(string? raw, string name, bool endOfDay) =>
        string.IsNullOrEmpty(raw) ? null
        : QueryParameters.TryTime(raw.Trim(), endOfDay, out var time) ? time
        : throw new RequestFieldException(name, $"Query parameter '{name}' must be a date (2026-12-01) or a time with its offset (2026-12-01T15:00:00Z).");

    // Case-insensitive, as ASP.NET binds a bool ("True" from a form or a hand-typed URL works too).
    private static bool? QueryFlag(string? raw, string name) =>
        string.IsNullOrEmpty(raw) ? null
        : bool.TryParse(raw, out var flag) ? flag
        : throw new RequestFieldException(name, $"Query parameter '{name}' must be true or false.");

    private static string? Normalize(string? value, string field)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = value.Trim();
        return trimmed.Length is 0 or > 128
            ? throw new RequestFieldException(field, $"Field '{field}' must be 1 to 128 characters.")
            : trimmed;
    }
}
