using RtfmGym.Env.Geometry;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Tasks;

namespace RtfmGym.Env.Sensors;

/// <summary>What a sensor is made for: the environment's scenario, its camera (every frame's size) and its task.</summary>
public sealed record SensorSetup(Scenario Scenario, CameraIntrinsics Camera, INavigationTask Task);
