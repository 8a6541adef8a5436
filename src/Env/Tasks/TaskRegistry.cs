using System.Collections.Immutable;
using RtfmGym.Env.Scenarios;

namespace RtfmGym.Env.Tasks;

/// <summary>
/// Tasks by the <see cref="TaskKind"/> a scenario names: an immutable value built where the program
/// is put together and handed to the environments it makes. Built in: PointNav, Explore and Free;
/// <see cref="With"/> gives a registry where a kind makes another task (an experiment's own reward).
/// </summary>
public sealed class TaskRegistry
{
    private readonly ImmutableDictionary<TaskKind, Func<Scenario, INavigationTask>> _factories;

    private TaskRegistry(ImmutableDictionary<TaskKind, Func<Scenario, INavigationTask>> factories) => _factories = factories;

    /// <summary>The built-in tasks: <see cref="PointNavTask"/>, <see cref="ExploreTask"/> and <see cref="FreeTask"/>.</summary>
    public static TaskRegistry BuiltIn { get; } = new TaskRegistry(ImmutableDictionary<TaskKind, Func<Scenario, INavigationTask>>.Empty)
        .With(TaskKind.PointNav, _ => new PointNavTask())
        .With(TaskKind.Explore, _ => new ExploreTask())
        .With(TaskKind.Free, _ => new FreeTask());

    /// <summary>A registry like this one where <paramref name="kind"/> makes tasks with <paramref name="factory"/>; this one is unchanged.</summary>
    /// <param name="kind">The scenario's task kind.</param>
    /// <param name="factory">Creates one task per environment, for the scenario it runs.</param>
    public TaskRegistry With(TaskKind kind, Func<Scenario, INavigationTask> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new TaskRegistry(_factories.SetItem(kind, factory));
    }

    /// <summary>A new task for <paramref name="scenario"/>'s task kind.</summary>
    /// <exception cref="RtfmGymException">No task is registered for the kind, or the factory returned null.</exception>
    public INavigationTask Create(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        TaskKind kind = scenario.Task.Kind;
        if (!_factories.TryGetValue(kind, out var factory))
            throw new RtfmGymException($"No task is registered for task kind {kind}; registered: {string.Join(", ", _factories.Keys.Order())}. Add one with TaskRegistry.With.");
        return factory(scenario) ?? throw new RtfmGymException($"The task factory for task kind {kind} returned no task.");
    }
}
