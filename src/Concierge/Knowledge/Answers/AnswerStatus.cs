namespace Concierge.Knowledge.Answers;

/// <summary>Whether the documents held an answer.</summary>
public enum AnswerStatus
{
    Answered,
    NothingFound,
}
