using System.Text.Json.Nodes;
using Concierge.Bookings;
using Concierge.Bookings.Conversation;
using Concierge.Bookings.Reading;
using Concierge.Bookings.Store;
using Concierge.Conversations;
using Concierge.Models;

namespace Concierge.Skills.Bookings;

/// <summary>
/// The booking skill: the offline reader (or the model's extraction) proposes, <see cref="BookingDecider"/>
/// decides over the tenant's ports, and a confirmed booking, cancellation or move is an effect of the
/// confirming turn. The reply of that turn is worded as done (<see cref="BookingDecision.AfterCommit"/>)
/// because the effect commits with the reply or not at all: if the slot filled up meanwhile, the
/// writer refuses, nothing of the turn is written, and the turn is decided again (then it says full).
/// </summary>
public sealed class BookingSkill(IBookingDesks desks) : ISkill
{
    public const string SkillName = "bookings";

    /// <summary>Analytics event of a committed booking.</summary>
    public const string BookingCompletedEvent = "booking_completed";

    public string Name => SkillName;

    public ModelRequest? BuildInterpretRequest(SkillContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var zone = TenantZones.Find(Load(context.State)?.TimeZoneId) ?? NodaTime.DateTimeZone.Utc;
        var today = TenantZones.Today(zone, context.Now);
        return BookingModelPrompt.Build(context, $"{today:yyyy-MM-dd} ({today.DayOfWeek})");
    }

    public Proposal? ReadModelAnswer(SkillContext context, ModelResponse answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return BookingModelPrompt.Read(context.UserText, answer.Text);
    }

    public Proposal ProposeOffline(SkillContext context) => new BookingProposal(ProposalSource.Offline, context.UserText);

    public async ValueTask<SkillDecision> DecideAsync(SkillContext context, Proposal proposal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (proposal is not BookingProposal asked)
        {
            return SkillDecision.Rejected($"The booking skill cannot apply a {proposal.GetType().Name}.");
        }

        var desk = await desks.OpenAsync(context.Session.TenantId, cancellationToken);
        var keys = context.Agent.ServiceKeys;
        var services = desk.Services.Select(s => s.Service).Where(s => keys.Count == 0 || keys.Contains(s.Key, StringComparer.Ordinal)).ToList();
        var state = Load(context.State) is { } stored && TenantZones.Find(stored.TimeZoneId) is not null
            ? stored
            : BookingState.Start(TenantZones.Find(desk.Policy.TimeZoneId) is null ? "UTC" : desk.Policy.TimeZoneId, Language(context.Agent.Locale), services.Count == 1 ? services[0] : null);
        var read = new BookingReadContext(context.Now, state.TimeZoneId, context.Agent.Locale, state.Language, state.Pending, services);
        var slots = asked.Model is { } model
            ? ModelSlotsReading.ToSlots(model, read, Region(context.Agent.Locale))
            : BookingSlotReader.Read(asked.Text, read);

        var decision = await BookingDecider.DecideAsync(state, slots, desk.Ports, context.Now, cancellationToken);
        var effects = new List<Effect>();
        var events = new List<DomainEvent>();
        if (decision.Effects.Count > 0)
        {
            Guid? bookingId = null;
            foreach (var effect in decision.Effects)
            {
                if (effect is CreateBooking create)
                {
                    bookingId = Guid.CreateVersion7(context.Now);
                    effects.Add(create with { BookingId = bookingId.Value });
                    events.Add(new DomainEvent(BookingCompletedEvent, new JsonObject { ["booking_id"] = bookingId.Value.ToString(), ["service_id"] = create.ServiceId.ToString() }));
                }
                else
                {
                    effects.Add(effect);
                }
            }

            decision = decision.AfterCommit(bookingId);
        }

        return new SkillDecision
        {
            Action = decision.Action.ToString().ToUpperInvariant(),
            Reply = ReplyPlan.Text(BookingReplies.Write(decision)),
            State = SkillStateDocument.FromJson(BookingStateJson.Write(decision.State)),
            Missing = [.. decision.Missing.Select(BookingFieldNames.Of)],
            Effects = effects,
            Events = events,
            Choices = BookingChoices.For(decision, services),
        };
    }

    public SkillView View(SkillStateDocument state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.ToNode() is JsonObject memory ? new SkillView(memory) : SkillView.Empty;
    }

    private static BookingState? Load(SkillStateDocument state) => state.Json is { } json ? BookingStateJson.Read(json) : null;

    private static string Language(string locale) => locale.Length >= 2 && locale[..2] is "es" or "pt" ? locale[..2] : "en";

    private static string Region(string locale) =>
        locale.Replace('_', '-').Split('-') is [_, var region, ..] && region.Length == 2 ? region.ToUpperInvariant() : "US";
}
