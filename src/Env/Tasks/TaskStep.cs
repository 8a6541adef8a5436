namespace RtfmGym.Env.Tasks;

/// <summary>A task's verdict on one step: reward, and whether the task itself ended the episode.</summary>
public readonly record struct TaskStep(double Reward, bool Terminated);
