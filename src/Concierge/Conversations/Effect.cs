namespace Concierge.Conversations;

/// <summary>
/// A write that belongs to a feature (a booking row, a template record, a follow-up), decided by a
/// skill and committed in the turn's transaction with the messages and the state: all or nothing.
/// The store has one writer per effect type. A writer that finds the write impossible now (the
/// slot filled up meanwhile) throws <see cref="EffectConflictException"/>: nothing of the turn is
/// written and the turn is decided again on the new facts.
/// </summary>
public abstract record Effect;
