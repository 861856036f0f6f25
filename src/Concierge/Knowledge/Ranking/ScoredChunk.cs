namespace Concierge.Knowledge.Ranking;

/// <summary>A chunk's id and how well it matched; higher is better, comparable only within one ranking.</summary>
public readonly record struct ScoredChunk(string ChunkId, double Score);
