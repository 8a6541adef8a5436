using RtfmGym.Env.Spaces;

namespace RtfmGym.Env.Actions;

/// <summary>Turns actions of one <see cref="ActionKind"/> into body motions; owns the action space.</summary>
public abstract class ActionModel
{
    protected ActionModel(ActionSettings settings) => Settings = settings.Validate();

    public ActionSettings Settings { get; }

    /// <summary>The space of valid actions.</summary>
    public abstract Space Space { get; }

    /// <summary>True when the kind has a stop action (only then does PointNav success require stopping).</summary>
    public abstract bool HasStop { get; }

    /// <summary>The motion for <paramref name="action"/>; throws <see cref="ActionOutOfSpaceException"/> for a value outside the space (unless clipping is on).</summary>
    public abstract BodyMotion Interpret(object action);

    /// <summary>The action model of <paramref name="settings"/>' kind.</summary>
    public static ActionModel Create(ActionSettings settings) => settings.Kind switch
    {
        ActionKind.Discrete => new DiscreteActionModel(settings),
        ActionKind.Continuous => new ContinuousActionModel(settings),
        ActionKind.Free6Dof => new FreeFlightActionModel(settings),
        _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Kind, "Unknown action kind."),
    };

    /// <summary>Reads a box action, clipping it when the settings ask, else requiring it to be in the space.</summary>
    protected double[] ReadBox(object action, BoxSpace box)
    {
        if (Settings.ClipActions && BoxSpace.AsArray(action) is { } a && a.Length == box.Count)
        {
            var v = a.ToDoubleArray();
            for (int i = 0; i < v.Length; i++)
            {
                if (double.IsNaN(v[i])) box.Require(action);
                v[i] = Math.Clamp(v[i], box.Low[i], box.High[i]);
            }
            return v;
        }
        box.Require(action);
        return BoxSpace.AsArray(action)!.ToDoubleArray();
    }
}
