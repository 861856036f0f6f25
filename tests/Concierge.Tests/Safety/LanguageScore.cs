namespace Concierge.Tests.Safety;

/// <summary>Precision and recall of the detector on one language's labelled messages.</summary>
public sealed record LanguageScore(string Language, int Cases, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
}
